/**
 * Every query key of the console, from one factory, so a mutation invalidates by prefix: all of
 * an endpoint's data is under `['endpoint', id]`.
 */
export const queryKeys = {
  endpoints: () => ['endpoints'] as const,
  endpoint: (endpointId: string) => ['endpoint', endpointId] as const,
  probe: (endpointId: string) => ['endpoint', endpointId, 'probe'] as const,
  queryInterface: (endpointId: string) => ['endpoint', endpointId, 'query-interface'] as const,
  /** A Kind's collection, by its location relative to the endpoint (`compute/`). */
  collection: (endpointId: string, location: string) => ['endpoint', endpointId, 'collection', location] as const,
  /**
   * The links that point at an entity, read from the link Kinds' collections: under `collection`,
   * so whatever changes a collection reads them again.
   */
  linksTo: (endpointId: string, location: string) =>
    ['endpoint', endpointId, 'collection', { linksTo: location }] as const,
  /** One entity, by its location relative to the endpoint (`compute/x`). */
  entity: (endpointId: string, location: string) => ['endpoint', endpointId, 'entity', location] as const,
};
