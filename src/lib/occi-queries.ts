/**
 * Query options for what every screen needs: the endpoints, their probe, and the query interface.
 * Screens call `useQuery(queryInterfaceQuery(client, id))` and get models or a typed error.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  createQueryInterface,
  type OcciMediaType,
  type QueryInterface,
  type ServerProfile,
  serverProfileOf,
} from '../occi/index.ts';
import type { OcciClient } from './occi-client.ts';
import { queryKeys } from './query-keys.ts';

export function endpointsQuery(client: OcciClient) {
  return queryOptions({
    queryKey: queryKeys.endpoints(),
    queryFn: () => client.fetchEndpoints(),
    staleTime: 5 * 60_000,
  });
}

export function probeQuery(client: OcciClient, endpointId: string) {
  return queryOptions({
    queryKey: queryKeys.probe(endpointId),
    queryFn: ({ signal }) => client.probeEndpoint(endpointId, signal),
    staleTime: 60_000,
    // The page offers a Retry button: a failing endpoint is not asked again behind the user's back.
    retry: false,
  });
}

export interface DiscoveredModel {
  readonly queryInterface: QueryInterface;
  readonly server: string | null;
  readonly serverProfile: ServerProfile;
  /** The rendering the query interface came in. */
  readonly rendering: OcciMediaType | null;
}

export function queryInterfaceQuery(client: OcciClient, endpointId: string) {
  return queryOptions({
    queryKey: queryKeys.queryInterface(endpointId),
    queryFn: async ({ signal }): Promise<DiscoveredModel> => {
      // The endpoint's URL tells the query interface which path prefix its locations carry.
      if (client.endpointUrl(endpointId) === undefined) await client.fetchEndpoints().catch(() => []);
      const answer = await client.request(endpointId, {
        path: '-/',
        structure: 'categories',
        purpose: 'Read the query interface',
        signal,
      });
      const server = answer.headers.get('server');
      const serverProfile = serverProfileOf(server);
      const endpoint = client.endpointUrl(endpointId);
      const collection = answer.model ?? { kinds: [], mixins: [], actions: [] };
      return {
        queryInterface: createQueryInterface(collection, {
          serverProfile,
          ...(endpoint !== undefined && { endpoint }),
        }),
        server,
        serverProfile,
        rendering: answer.rendering,
      };
    },
    staleTime: 10 * 60_000,
    retry: false,
  });
}
