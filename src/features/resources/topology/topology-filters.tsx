/** The filter bar: which kinds, states and mixins the graph shows. */
import type { QueryInterface } from '../../../occi/index.ts';
import { mixinLabel } from '../list-view.ts';
import { filterChoices, isFiltered, NO_FILTERS, type TopologyFilters } from './filter-topology.ts';
import type { NodeRole, TopologyGraph } from './topology-graph.ts';

const ROLES: readonly (readonly [NodeRole, string])[] = [
  ['network', 'Networks'],
  ['compute', 'Virtual machines'],
  ['storage', 'Volumes'],
];

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

export function TopologyFilterBar({
  graph,
  queryInterface,
  filters,
  onChange,
}: {
  graph: TopologyGraph;
  queryInterface: QueryInterface;
  filters: TopologyFilters;
  onChange: (filters: TopologyFilters) => void;
}) {
  const choices = filterChoices(graph);
  const counts = new Map<NodeRole, number>();
  for (const node of graph.nodes) counts.set(node.role, (counts.get(node.role) ?? 0) + 1);
  return (
    <div className="topology-filters">
      <fieldset>
        <legend>Kind</legend>
        {ROLES.map(([role, label]) => (
          <label key={role} className="topology-chip">
            <input
              type="checkbox"
              checked={filters.roles.has(role)}
              onChange={() => onChange({ ...filters, roles: toggle(filters.roles, role) })}
            />
            {label} <span className="muted">{counts.get(role) ?? 0}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>State</legend>
        {choices.states.map(({ value, count }) => (
          <label key={value} className="topology-chip">
            <input
              type="checkbox"
              checked={filters.states.has(value)}
              onChange={() => onChange({ ...filters, states: toggle(filters.states, value) })}
            />
            {value} <span className="muted">{count}</span>
          </label>
        ))}
      </fieldset>
      {choices.mixins.length === 0 ? null : (
        <label className="topology-mixin">
          Mixin{' '}
          <select
            value={[...filters.mixins][0] ?? ''}
            onChange={(event) =>
              onChange({ ...filters, mixins: new Set(event.target.value === '' ? [] : [event.target.value]) })
            }
          >
            <option value="">(any)</option>
            {choices.mixins.map(({ id, count }) => (
              <option key={id} value={id}>
                {mixinLabel(queryInterface, id)} ({count})
              </option>
            ))}
          </select>
        </label>
      )}
      {isFiltered(filters) ? (
        <button className="link-button" type="button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
