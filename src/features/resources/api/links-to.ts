/**
 * The links that point at a volume or a network. No server lists them on the target itself (ooi
 * and pyssf render a storage link on the VM only; the spec has no such list), so a volume's page
 * opened directly knew of none. They are read from the link Kinds' own collections, where every
 * server measured lists them with their source and target, and kept when their target is here.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Link } from '../../../occi/index.ts';
import { textOf } from '../attribute-form.ts';
import { listCollection } from './list-collection.ts';

export interface IncomingLink {
  readonly link: Link;
  /** The link's source, relative to the endpoint. */
  readonly source: string;
}

export function linksToQuery(
  client: OcciClient,
  queryClient: QueryClient,
  endpointId: string,
  location: string,
  /** The collections of the link Kinds that may point at it (`storagelink/`), relative to the endpoint. */
  linkCollections: readonly string[],
) {
  return queryOptions({
    queryKey: queryKeys.linksTo(endpointId, location),
    queryFn: async ({ signal }): Promise<IncomingLink[]> => {
      const listings = await Promise.all(
        linkCollections.map((collection) => listCollection(client, queryClient, endpointId, collection, signal)),
      );
      const relative = (value: unknown) => client.relativePath(endpointId, textOf(value as never));
      const found: IncomingLink[] = [];
      for (const listing of listings) {
        for (const entity of listing.entities) {
          if (entity.entityType !== 'link') continue;
          if (relative(entity.attributes.get('occi.core.target')) !== location) continue;
          found.push({ link: entity, source: relative(entity.attributes.get('occi.core.source')) });
        }
      }
      return found;
    },
    enabled: linkCollections.length > 0,
    staleTime: 30_000,
    retry: false,
  });
}
