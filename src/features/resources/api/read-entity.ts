/**
 * `GET <entity>`: one entity, by its location. Polled while its state is on its way somewhere,
 * with back-off, so a detail page follows a VM from `booting` to `active` without a reload.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity } from '../../../occi/index.ts';
import { isTransitional, stateOf } from '../entity-summary.ts';
import { createBackOff } from './poll-delay.ts';

const backOff = createBackOff<object>();

/** Whether the entity, or one of the links it holds (a volume being attached), is on its way to another state. */
function isMoving(entity: Entity): boolean {
  if (isTransitional(stateOf(entity))) return true;
  return entity.entityType === 'resource' && entity.links.some((link) => isTransitional(stateOf(link)));
}

/** What is under way in it, as text: its state and message, and its links' (for the back-off). */
function motionOf(entity: Entity): string {
  const states = [stateOf(entity), ...(entity.entityType === 'resource' ? entity.links.map(stateOf) : [])];
  return states.map((state) => (isTransitional(state) ? `${state?.value}/${state?.message ?? ''}` : '')).join('|');
}

export async function readEntity(
  client: OcciClient,
  endpointId: string,
  location: string,
  signal?: AbortSignal,
): Promise<Entity> {
  const answer = await client.request(endpointId, {
    path: location,
    structure: 'entity',
    purpose: `Read ${location}`,
    ...(signal !== undefined && { signal }),
  });
  if (answer.model === null) throw new Error(`The server answered ${answer.status} with no entity for ${location}.`);
  return answer.model;
}

export function entityQuery(client: OcciClient, endpointId: string, location: string) {
  return queryOptions({
    queryKey: queryKeys.entity(endpointId, location),
    queryFn: ({ signal }) => readEntity(client, endpointId, location, signal),
    staleTime: 30_000,
    retry: false,
    refetchInterval: (query) => {
      const entity = query.state.data;
      const moving = entity !== undefined && query.state.status !== 'error' && isMoving(entity);
      return backOff(query, moving, query.state.dataUpdateCount, entity === undefined ? '' : motionOf(entity));
    },
  });
}

/** Puts an entity the server just answered with where its page and every list find it. */
export function storeEntity(queryClient: QueryClient, endpointId: string, location: string, entity: Entity): void {
  queryClient.setQueryData(queryKeys.entity(endpointId, location), { ...entity, location });
}
