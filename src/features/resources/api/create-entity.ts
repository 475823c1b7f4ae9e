/**
 * `POST <kind location>` with a new entity: a resource with its mixins, attributes and inline
 * links, or a standalone link. Answers the new entity's location (relative to the endpoint).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newEntityId } from '../../../lib/new-entity-id.ts';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import { type Entity, takesClientIds } from '../../../occi/index.ts';
import { isNameOnly } from '../entity-summary.ts';
import { entityOfAnswer, newEntityLocation } from './read-answer.ts';
import { storeEntity } from './read-entity.ts';

export interface CreateRequest {
  /** The Kind's collection, relative to the endpoint (`compute/`). */
  readonly collection: string;
  readonly entity: Entity;
  /** In words, for the inspector. */
  readonly purpose: string;
}

export interface Created {
  /** Relative to the endpoint, or null when the server did not say where. */
  readonly location: string | null;
  readonly entity: Entity | null;
  /** Why the request went in another rendering than first tried, in words (see OcciAnswer). */
  readonly renderingFallback?: string;
}

/**
 * The entity with an `occi.core.id` the console chose, unless it carries one already. OCCI does not
 * say whether a client may choose the id; rOCCI-server 2 refuses a create without one, the rOCCI and
 * pOCCI clients always send one, and the other servers take it or assign their own. A form keeps
 * its id across attempts, so a create sent again after a time-out the server did act on is refused
 * as existing instead of making a second machine.
 */
export function withClientId(entity: Entity, id: string = newEntityId()): Entity {
  const given = entity.attributes.get('occi.core.id');
  if (given !== undefined && given !== null && given !== '') return entity;
  return { ...entity, attributes: new Map([['occi.core.id', id], ...entity.attributes]) };
}

export async function createEntity(client: OcciClient, endpointId: string, request: CreateRequest): Promise<Created> {
  const answer = await client.request(endpointId, {
    method: 'POST',
    path: request.collection,
    body: {
      structure: 'entity',
      model: takesClientIds(client.serverProfile(endpointId)) ? withClientId(request.entity) : request.entity,
    },
    purpose: request.purpose,
  });
  const answered = entityOfAnswer(answer);
  const location = newEntityLocation(answer, request.collection);
  // ooi's JSON answer names the new VM only: its page reads it in full instead.
  const entity = answered !== null && isNameOnly(answered) ? null : answered;
  return {
    location: location === null ? null : client.relativePath(endpointId, location),
    entity,
    ...(answer.renderingFallback !== undefined && { renderingFallback: answer.renderingFallback }),
  };
}

export function useCreateEntity(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateRequest) => createEntity(client, endpointId, request),
    onSuccess: async (created, request) => {
      if (created.location !== null && created.entity !== null)
        storeEntity(queryClient, endpointId, created.location, created.entity);
      // Inline links change the collections of their targets' kinds too; a standalone link changes
      // both its ends. Both are marked at once, so a listing that runs again reads the changed ends again.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] }),
        ...(request.entity.entityType === 'link'
          ? [queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'entity'] })]
          : []),
      ]);
    },
  });
}
