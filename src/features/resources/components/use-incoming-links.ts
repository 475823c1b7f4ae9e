import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity, Link, QueryInterface, TypeId } from '../../../occi/index.ts';
import { type IncomingLink, linksToQuery } from '../api/links-to.ts';
import { textOf } from '../attribute-form.ts';
import { linkLocation } from '../link-facts.ts';
import { attachOptions } from './attach-dialog.tsx';

export interface IncomingLinks {
  readonly links: readonly IncomingLink[];
  /** Still looking, with nothing found yet. */
  readonly reading: boolean;
  readonly error: unknown;
}

/**
 * The links that point at this entity: those read from the link Kinds' collections (a volume's
 * page opened directly), and those held by resources this console has read, each once.
 */
export function useIncomingLinks(
  endpointId: string,
  location: string,
  queryInterface: QueryInterface,
  kindId: TypeId,
): IncomingLinks {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const collections = attachOptions(queryInterface, kindId)
    .filter((option) => option.hereIs === 'target')
    .flatMap((option) => queryInterface.kind(option.linkKind)?.location ?? [])
    .map((collection) => client.relativePath(endpointId, collection));
  const read = useQuery(linksToQuery(client, queryClient, endpointId, location, collections));
  const relative = (url: string) => client.relativePath(endpointId, url);
  const links = new Map<string, IncomingLink>();
  const keyOf = (link: Link) =>
    relative(linkLocation(link, queryInterface) ?? '') || JSON.stringify([...link.attributes]);
  for (const found of read.data ?? []) links.set(keyOf(found.link), found);
  for (const [, other] of queryClient.getQueriesData<Entity>({
    queryKey: [...queryKeys.endpoint(endpointId), 'entity'],
  })) {
    if (other === undefined || other.entityType !== 'resource' || other.location === undefined) continue;
    if (other.location === location) continue;
    for (const link of other.links) {
      if (relative(textOf(link.attributes.get('occi.core.target'))) !== location) continue;
      if (!links.has(keyOf(link))) links.set(keyOf(link), { link, source: other.location });
    }
  }
  return { links: [...links.values()], reading: read.isFetching && read.data === undefined, error: read.error };
}
