/**
 * The layout of a graph, computed again only when its structure changes: polling that moves a
 * VM from `booting` to `active` gives a new graph with the same nodes and edges, and reuses the
 * positions (no relayout, no jump).
 */
import { useRef } from 'react';
import { layoutTopology, type TopologyLayout } from './layout-topology.ts';
import { structureKey, type TopologyGraph } from './topology-graph.ts';

export function useTopologyLayout(
  graph: Pick<TopologyGraph, 'nodes' | 'edges'>,
  layout: typeof layoutTopology = layoutTopology,
): TopologyLayout {
  const cache = useRef<{ key: string; layout: TopologyLayout } | null>(null);
  const key = structureKey(graph);
  if (cache.current === null || cache.current.key !== key) cache.current = { key, layout: layout(graph) };
  return cache.current.layout;
}
