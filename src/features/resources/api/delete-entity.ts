/** `DELETE <entity>`; and `DELETE <collection>`, which removes every entity of a Kind. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OcciClient } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface DeleteRequest {
  /** The entity or collection, relative to the endpoint. */
  readonly location: string;
  readonly purpose: string;
}

export async function deleteEntity(client: OcciClient, endpointId: string, request: DeleteRequest): Promise<void> {
  await client.request(endpointId, { method: 'DELETE', path: request.location, purpose: request.purpose });
}

export function useDeleteEntity(endpointId: string) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DeleteRequest) => deleteEntity(client, endpointId, request),
    onSuccess: async (_nothing, request) => {
      queryClient.removeQueries({ queryKey: queryKeys.entity(endpointId, request.location), exact: true });
      // Its links go with it, so the entities on their other ends change too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'collection'] }),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.endpoint(endpointId), 'entity'] }),
      ]);
    },
  });
}
