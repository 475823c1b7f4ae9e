/**
 * `GET <kind location>`: a Kind's collection as a list of entities. A server that answers with
 * full entities (OCCI 1.2 JSON) costs one request. A server that lists only locations (the text
 * renderings, uri-list, rOCCI's JSON) has each entity read after it, six at a time (a browser's
 * connections per host), with progress for the list to show; an entity already read and neither
 * changed by this console nor on its way to another state is not read again.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { mapWithConcurrency } from '../../../lib/map-with-concurrency.ts';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity } from '../../../occi/index.ts';
import { isNameOnly, isTransitional, locationInCollection, stateOf } from '../entity-summary.ts';
import { reportProgress } from './listing-progress.ts';
import { createBackOff } from './poll-delay.ts';
import { readEntity, storeEntity } from './read-entity.ts';

/** Details read at once for a server that lists only locations. */
export const DETAIL_CONCURRENCY = 6;

export interface ListingFailure {
  readonly location: string;
  readonly error: unknown;
}

export interface Listing {
  /** The collection, relative to the endpoint (`compute/`). */
  readonly location: string;
  /** In the server's order, each with its location relative to the endpoint. */
  readonly entities: readonly Entity[];
  /** Entities listed whose details could not be read. */
  readonly failures: readonly ListingFailure[];
  /** The server listed locations only, so details were read one by one. */
  readonly locationsOnly: boolean;
  /** The server listed entities by name only (ooi's JSON), so details were read one by one. */
  readonly partialEntries: boolean;
  /** Details read by this pass; the rest came with the listing or from what was read before. */
  readonly detailsRead: number;
}

/** An entry with nothing that says where it lives: no location, no occi.core.id, no action link. */
function unplaced(entity: Entity): boolean {
  return (
    entity.location === undefined &&
    entity.attributes.get('occi.core.id') === undefined &&
    entity.actions.every((action) => action.href === undefined)
  );
}

function needsReading(queryClient: QueryClient, endpointId: string, location: string): boolean {
  const key = queryKeys.entity(endpointId, location);
  const known = queryClient.getQueryData<Entity>(key);
  if (known === undefined) return true;
  return queryClient.getQueryState(key)?.isInvalidated === true || isTransitional(stateOf(known));
}

export async function listCollection(
  client: OcciClient,
  queryClient: QueryClient,
  endpointId: string,
  location: string,
  signal?: AbortSignal,
): Promise<Listing> {
  const list = (purpose: string, accept?: 'text/plain') =>
    client.request(endpointId, {
      path: location,
      structure: 'entity-collection',
      purpose,
      ...(accept !== undefined && { accept }),
      ...(signal !== undefined && { signal }),
    });
  let model = (await list(`List ${location}`)).model ?? { locations: [], resources: [], links: [] };
  if ([...model.resources, ...model.links].some(unplaced)) {
    // pyssf's OCCI JSON collections give no entry its id: the text listing names them all.
    const named = await list(
      `List ${location} as locations (its OCCI JSON does not say where each entry is)`,
      'text/plain',
    );
    model = { locations: named.model?.locations ?? [], resources: [], links: [] };
  }
  const entities = new Map<string, Entity>();
  const order: string[] = [];
  const missing: string[] = [];
  let partialEntries = false;
  for (const entity of [...model.resources, ...model.links]) {
    // OCCI JSON entities do not carry their location: it comes from the collection and the id.
    const own = client.relativePath(endpointId, locationInCollection(location, entity));
    order.push(own);
    if (isNameOnly(entity)) {
      partialEntries = true;
      if (needsReading(queryClient, endpointId, own)) missing.push(own);
      continue;
    }
    entities.set(own, { ...entity, location: own });
    storeEntity(queryClient, endpointId, own, entity);
  }
  for (const listed of model.locations) {
    const own = client.relativePath(endpointId, listed);
    if (order.includes(own)) continue;
    order.push(own);
    if (needsReading(queryClient, endpointId, own)) missing.push(own);
  }
  const failures: ListingFailure[] = [];
  if (missing.length > 0) {
    let done = 0;
    // Once the pass is over (finished or cancelled), reads still settling must not show progress again.
    let over = false;
    reportProgress(endpointId, location, { done, total: missing.length });
    try {
      const results = await mapWithConcurrency(
        missing,
        DETAIL_CONCURRENCY,
        async (own) => {
          try {
            const entity = await readEntity(client, endpointId, own, signal);
            storeEntity(queryClient, endpointId, own, entity);
            return entity;
          } finally {
            // A failed read is done too (it shows as a failure), so the bar reaches its end.
            done += 1;
            if (!over) reportProgress(endpointId, location, { done, total: missing.length });
          }
        },
        signal,
      );
      // Cancelled after the last read had started: the reads failed as aborted, not the entities.
      signal?.throwIfAborted();
      results.forEach((result, index) => {
        if (result.status === 'rejected') failures.push({ location: missing[index] as string, error: result.reason });
      });
    } finally {
      over = true;
      reportProgress(endpointId, location, undefined);
    }
  }
  const listed: Entity[] = [];
  for (const own of order) {
    const entity = entities.get(own) ?? queryClient.getQueryData<Entity>(queryKeys.entity(endpointId, own));
    if (entity !== undefined) listed.push({ ...entity, location: own });
  }
  return {
    location,
    entities: listed,
    failures,
    locationsOnly: model.locations.length > 0 && model.resources.length + model.links.length === 0,
    partialEntries,
    detailsRead: missing.length,
  };
}

const backOff = createBackOff<object>();

export function listingQuery(client: OcciClient, queryClient: QueryClient, endpointId: string, location: string) {
  return queryOptions({
    queryKey: queryKeys.collection(endpointId, location),
    queryFn: ({ signal }) => listCollection(client, queryClient, endpointId, location, signal),
    staleTime: 30_000,
    retry: false,
    refetchInterval: (query) => {
      const listing = query.state.data;
      if (listing === undefined || query.state.status === 'error') return backOff(query, false, 0);
      // A VM created while others boot starts the back-off over: its first look is a second away.
      const moving = listing.entities.filter((entity) => isTransitional(stateOf(entity)));
      const motion = moving.map((entity) => `${entity.location}/${stateOf(entity)?.message ?? ''}`).join('|');
      return backOff(query, moving.length > 0, query.state.dataUpdateCount, motion);
    },
  });
}
