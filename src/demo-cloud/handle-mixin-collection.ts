/**
 * A Mixin's collection, `/mixin/os_tpl/SmartOS/` or `/tags/production/` (spec digest §3.4): GET
 * lists the entities that have the mixin, POST associates the listed entities (or runs
 * `?action=` on all), PUT makes the listed entities its whole membership, DELETE dissociates the
 * listed ones, or all when none is listed. Associating a template replaces the entity's old one,
 * as a partial update does. All or nothing: one entity the mixin cannot go to fails the request.
 */
import type { Mixin, TypeId } from '../occi/index.ts';
import { actionTerm } from './action-term.ts';
import { collectionResponse, membersResponse } from './collection-response.ts';
import type { RequestContext } from './demo-context.ts';
import { invokeOnCollection } from './handle-action.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { hasBody, parseRequest } from './read-request-body.ts';
import { pathOf } from './route-request.ts';
import type { StoredEntity } from './store.ts';
import { planUpdate } from './update-entity.ts';
import { withMixinsAdded } from './validate-entity.ts';

export interface MixinCollectionRoute {
  readonly mixin: Mixin;
  readonly mixinId: TypeId;
}

function members(context: RequestContext, mixinId: TypeId): StoredEntity[] {
  const queryInterface = context.store.queryInterface;
  return context.store.all().filter((entity) => queryInterface.mixinClosure(entity.mixins).includes(mixinId));
}

/** The entities the request lists, as X-OCCI-Location fields, a uri-list or a JSON array. */
function listed(context: RequestContext): StoredEntity[] {
  const { locations } = parseRequest('location-list', context.body);
  return [...new Set(locations.map(pathOf))].map((location) => {
    const entity = context.store.get(location);
    if (entity === undefined) throw new OcciHttpError(404, `no entity at ${location}`);
    return entity;
  });
}

function fromHeaders(context: RequestContext): boolean {
  return !hasBody(context.body);
}

function without(context: RequestContext, entity: StoredEntity, mixinId: TypeId): TypeId[] {
  const queryInterface = context.store.queryInterface;
  return entity.mixins.filter((id) => !queryInterface.mixinClosure([id]).includes(mixinId));
}

function associate(context: RequestContext, entities: readonly StoredEntity[], mixinId: TypeId): (() => void)[] {
  const queryInterface = context.store.queryInterface;
  return entities
    .filter((entity) => !entity.mixins.includes(mixinId))
    .map((entity) =>
      planUpdate(context, entity, {
        mixins: withMixinsAdded(queryInterface, entity.mixins, [mixinId]),
        attributes: new Map(),
        replace: false,
        fromHeaders: fromHeaders(context),
      }),
    );
}

function dissociate(context: RequestContext, entities: readonly StoredEntity[], mixinId: TypeId): (() => void)[] {
  return entities.map((entity) =>
    planUpdate(context, entity, {
      mixins: without(context, entity, mixinId),
      attributes: new Map(),
      replace: false,
      fromHeaders: fromHeaders(context),
    }),
  );
}

export function handleMixinCollection(context: RequestContext, route: MixinCollectionRoute): Response {
  const { mixinId } = route;
  switch (context.method) {
    case 'POST': {
      const term = actionTerm(context);
      if (term !== undefined) {
        const queryInterface = context.store.queryInterface;
        const actions = queryInterface.mixinClosure([mixinId]).flatMap((id) => queryInterface.mixin(id)?.actions ?? []);
        return invokeOnCollection(context, members(context, mixinId), term, { id: mixinId, actions });
      }
      const entities = listed(context);
      if (entities.length === 0) {
        throw new OcciHttpError(400, 'name the entities to associate, one X-OCCI-Location per entity');
      }
      for (const apply of associate(context, entities, mixinId)) apply();
      return membersResponse(context, members(context, mixinId));
    }
    case 'PUT': {
      const entities = listed(context);
      const keep = new Set(entities.map((entity) => entity.location));
      const leaving = members(context, mixinId).filter((entity) => !keep.has(entity.location));
      const plans = [...associate(context, entities, mixinId), ...dissociate(context, leaving, mixinId)];
      for (const apply of plans) apply();
      return membersResponse(context, members(context, mixinId));
    }
    case 'DELETE': {
      const entities = listed(context);
      const current = members(context, mixinId);
      const leaving = entities.length === 0 ? current : entities;
      for (const entity of leaving) {
        if (!current.includes(entity))
          throw new OcciHttpError(404, `${entity.location} is not in ${route.mixin.location ?? mixinId}`);
      }
      for (const apply of dissociate(context, leaving, mixinId)) apply();
      return membersResponse(context, members(context, mixinId));
    }
    default:
      return collectionResponse(context, members(context, mixinId));
  }
}
