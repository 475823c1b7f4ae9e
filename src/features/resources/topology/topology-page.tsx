/**
 * `/endpoints/:endpointId/topology`: the tenant as a graph. Networks, VMs and volumes as nodes,
 * storage links and network interfaces as edges, coloured by state; the selected node's details
 * and actions beside it; links drawn to create them and removed after a confirmation.
 */
import './topology.css';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import { OcciErrorPanel } from '../components/occi-error-panel.tsx';
import { WithModel } from '../components/with-model.tsx';
import { kindNames } from '../resource-paths.ts';
import { filterTopology, NO_FILTERS, type TopologyFilters } from './filter-topology.ts';
import { EdgeDetails, NodeDetails } from './node-details.tsx';
import { type Selection, TopologyCanvas } from './topology-canvas.tsx';
import { TopologyFilterBar } from './topology-filters.tsx';
import { useLinkEditing } from './use-link-editing.ts';
import { useTopology } from './use-topology.ts';
import { useTopologyLayout } from './use-topology-layout.ts';

export function TopologyPage() {
  const { endpointId = '' } = useParams();
  return (
    <WithModel endpointId={endpointId}>
      {(discovered) => <TopologyView endpointId={endpointId} discovered={discovered} />}
    </WithModel>
  );
}

function TopologyView({ endpointId, discovered }: { endpointId: string; discovered: DiscoveredModel }) {
  const { queryInterface } = discovered;
  const topology = useTopology(endpointId, queryInterface);
  const editing = useLinkEditing(endpointId, queryInterface);
  const [filters, setFilters] = useState<TopologyFilters>(NO_FILTERS);
  const [selection, setSelection] = useState<Selection | null>(null);
  const { removed } = editing;
  const whole = useMemo(() => {
    const graph = topology.graph;
    if (removed.size === 0) return graph;
    return { ...graph, edges: graph.edges.filter((edge) => !removed.has(edge.id)) };
  }, [topology.graph, removed]);
  const shown = useMemo(() => filterTopology(whole, filters), [whole, filters]);
  const layout = useTopologyLayout(shown);
  const selectedNode = selection?.kind === 'node' ? shown.nodes.find((node) => node.id === selection.id) : undefined;
  const selectedEdge = selection?.kind === 'edge' ? shown.edges.find((edge) => edge.id === selection.id) : undefined;
  const { askRemove, connect } = editing;
  const onConnect = useCallback(
    (a: Parameters<typeof connect>[0], b: Parameters<typeof connect>[1]) => void connect(a, b),
    [connect],
  );
  const nameOf = (id: string) => whole.nodes.find((node) => node.id === id)?.name ?? id;
  const removing = editing.removing;
  return (
    <div className="topology-page">
      <div className="topology-head">
        <h1>Topology</h1>
        <p className="muted" role="status">
          {topology.loading
            ? 'Reading the collections…'
            : `${shown.nodes.length} nodes, ${shown.edges.length} links` +
              (shown.nodes.length === whole.nodes.length ? '' : ` (of ${whole.nodes.length} nodes)`) +
              (whole.dangling === 0 ? '' : ` · ${whole.dangling} links to resources not listed`)}
          {editing.pending.length === 0 ? '' : ` · attaching ${editing.pending.length}…`}
        </p>
      </div>
      <TopologyFilterBar graph={whole} queryInterface={queryInterface} filters={filters} onChange={setFilters} />
      {topology.failures.map(({ source, error, retry }) => (
        <OcciErrorPanel
          key={source.collection}
          error={error}
          context={`Could not list the ${kindNames(source.kind).plural.toLowerCase()}`}
          onRetry={retry}
        />
      ))}
      {editing.refusal === null ? null : (
        <ErrorPanel
          context={editing.refusal.context}
          title={editing.refusal.title}
          detail={editing.refusal.detail}
          hint={editing.refusal.hint}
        />
      )}
      <div className="topology-body">
        <div className="topology-graph">
          <TopologyCanvas
            graph={shown}
            pending={editing.pending}
            layout={layout}
            selection={selection}
            onSelect={setSelection}
            onConnect={onConnect}
            onRemoveEdge={askRemove}
          />
        </div>
        <aside className="topology-side" aria-label="Details">
          {selectedNode !== undefined ? (
            <NodeDetails endpointId={endpointId} discovered={discovered} node={selectedNode} graph={whole} />
          ) : selectedEdge !== undefined ? (
            <EdgeDetails edge={selectedEdge} graph={whole} onRemove={askRemove} />
          ) : (
            <div className="topology-help muted">
              <p>Select a node to see its details and actions, or a link to remove it.</p>
              <p>
                Drag from a VM's right edge to a volume to attach it, or from a network's right edge to a VM to give the
                VM an interface on it.
              </p>
            </div>
          )}
        </aside>
      </div>
      {removing === null ? null : (
        <ConfirmDialog
          title="Remove this link?"
          confirmLabel="Remove link"
          danger
          busy={editing.removeBusy}
          onCancel={editing.cancelRemove}
          onConfirm={() => void editing.confirmRemove()}
        >
          <p>
            Detaches {nameOf(removing.target)} from {nameOf(removing.source)}
            {removing.label === '' ? '' : ` (${removing.label})`} with <code>DELETE {removing.location}</code>. The
            resources on both ends stay.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
