/**
 * The filters of the topology: by kind (column), by state and by mixin. A node stays when it
 * passes all three; an edge stays when both its ends stay. An empty choice lets everything through.
 */
import type { TypeId } from '../../../occi/index.ts';
import type { NodeRole, TopologyGraph } from './topology-graph.ts';

export interface TopologyFilters {
  readonly roles: ReadonlySet<NodeRole>;
  /** State values (`active`, `offline`); `(none)` for a node without a state. */
  readonly states: ReadonlySet<string>;
  /** A node passes when it has at least one of these mixins. */
  readonly mixins: ReadonlySet<TypeId>;
}

export const NO_STATE = '(none)';

export const NO_FILTERS: TopologyFilters = { roles: new Set(), states: new Set(), mixins: new Set() };

export function isFiltered(filters: TopologyFilters): boolean {
  return filters.roles.size + filters.states.size + filters.mixins.size > 0;
}

export function filterTopology(graph: TopologyGraph, filters: TopologyFilters): TopologyGraph {
  if (!isFiltered(filters)) return graph;
  const nodes = graph.nodes.filter(
    (node) =>
      (filters.roles.size === 0 || filters.roles.has(node.role)) &&
      (filters.states.size === 0 || filters.states.has(node.state?.value ?? NO_STATE)) &&
      (filters.mixins.size === 0 || node.mixins.some((mixin) => filters.mixins.has(mixin))),
  );
  const kept = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  return { nodes, edges, dangling: graph.dangling };
}

/** What the filters can offer: the states and mixins the nodes have, with how many of each. */
export function filterChoices(graph: TopologyGraph): {
  states: { value: string; count: number }[];
  mixins: { id: TypeId; count: number }[];
} {
  const states = new Map<string, number>();
  const mixins = new Map<TypeId, number>();
  for (const node of graph.nodes) {
    const state = node.state?.value ?? NO_STATE;
    states.set(state, (states.get(state) ?? 0) + 1);
    for (const mixin of new Set(node.mixins)) mixins.set(mixin, (mixins.get(mixin) ?? 0) + 1);
  }
  return {
    states: [...states].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
    mixins: [...mixins]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
  };
}
