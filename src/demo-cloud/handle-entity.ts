/**
 * One entity, `/compute/<id>` (spec digest §3.5): GET renders it, POST updates it partially (or
 * runs `?action=`), PUT replaces it (or creates it at a new path), DELETE deletes it.
 */
import { type Kind, type Link, type TypeId, wellKnown } from '../occi/index.ts';
import { actionTerm } from './action-term.ts';
import { commitEntities, prepareEntity, prepareLinks } from './create-entity.ts';
import { createdResponse } from './created-response.ts';
import type { RequestContext } from './demo-context.ts';
import { entityModel } from './entity-model.ts';
import { invokeOnEntity } from './handle-action.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { nothingToSay, occiResponse } from './occi-response.ts';
import { ooiPost, ooiPut, pyssfPost, pyssfPut, rocciPost, rocciPut } from './quirk-updates.ts';
import { readEntityInput } from './read-entity-input.ts';
import { pathOf } from './route-request.ts';
import type { StoredEntity } from './store.ts';
import { planUpdate } from './update-entity.ts';
import { withMixinsAdded } from './validate-entity.ts';

export interface EntityRoute {
  readonly kind: Kind;
  readonly kindId: TypeId;
  readonly location: string;
}

function notFound(location: string): OcciHttpError {
  return new OcciHttpError(404, `no entity at ${location}`);
}

function rendered(context: RequestContext, entity: StoredEntity): Response {
  return occiResponse(context, 200, { structure: 'entity', model: entityModel(context, entity) });
}

function checkKind(entity: StoredEntity, kind: TypeId | undefined): void {
  if (kind !== undefined && kind !== entity.kind) {
    throw new OcciHttpError(400, `the kind of ${entity.location} is ${entity.kind} and cannot change to ${kind}`);
  }
}

/** POST: the attributes, mixins and links given change; nothing else does. */
function partialUpdate(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  checkKind(entity, update.kind);
  if (entity.entityType === 'link' && update.links.length > 0) {
    throw new OcciHttpError(400, `${entity.location} is a link, and a link cannot carry links`);
  }
  const mixins = withMixinsAdded(context.store.queryInterface, entity.mixins, update.mixins);
  const apply = planUpdate(context, entity, { mixins, attributes: update.attributes, replace: false, fromHeaders });
  const links = prepareLinks(context, entity, update.links, fromHeaders);
  apply();
  commitEntities(context, links);
  return rendered(context, entity);
}

/** A link of a full update that is one the entity has already (pOCCI sends the GET back whole). */
function isExistingLink(context: RequestContext, entity: StoredEntity, link: Link): boolean {
  return entity.links.some((location) => {
    if (link.location !== undefined && pathOf(link.location) === location) return true;
    const existing = context.store.get(location);
    const target = link.attributes.get(wellKnown.ATTR.target);
    return (
      existing !== undefined &&
      typeof target === 'string' &&
      existing.attributes.get(wellKnown.ATTR.target) === pathOf(target) &&
      (link.kind === wellKnown.LINK || link.kind === existing.kind)
    );
  });
}

/**
 * PUT on an existing entity: mutable attributes and mixins are replaced; links survive (GFD.185
 * keeps PUT idempotent that way). A Link field naming a link the entity has is accepted and
 * changes nothing; one naming a new link is refused (400), as GFD.185 refuses Links in a PUT.
 */
function fullUpdate(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  checkKind(entity, update.kind);
  const added = update.links.filter((link) => !isExistingLink(context, entity, link));
  if (added.length > 0) {
    throw new OcciHttpError(
      400,
      'a full update (PUT) cannot make links: POST the link to its kind collection, or send it in a partial update (POST)',
    );
  }
  planUpdate(context, entity, { mixins: update.mixins, attributes: update.attributes, replace: true, fromHeaders })();
  return rendered(context, entity);
}

/** PUT at a path where nothing is: a create there (the client chose the id). */
function createAt(context: RequestContext, route: EntityRoute): Response {
  const { update, fromHeaders } = readEntityInput(context, route.kindId);
  if (update.kind !== undefined && update.kind !== route.kindId) {
    throw new OcciHttpError(400, `the kind ${update.kind} does not belong in ${route.kind.location ?? ''}`);
  }
  const made = prepareEntity(context, {
    kindId: route.kindId,
    mixins: update.mixins,
    attributes: update.attributes,
    links: update.links,
    location: route.location,
    fromHeaders,
  });
  commitEntities(context, made);
  const [entity] = made;
  if (entity === undefined) throw new Error('nothing was made');
  return createdResponse(context, entity);
}

/** POST without `?action=`, as the profile's server takes it. */
function post(context: RequestContext, entity: StoredEntity): Response {
  switch (context.behaviour.updates) {
    case 'ooi':
      return ooiPost();
    case 'rocci':
      return rocciPost(context, entity);
    case 'pyssf':
      return pyssfPost(context, entity);
    default:
      return partialUpdate(context, entity);
  }
}

/** PUT, as the profile's server takes it: ooi resizes, rOCCI-server 2 has none. */
function put(context: RequestContext, route: EntityRoute, entity: StoredEntity | undefined): Response {
  const { updates } = context.behaviour;
  if (updates === 'rocci') return rocciPut();
  if (entity === undefined) {
    if (updates === 'ooi') throw notFound(route.location);
    return createAt(context, route);
  }
  if (updates === 'ooi') return ooiPut(context, entity);
  if (updates === 'pyssf') return pyssfPut(context, entity);
  return fullUpdate(context, entity);
}

export function handleEntity(context: RequestContext, route: EntityRoute): Response {
  const entity = context.store.get(route.location);
  if (context.method === 'PUT') return put(context, route, entity);
  if (entity === undefined) throw notFound(route.location);
  switch (context.method) {
    case 'POST': {
      const term = actionTerm(context);
      return term === undefined ? post(context, entity) : invokeOnEntity(context, entity, term);
    }
    case 'DELETE':
      context.store.delete(entity.location);
      return nothingToSay(context, context.behaviour.deleteAnswer);
    default:
      return rendered(context, entity);
  }
}
