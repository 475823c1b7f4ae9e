import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { Link, QueryInterface } from '../../../occi/index.ts';
import { listingQuery } from '../api/list-collection.ts';
import { entityQuery } from '../api/read-entity.ts';
import { textOf } from '../attribute-form.ts';
import { linkLocation } from '../link-facts.ts';

/**
 * A resource's links, each with its target and its location:
 * - rOCCI-server 1.x renders a resource's links in OCCI JSON by their location alone, so those
 *   are read from there;
 * - pyssf renders them in its JSON with their ends but neither id nor location, so those are
 *   found in their Kind's collection, by the same source and target (without a location a link
 *   cannot be removed).
 * Until a read arrives (or if it fails) the link stays as it was given.
 */
export function useResolvedLinks(
  endpointId: string,
  /** The resource, relative to the endpoint. */
  location: string,
  links: readonly Link[],
  queryInterface: QueryInterface,
): readonly Link[] {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const relative = (value: unknown) => client.relativePath(endpointId, textOf(value as never));
  const unresolved = links.filter((link) => !link.attributes.has('occi.core.target') && link.location !== undefined);
  const reads = useQueries({
    queries: unresolved.map((link) =>
      entityQuery(client, endpointId, client.relativePath(endpointId, link.location ?? '')),
    ),
  });
  const placeless = links.filter((link) => linkLocation(link, queryInterface) === undefined);
  const collections = [...new Set(placeless.map((link) => queryInterface.kind(link.kind)?.location))]
    .filter((collection): collection is string => collection !== undefined)
    .map((collection) => client.relativePath(endpointId, collection));
  const listings = useQueries({
    queries: collections.map((collection) => listingQuery(client, queryClient, endpointId, collection)),
  });
  if (unresolved.length === 0 && placeless.length === 0) return links;
  const read = new Map(unresolved.map((link, index) => [link, reads[index]?.data]));
  const listed = listings.flatMap((listing) => listing.data?.entities ?? []);
  return links.map((link) => {
    const full = read.get(link);
    if (full?.entityType === 'link' && link.location !== undefined) return { ...full, location: link.location };
    if (!placeless.includes(link)) return link;
    const target = relative(link.attributes.get('occi.core.target'));
    const same = listed.find(
      (entity) =>
        entity.entityType === 'link' &&
        entity.kind === link.kind &&
        relative(entity.attributes.get('occi.core.source')) === location &&
        relative(entity.attributes.get('occi.core.target')) === target,
    );
    return same?.location === undefined ? link : { ...link, location: same.location };
  });
}
