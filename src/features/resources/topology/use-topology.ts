/**
 * The tenant's graph, read from the collections the query interface names: every resource Kind
 * that is (or derives from) compute, storage or network, and every link Kind that is a storage
 * link or a network interface, for servers that list links in their own collections. Each is a
 * `listingQuery`, so the lists and the graph share one cache and one polling.
 */
import { type UseQueryResult, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Kind, type QueryInterface, typeId, wellKnown } from '../../../occi/index.ts';
import { type Listing, listingQuery } from '../api/list-collection.ts';
import { linkLocation } from '../link-facts.ts';
import { buildTopology, type NodeRole, type TopologyGraph } from './topology-graph.ts';

export interface TopologySource {
  /** The column its resources go in, or `link` for a link Kind's collection. */
  readonly role: NodeRole | 'link';
  readonly kind: Kind;
  /** Relative to the endpoint (`compute/`). */
  readonly collection: string;
}

const RESOURCE_ROLES: readonly (readonly [string, NodeRole])[] = [
  [wellKnown.COMPUTE, 'compute'],
  [wellKnown.STORAGE, 'storage'],
  [wellKnown.NETWORK, 'network'],
];
const LINK_KINDS = [wellKnown.STORAGELINK, wellKnown.NETWORKINTERFACE];

/** The collections the graph reads, from the query interface. */
export function topologySources(queryInterface: QueryInterface, relative: (url: string) => string): TopologySource[] {
  const sources: TopologySource[] = [];
  for (const kind of queryInterface.kinds()) {
    if (kind.location === undefined) continue;
    const id = typeId(kind.scheme, kind.term);
    const role = RESOURCE_ROLES.find(([ancestor]) => queryInterface.isSubKindOf(id, ancestor))?.[1];
    const isLink = LINK_KINDS.some((ancestor) => queryInterface.isSubKindOf(id, ancestor));
    if (role === undefined && !isLink) continue;
    sources.push({ role: role ?? 'link', kind, collection: relative(kind.location) });
  }
  return sources;
}

export interface Topology {
  readonly graph: TopologyGraph;
  /** Some collection is still being read for the first time. */
  readonly loading: boolean;
  readonly failures: readonly {
    readonly source: TopologySource;
    readonly error: unknown;
    readonly retry: () => void;
  }[];
}

export function useTopology(endpointId: string, queryInterface: QueryInterface): Topology {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const sources = useMemo(
    () => topologySources(queryInterface, (url) => client.relativePath(endpointId, url)),
    [queryInterface, client, endpointId],
  );
  const combine = useCallback(
    (results: UseQueryResult<Listing>[]) => combineListings(client, endpointId, queryInterface, sources, results),
    [client, endpointId, queryInterface, sources],
  );
  return useQueries({
    queries: sources.map((source) => listingQuery(client, queryClient, endpointId, source.collection)),
    combine,
  });
}

function combineListings(
  client: OcciClient,
  endpointId: string,
  queryInterface: QueryInterface,
  sources: readonly TopologySource[],
  results: UseQueryResult<Listing>[],
): Topology {
  const relative = (url: string) => client.relativePath(endpointId, url);
  const resources: { role: NodeRole; entities: Listing['entities'] }[] = [];
  const links: Listing['entities'][number][] = [];
  const failures: Topology['failures'][number][] = [];
  results.forEach((result, index) => {
    const source = sources[index] as TopologySource;
    if (result.isError) failures.push({ source, error: result.error, retry: () => void result.refetch() });
    const entities = result.data?.entities ?? [];
    if (source.role === 'link') links.push(...entities);
    else resources.push({ role: source.role, entities });
  });
  const graph = buildTopology({
    resources,
    links,
    relative,
    locate: (link) => {
      const location = linkLocation(link, queryInterface);
      return location === undefined ? undefined : relative(location);
    },
  });
  return { graph, loading: results.some((result) => result.isPending), failures };
}
