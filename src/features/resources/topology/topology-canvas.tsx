/**
 * The graph itself, drawn by xyflow: nodes where the layout put them, edges labelled, zoom, pan,
 * a minimap and fit to screen. It owns no data: it reports clicks, drawn edges and the Delete key
 * to the page, which decides (so the page's create and delete paths are tested without a canvas).
 */
import '@xyflow/react/dist/style.css';
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type NodeHandle,
  Position,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isTransitional, stateTone } from '../entity-summary.ts';
import { NODE_HEIGHT, NODE_WIDTH, type TopologyLayout } from './layout-topology.ts';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './topology-graph.ts';
import { type ResourceNode, ResourceNodeView } from './topology-node.tsx';
import { canLink } from './use-link-editing.ts';

export interface Selection {
  readonly kind: 'node' | 'edge';
  readonly id: string;
}

export interface TopologyCanvasProps {
  readonly graph: TopologyGraph;
  /** Edges drawn and not yet confirmed: dashed. */
  readonly pending: readonly TopologyEdge[];
  readonly layout: TopologyLayout;
  readonly selection: Selection | null;
  readonly onSelect: (selection: Selection | null) => void;
  readonly onConnect: (a: TopologyNode, b: TopologyNode) => void;
  readonly onRemoveEdge: (edge: TopologyEdge) => void;
}

const NODE_TYPES = { resource: ResourceNodeView };

/**
 * Where each kind of node has its handles (as topology-node.tsx draws them: 6 px, centred on the
 * border). Known up front, xyflow draws the edges at once instead of after measuring 500 nodes.
 */
const HANDLE = 6;
const IN: NodeHandle = {
  type: 'target',
  position: Position.Left,
  x: -HANDLE / 2,
  y: NODE_HEIGHT / 2 - HANDLE / 2,
  width: HANDLE,
  height: HANDLE,
};
const OUT: NodeHandle = {
  type: 'source',
  position: Position.Right,
  x: NODE_WIDTH - HANDLE / 2,
  y: NODE_HEIGHT / 2 - HANDLE / 2,
  width: HANDLE,
  height: HANDLE,
};
const HANDLES: Readonly<Record<TopologyNode['role'], NodeHandle[]>> = {
  network: [OUT],
  compute: [IN, OUT],
  storage: [IN],
};

function toNode(node: TopologyNode, layout: TopologyLayout, selected: boolean): ResourceNode {
  return {
    id: node.id,
    type: 'resource',
    position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    handles: HANDLES[node.role],
    selected,
    deletable: false,
    draggable: false,
    ariaLabel: `${node.name}, ${node.role === 'compute' ? 'virtual machine' : node.role === 'storage' ? 'volume' : 'network'}, ${node.state?.value ?? 'no state'}`,
    data: {
      name: node.name,
      role: node.role,
      stateText: node.state?.value ?? 'no state',
      tone: stateTone(node.state),
      moving: isTransitional(node.state),
    },
  };
}

function sameData(a: ResourceNode, b: ResourceNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.data.name === b.data.name &&
    a.data.stateText === b.data.stateText &&
    a.data.tone === b.data.tone &&
    a.data.moving === b.data.moving
  );
}

function toEdge(edge: TopologyEdge, selected: boolean): Edge {
  // Network interfaces are drawn from the network (left) to the VM, storage links from the VM to the volume.
  const [source, target] = edge.role === 'network' ? [edge.target, edge.source] : [edge.source, edge.target];
  const tone = edge.pending === true ? 'pending' : `tone-${stateTone(edge.state)}`;
  return {
    id: edge.id,
    source,
    target,
    selected,
    deletable: edge.pending !== true,
    selectable: edge.pending !== true,
    className: `topology-edge ${tone}`,
    ...(edge.label === '' ? {} : { label: edge.label }),
    ariaLabel: `${edge.role === 'storage' ? 'Storage link' : 'Network interface'} ${edge.label}`.trim(),
  };
}

export function TopologyCanvas({
  graph,
  pending,
  layout,
  selection,
  onSelect,
  onConnect,
  onRemoveEdge,
}: TopologyCanvasProps) {
  const byId = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node])), [graph.nodes]);
  const edgesById = useMemo(() => new Map(graph.edges.map((edge) => [edge.id, edge])), [graph.edges]);
  const selectedNode = selection?.kind === 'node' ? selection.id : null;
  const selectedEdge = selection?.kind === 'edge' ? selection.id : null;
  // Nodes are state, so xyflow's measurements (applied through onNodesChange) survive new data;
  // a node whose data did not change keeps its object, and its memoised view does not render again.
  const [nodes, setNodes] = useState<ResourceNode[]>(() =>
    graph.nodes.map((node) => toNode(node, layout, node.id === selectedNode)),
  );
  useEffect(() => {
    setNodes((previous) => {
      const old = new Map(previous.map((node) => [node.id, node]));
      return graph.nodes.map((node) => {
        const next = toNode(node, layout, node.id === selectedNode);
        const before = old.get(node.id);
        if (before === undefined) return next;
        if (sameData(before, next)) return before;
        return before.measured === undefined ? next : { ...next, measured: before.measured };
      });
    });
  }, [graph.nodes, layout, selectedNode]);
  const edges = useMemo(
    () => [...graph.edges, ...pending].map((edge) => toEdge(edge, edge.id === selectedEdge)),
    [graph.edges, pending, selectedEdge],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<ResourceNode>[]) => {
      // Selection is the page's: a node chosen by keyboard arrives here as a select change.
      for (const change of changes)
        if (change.type === 'select' && change.selected) onSelect({ kind: 'node', id: change.id });
      setNodes((current) =>
        applyNodeChanges(
          changes.filter((change) => change.type !== 'select'),
          current,
        ),
      );
    },
    [onSelect],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes)
        if (change.type === 'select' && change.selected && edgesById.has(change.id))
          onSelect({ kind: 'edge', id: change.id });
    },
    [edgesById, onSelect],
  );
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const a = byId.get(connection.source);
      const b = byId.get(connection.target);
      return a !== undefined && b !== undefined && canLink(a.role, b.role);
    },
    [byId],
  );
  return (
    <ReactFlow<ResourceNode, Edge>
      className="topology-flow"
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeClick={(_event, node) => onSelect({ kind: 'node', id: node.id })}
      onEdgeClick={(_event, edge) => {
        if (edgesById.has(edge.id)) onSelect({ kind: 'edge', id: edge.id });
      }}
      onPaneClick={() => onSelect(null)}
      onConnect={(connection) => {
        const a = byId.get(connection.source);
        const b = byId.get(connection.target);
        if (a !== undefined && b !== undefined) onConnect(a, b);
      }}
      isValidConnection={isValidConnection}
      onBeforeDelete={async ({ edges: doomed }) => {
        // The page asks first and sends the DELETE; xyflow removes nothing by itself.
        const edge = doomed.map((candidate) => edgesById.get(candidate.id)).find((found) => found !== undefined);
        if (edge !== undefined) onRemoveEdge(edge);
        return false;
      }}
      deleteKeyCode={['Delete', 'Backspace']}
      nodesDraggable={false}
      onlyRenderVisibleElements={graph.nodes.length > 150}
      minZoom={0.02}
      maxZoom={2}
      fitView
      fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
      proOptions={{ hideAttribution: true }}
    >
      <FitOnNewLayout layout={layout} />
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
      <MiniMap
        style={{ width: 150, height: 100 }}
        pannable
        zoomable
        ariaLabel="Overview of the graph"
        nodeClassName={(node) => `topology-minimap-node tone-${(node as ResourceNode).data.tone}`}
      />
    </ReactFlow>
  );
}

/** A new layout (another filter, a node more) is shown whole; the first is fitted by `fitView`. */
function FitOnNewLayout({ layout }: { layout: TopologyLayout }) {
  const flow = useReactFlow();
  const first = useRef(layout);
  useEffect(() => {
    if (first.current === layout) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.1, maxZoom: 1, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, layout]);
  return null;
}
