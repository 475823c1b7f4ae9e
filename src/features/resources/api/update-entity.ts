/**
 * `POST <entity>` with what changes, nothing else (a partial update): new attribute values, or
 * a template to swap in, as the OpenStack guide scales a VM up with `m1.medium` and changes its
 * OS with `SmartOS`. A server that refuses updates by POST altogether (405, 501, or ooi's 400
 * "Invalid action None": its POST on an entity is the action route) is sent the same change by
 * PUT, the one way ooi takes a resize (a PUT with more than the new flavour it refuses), and the
 * user is told so. Whatever the server answers, the entity it gives back (or is read again as)
 * is compared with what was asked, and what it did not do is reported: a 200 is no proof.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { isOcciHttpError } from '../../../lib/occi-errors.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity, EntityUpdate, QueryInterface, TypeId } from '../../../occi/index.ts';
import { type IgnoredChange, ignoredChanges } from '../update-outcome.ts';
import { entityOfAnswer } from './read-answer.ts';
import { readEntity, storeEntity } from './read-entity.ts';

export interface UpdateRequest {
  /** The entity, relative to the endpoint. */
  readonly location: string;
  /** Its kind, which a PUT names (ooi's JSON parser reads no mixin of a body without it). */
  readonly kind: TypeId;
  readonly update: EntityUpdate;
  readonly purpose: string;
  /** Mixins the change takes the place of (the template swapped out). */
  readonly replaces?: readonly TypeId[];
  readonly queryInterface: QueryInterface;
  /** A mixin's name for a tenant. */
  readonly label: (id: TypeId) => string;
}

export interface UpdateOutcome {
  /** The entity after the update, as the server answered or as read again; null if it gave neither. */
  readonly entity: Entity | null;
  /** How the change was sent in the end. */
  readonly method: 'POST' | 'PUT';
  /** Why the console sent it another way than first tried, in words; empty when the first way worked. */
  readonly fallback: string | null;
  /** What the server accepted but did not do. */
  readonly ignored: readonly IgnoredChange[];
}

/**
 * A refusal that says "not by POST" rather than "not this change": 405, 501, or a 400 that takes
 * the POST for an action (ooi). Any other 400 is about the change, which a PUT would not mend,
 * and a PUT of a partial body to a server that takes PUT as a full update would lose the rest.
 */
function refusesUpdateByPost(error: unknown): boolean {
  if (!isOcciHttpError(error) || error.fromProxy) return false;
  return (
    error.status === 405 ||
    error.status === 501 ||
    (error.status === 400 && /\baction\b/i.test(error.serverMessage ?? ''))
  );
}

async function send(
  client: OcciClient,
  endpointId: string,
  method: 'POST' | 'PUT',
  request: UpdateRequest,
  update: EntityUpdate,
) {
  return client.request(endpointId, {
    method,
    path: request.location,
    body: { structure: 'entity-update', model: update },
    purpose: method === 'POST' ? request.purpose : `${request.purpose} (by PUT: the server takes no POST)`,
  });
}

export async function updateEntity(
  client: OcciClient,
  endpointId: string,
  request: UpdateRequest,
): Promise<UpdateOutcome> {
  const replaces = request.replaces ?? [];
  let method: 'POST' | 'PUT' = 'POST';
  let fallback: string | null = null;
  let answer: Awaited<ReturnType<typeof send>>;
  try {
    answer = await send(client, endpointId, 'POST', request, request.update);
  } catch (error) {
    if (!refusesUpdateByPost(error)) throw error;
    method = 'PUT';
    fallback = `The server does not take updates by POST (${(error as Error).message}), so the console sent the same change by PUT, which it took.`;
    answer = await send(client, endpointId, 'PUT', request, { ...request.update, kind: request.kind });
  }
  // The answer may carry the entity (rOCCI, ooi's PUT), or not (`OK`, 204): then it is read again.
  const entity = entityOfAnswer(answer) ?? (await readEntity(client, endpointId, request.location).catch(() => null));
  const ignored =
    entity === null ? [] : ignoredChanges(request.update, replaces, entity, request.queryInterface, request.label);
  return { entity, method, fallback, ignored };
}

export function useUpdateEntity(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateRequest) => updateEntity(client, endpointId, request),
    onSuccess: async (outcome, request) => {
      if (outcome.entity !== null) storeEntity(queryClient, endpointId, request.location, outcome.entity);
      else await queryClient.invalidateQueries({ queryKey: queryKeys.entity(endpointId, request.location) });
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] });
    },
  });
}
