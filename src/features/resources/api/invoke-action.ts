/**
 * `POST <entity>?action=<term>` (or the action link a text rendering gave), and the same on a
 * whole collection. The answer may be the entity (the demo cloud, rOCCI) or nothing (ooi's 204);
 * either way the entity is read again, and polled until it settles.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import { type Attributes, type Entity, type TypeId, termOf } from '../../../occi/index.ts';
import { entityOfAnswer } from './read-answer.ts';
import { storeEntity } from './read-entity.ts';

export interface ActionRequest {
  /** The entity or collection, relative to the endpoint. */
  readonly target: string;
  readonly action: TypeId;
  readonly attributes: Attributes;
  /** The action link the rendering gave, used as is. */
  readonly href?: string;
  readonly purpose: string;
}

function actionPath(target: string, action: TypeId): string {
  return `${target}${target.includes('?') ? '&' : '?'}action=${encodeURIComponent(termOf(action))}`;
}

export async function invokeAction(
  client: OcciClient,
  endpointId: string,
  request: ActionRequest,
): Promise<Entity | null> {
  const answer = await client.request(endpointId, {
    method: 'POST',
    path: request.href ?? actionPath(request.target, request.action),
    body: { structure: 'action-invocation', model: { action: request.action, attributes: request.attributes } },
    purpose: request.purpose,
  });
  return request.target.endsWith('/') ? null : entityOfAnswer(answer);
}

export function useInvokeAction(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ActionRequest) => invokeAction(client, endpointId, request),
    onSettled: async (entity, _error, request) => {
      if (entity !== null && entity !== undefined) storeEntity(queryClient, endpointId, request.target, entity);
      else await queryClient.invalidateQueries({ queryKey: queryKeys.entity(endpointId, request.target) });
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] });
    },
  });
}
