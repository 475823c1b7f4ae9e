/**
 * Every query key of the console, from one factory, so a mutation invalidates by prefix: all of
 * an endpoint's data is under `['endpoint', id]`.
 */
export const queryKeys = {
  endpoints: () => ['endpoints'] as const,
  endpoint: (endpointId: string) => ['endpoint', endpointId] as const,
  probe: (endpointId: string) => ['endpoint', endpointId, 'probe'] as const,
  queryInterface: (endpointId: string) => ['endpoint', endpointId, 'query-interface'] as const,
};
