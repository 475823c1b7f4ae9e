import { useQueries } from '@tanstack/react-query';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { Link } from '../../../occi/index.ts';
import { entityQuery } from '../api/read-entity.ts';

/**
 * A resource's links, each with its target: rOCCI-server 1.x renders a resource's links in OCCI
 * JSON by their location alone, so those are read from there. Until a read arrives (or if it
 * fails) the link stays as it was given.
 */
export function useResolvedLinks(endpointId: string, links: readonly Link[]): readonly Link[] {
  const client = useOcciClient();
  const unresolved = links.filter((link) => !link.attributes.has('occi.core.target') && link.location !== undefined);
  const reads = useQueries({
    queries: unresolved.map((link) =>
      entityQuery(client, endpointId, client.relativePath(endpointId, link.location ?? '')),
    ),
  });
  if (unresolved.length === 0) return links;
  const read = new Map(unresolved.map((link, index) => [link, reads[index]?.data]));
  return links.map((link) => {
    const full = read.get(link);
    return full?.entityType === 'link' && link.location !== undefined ? { ...full, location: link.location } : link;
  });
}
