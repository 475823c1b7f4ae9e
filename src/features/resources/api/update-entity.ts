/**
 * `POST <entity>` with what changes, nothing else (a partial update): new attribute values, or
 * a template to swap in, as the OpenStack guide scales a VM up with `m1.medium` and changes its
 * OS with `SmartOS`. Servers that do not update answer 501 or 405; the caller shows why.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity, EntityUpdate } from '../../../occi/index.ts';
import { entityOfAnswer } from './read-answer.ts';
import { storeEntity } from './read-entity.ts';

export interface UpdateRequest {
  /** The entity, relative to the endpoint. */
  readonly location: string;
  readonly update: EntityUpdate;
  readonly purpose: string;
}

export async function updateEntity(
  client: OcciClient,
  endpointId: string,
  request: UpdateRequest,
): Promise<Entity | null> {
  const answer = await client.request(endpointId, {
    method: 'POST',
    path: request.location,
    body: { structure: 'entity-update', model: request.update },
    purpose: request.purpose,
  });
  return entityOfAnswer(answer);
}

export function useUpdateEntity(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateRequest) => updateEntity(client, endpointId, request),
    onSuccess: async (entity, request) => {
      if (entity !== null) storeEntity(queryClient, endpointId, request.location, entity);
      else await queryClient.invalidateQueries({ queryKey: queryKeys.entity(endpointId, request.location) });
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] });
    },
  });
}
