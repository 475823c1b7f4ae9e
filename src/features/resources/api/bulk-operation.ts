/**
 * One action or a delete on many entities: one request per entity, four at a time, every one
 * settled and reported (a refusal of one does not stop the rest); or, when the user chose the
 * whole collection, the one request OCCI has for it (`POST <collection>?action=`,
 * `DELETE <collection>`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mapWithConcurrency } from '../../../lib/map-with-concurrency.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Attributes, TypeId } from '../../../occi/index.ts';
import { deleteEntity } from './delete-entity.ts';
import { invokeAction } from './invoke-action.ts';

export interface BulkRequest {
  /** An action's type id, or `delete`. */
  readonly operation: TypeId | 'delete';
  readonly attributes?: Attributes;
  /** Entity locations; or one collection location (ending in `/`) for the whole collection. */
  readonly targets: readonly string[];
  /** In words, for the inspector: "Stop", "Delete". */
  readonly verb: string;
}

export interface BulkOutcome {
  readonly target: string;
  readonly error?: unknown;
}

const BULK_CONCURRENCY = 4;

export function useBulkOperation(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: BulkRequest): Promise<readonly BulkOutcome[]> => {
      const results = await mapWithConcurrency(
        request.targets,
        BULK_CONCURRENCY,
        (target): Promise<unknown> =>
          request.operation === 'delete'
            ? deleteEntity(client, endpointId, { location: target, purpose: `${request.verb} ${target}` })
            : invokeAction(client, endpointId, {
                target,
                action: request.operation,
                attributes: request.attributes ?? new Map(),
                purpose: `${request.verb} ${target}`,
              }),
      );
      return results.map((result, index) => ({
        target: request.targets[index] as string,
        ...(result.status === 'rejected' && { error: result.reason }),
      }));
    },
    onSettled: async (_outcomes, _error, request) => {
      if (request.operation === 'delete') {
        for (const target of request.targets)
          queryClient.removeQueries({ queryKey: queryKeys.entity(endpointId, target), exact: true });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] }),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'entity'] }),
      ]);
    },
  });
}
