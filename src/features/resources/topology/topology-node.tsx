/** One resource in the graph: its name, what it is and its state, coloured by the state's tone. */
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { NodeRole } from './topology-graph.ts';

export interface ResourceNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly role: NodeRole;
  readonly stateText: string;
  readonly tone: 'ok' | 'warn' | 'error' | 'info' | 'neutral';
  readonly moving: boolean;
}

export type ResourceNode = Node<ResourceNodeData, 'resource'>;

export const ROLE_LABEL: Readonly<Record<NodeRole, string>> = {
  network: 'Network',
  compute: 'VM',
  storage: 'Volume',
};

/**
 * Networks sit left of the VMs and volumes right of them, so a VM takes edges on both sides:
 * network interfaces come in on its left, storage links leave on its right.
 */
export const ResourceNodeView = memo(function ResourceNodeView({ data }: NodeProps<ResourceNode>) {
  return (
    <div className={`topology-node role-${data.role} tone-${data.tone}`}>
      {data.role === 'network' ? null : <Handle type="target" position={Position.Left} />}
      <span className="topology-node-name" title={data.name}>
        {data.name}
      </span>
      <span className="topology-node-meta">
        <span>{ROLE_LABEL[data.role]}</span>
        <span className={`badge ${data.tone}`}>
          {data.moving ? <span className="spinner" aria-hidden="true" /> : null}
          {data.stateText}
        </span>
      </span>
      {data.role === 'storage' ? null : <Handle type="source" position={Position.Right} />}
    </div>
  );
});
