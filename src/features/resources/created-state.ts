/**
 * What a create sent, handed to the new entity's page in the router's state, so that page can say
 * what the server did not keep (ooi used to drop a JSON create's title and call the VM `OCCI_VM`)
 * and how the request had to be sent. Plain data: the history stores it.
 */
import type { AttributeValue, Entity, EntityUpdate, TypeId } from '../../occi/index.ts';

export interface CreatedState {
  readonly created: {
    readonly mixins: readonly TypeId[];
    /** What the form sent, occi.core.id aside (a server may choose its own id, and says where). */
    readonly attributes: readonly (readonly [string, AttributeValue])[];
    readonly renderingFallback?: string;
  };
}

export function createdState(entity: Entity, renderingFallback: string | undefined): CreatedState {
  return {
    created: {
      mixins: entity.mixins,
      attributes: [...entity.attributes].filter(([name]) => name !== 'occi.core.id'),
      ...(renderingFallback !== undefined && { renderingFallback }),
    },
  };
}

/** The router state as a CreatedState, or undefined for any other state. */
export function readCreatedState(state: unknown): CreatedState['created'] | undefined {
  if (typeof state !== 'object' || state === null || !('created' in state)) return undefined;
  const created = (state as CreatedState).created;
  return Array.isArray(created?.mixins) && Array.isArray(created?.attributes) ? created : undefined;
}

/** What was sent, as the update `ignoredChanges` compares an entity with. */
export function sentAsUpdate(created: CreatedState['created']): EntityUpdate {
  return { mixins: created.mixins, attributes: new Map(created.attributes), links: [] };
}
