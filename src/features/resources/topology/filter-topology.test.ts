import { describe, expect, it } from 'vitest';
import { filterChoices, filterTopology, NO_FILTERS, NO_STATE } from './filter-topology.ts';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './topology-graph.ts';

const node = (id: string, role: TopologyNode['role'], state: string | undefined, mixins: string[] = []) =>
  ({
    id,
    role,
    name: id,
    mixins,
    state: state === undefined ? undefined : { attribute: 'x', value: state },
  }) as unknown as TopologyNode;
const edge = (source: string, target: string) => ({ id: `${source}>${target}`, source, target }) as TopologyEdge;

const graph: TopologyGraph = {
  nodes: [
    node('net', 'network', 'active'),
    node('vm1', 'compute', 'active', ['tag#prod']),
    node('vm2', 'compute', 'inactive', ['tag#dev']),
    node('vol', 'storage', undefined),
  ],
  edges: [edge('vm1', 'net'), edge('vm2', 'net'), edge('vm1', 'vol')],
  dangling: 0,
};

describe('filterTopology', () => {
  it('gives the graph back unfiltered when nothing is chosen', () => {
    expect(filterTopology(graph, NO_FILTERS)).toBe(graph);
  });

  it('keeps the nodes of the chosen kinds, states and mixins, and the edges between them', () => {
    const ids = (g: TopologyGraph) => [g.nodes.map((n) => n.id), g.edges.map((e) => e.id)];
    expect(ids(filterTopology(graph, { ...NO_FILTERS, roles: new Set(['compute', 'network']) }))).toEqual([
      ['net', 'vm1', 'vm2'],
      ['vm1>net', 'vm2>net'],
    ]);
    expect(ids(filterTopology(graph, { ...NO_FILTERS, states: new Set(['active']) }))).toEqual([
      ['net', 'vm1'],
      ['vm1>net'],
    ]);
    expect(ids(filterTopology(graph, { ...NO_FILTERS, states: new Set([NO_STATE]) }))).toEqual([['vol'], []]);
    expect(ids(filterTopology(graph, { ...NO_FILTERS, mixins: new Set(['tag#dev']) }))).toEqual([['vm2'], []]);
  });

  it('offers the states and mixins the graph has, with counts', () => {
    expect(filterChoices(graph)).toEqual({
      states: [
        { value: '(none)', count: 1 },
        { value: 'active', count: 2 },
        { value: 'inactive', count: 1 },
      ],
      mixins: [
        { id: 'tag#dev', count: 1 },
        { id: 'tag#prod', count: 1 },
      ],
    });
  });
});
