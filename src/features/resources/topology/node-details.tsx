/**
 * Beside the graph: what the selected node is (name, kind, state, its key attributes, a link to
 * its page, its actions), or the selected edge with a button to remove the link.
 */
import { Link as RouterLink } from 'react-router';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import { EntityActions } from '../components/entity-actions.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { cellValue, columnsFor, mixinLabel } from '../list-view.ts';
import { kindNames, resourcePath } from '../resource-paths.ts';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './topology-graph.ts';

export function NodeDetails({
  endpointId,
  discovered,
  node,
  graph,
}: {
  endpointId: string;
  discovered: DiscoveredModel;
  node: TopologyNode;
  graph: TopologyGraph;
}) {
  const { queryInterface, serverProfile } = discovered;
  const kind = queryInterface.kind(node.entity.kind);
  const columns = columnsFor(queryInterface, node.entity.kind).filter(
    (column) => column.id !== 'name' && column.id !== 'state',
  );
  // Templates are in their own row; the other mixins a tenant adds are tags.
  const tags = node.mixins.filter((id) => queryInterface.mixinRole(id) === 'tag');
  const links = graph.edges.filter((edge) => edge.source === node.id || edge.target === node.id).length;
  return (
    <section className="topology-details" aria-labelledby="topology-details-heading">
      <h2 id="topology-details-heading">{node.name}</h2>
      <p className="topology-details-kind">
        {kind === undefined ? node.entity.kind : kindNames(kind).singular} <StateBadge state={node.state} />
      </p>
      <dl className="topology-facts">
        {columns.map((column) => {
          const value = cellValue(node.entity, column, queryInterface, serverProfile);
          return value === undefined || value === '' ? null : (
            <div key={column.id}>
              <dt>{column.label}</dt>
              <dd>{value}</dd>
            </div>
          );
        })}
        {tags.length === 0 ? null : (
          <div>
            <dt>Tags</dt>
            <dd>{tags.map((id) => mixinLabel(queryInterface, id)).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Links</dt>
          <dd>{links}</dd>
        </div>
      </dl>
      <p>
        <RouterLink to={resourcePath(endpointId, node.id)}>Open its page</RouterLink>
      </p>
      <EntityActions
        endpointId={endpointId}
        entity={node.entity}
        location={node.id}
        queryInterface={queryInterface}
        name={node.name}
      />
    </section>
  );
}

export function EdgeDetails({
  edge,
  graph,
  onRemove,
}: {
  edge: TopologyEdge;
  graph: TopologyGraph;
  onRemove: (edge: TopologyEdge) => void;
}) {
  const name = (id: string) => graph.nodes.find((node) => node.id === id)?.name ?? id;
  return (
    <section className="topology-details" aria-labelledby="topology-details-heading">
      <h2 id="topology-details-heading">{edge.role === 'storage' ? 'Storage link' : 'Network interface'}</h2>
      <p className="topology-details-kind">
        {name(edge.source)} → {name(edge.target)} <StateBadge state={edge.state} />
      </p>
      <dl className="topology-facts">
        {edge.label === '' ? null : (
          <div>
            <dt>{edge.role === 'storage' ? 'Mountpoint' : 'Address'}</dt>
            <dd>{edge.label}</dd>
          </div>
        )}
        <div>
          <dt>Location</dt>
          <dd>{edge.location === undefined ? 'inline, no location' : <code>{edge.location}</code>}</dd>
        </div>
      </dl>
      <button
        className="button danger"
        type="button"
        disabled={edge.location === undefined}
        onClick={() => onRemove(edge)}
      >
        Remove link
      </button>
    </section>
  );
}
