/**
 * A Kind's collection, `/compute/` (spec digest §3.4): GET lists the members (filterable), POST
 * creates one (or runs `?action=` on all), DELETE deletes them all.
 */
import { type Kind, type TypeId, typeId } from '../occi/index.ts';
import { actionTerm } from './action-term.ts';
import { collectionResponse } from './collection-response.ts';
import { commitEntities, prepareEntity } from './create-entity.ts';
import { createdResponse } from './created-response.ts';
import type { RequestContext } from './demo-context.ts';
import { invokeOnCollection } from './handle-action.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { nothingToSay } from './occi-response.ts';
import { readEntityInput } from './read-entity-input.ts';
import { checkJsonCreate } from './rocci-json-input.ts';
import type { StoredEntity } from './store.ts';

export interface KindCollectionRoute {
  readonly kind: Kind;
  readonly kindId: TypeId;
}

function members(context: RequestContext, kindId: TypeId): StoredEntity[] {
  return context.store.all().filter((entity) => entity.kind === kindId);
}

function create(context: RequestContext, route: KindCollectionRoute): Response {
  checkJsonCreate(context, context.store.queryInterface.isLinkKind(route.kindId));
  const { update, fromHeaders } = readEntityInput(context, route.kindId);
  const example = `Category: ${route.kind.term}; scheme="${route.kind.scheme}"; class="kind"`;
  if (update.kind === undefined) {
    throw new OcciHttpError(400, `a create needs exactly one kind category: ${example}`);
  }
  if (update.kind !== route.kindId) {
    throw new OcciHttpError(
      400,
      `the kind ${update.kind} does not belong in ${route.kind.location ?? ''}, the ${route.kind.term} collection: send ${example}`,
    );
  }
  const made = prepareEntity(context, {
    kindId: route.kindId,
    mixins: update.mixins,
    attributes: update.attributes,
    links: update.links,
    fromHeaders,
  });
  commitEntities(context, made);
  const [entity] = made;
  if (entity === undefined) throw new Error('nothing was made');
  return createdResponse(context, entity);
}

export function handleKindCollection(context: RequestContext, route: KindCollectionRoute): Response {
  switch (context.method) {
    case 'POST': {
      const term = actionTerm(context);
      if (term === undefined) return create(context, route);
      const actions = context.store.queryInterface.actionsFor(route.kindId).map((a) => typeId(a.scheme, a.term));
      return invokeOnCollection(context, members(context, route.kindId), term, { id: route.kindId, actions });
    }
    case 'DELETE': {
      // Dangerous, as the spec says, and what it says to do.
      for (const entity of members(context, route.kindId)) context.store.delete(entity.location);
      return nothingToSay(context, context.behaviour.deleteAnswer);
    }
    default:
      return collectionResponse(context, members(context, route.kindId));
  }
}
