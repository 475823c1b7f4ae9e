/**
 * POST and PUT on an entity where a profile's server differs from GFD.223's partial and full
 * update (the profiles' `updates`; the standard ones are in handle-entity.ts). Each answers 200
 * with the entity, as its server does, or refuses as its server does.
 */
import { renderingOf } from '../occi/index.ts';
import { RESOURCE_TEMPLATE_SCHEME } from './demo-categories.ts';
import type { RequestContext } from './demo-context.ts';
import { entityModel } from './entity-model.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { occiResponse } from './occi-response.ts';
import { readEntityInput } from './read-entity-input.ts';
import { hasBody } from './read-request-body.ts';
import type { StoredEntity } from './store.ts';
import { planUpdate } from './update-entity.ts';
import { withMixinsAdded } from './validate-entity.ts';

function rendered(context: RequestContext, entity: StoredEntity): Response {
  return occiResponse(context, 200, { structure: 'entity', model: entityModel(context, entity) });
}

/** ooi: POST on an entity is the action route only (captures 59 to 65, 75). */
export function ooiPost(): never {
  throw new OcciHttpError(400, 'Invalid action None provided.');
}

/**
 * ooi: PUT is a resize. It takes exactly one resource_tpl mixin (the kind may come along) and
 * ignores attributes (the title cannot be changed); any other mixin or a link is 400 (captures
 * 67 to 73, 78, and measured against ooi 1.2.1).
 */
export function ooiPut(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  const queryInterface = context.store.queryInterface;
  // Its JSON parser reads the mixins of a body only beside a kind (ooi/wsgi/parsers.py).
  const json = hasBody(context.body) && renderingOf(context.body.contentType) === 'application/occi+json';
  const mixinsRead = json && update.kind === undefined ? [] : update.mixins;
  const flavours = mixinsRead.filter((id) => queryInterface.mixinRole(id) === 'resource-template');
  const others = mixinsRead.filter((id) => !flavours.includes(id));
  if (others.length > 0 || update.links.length > 0 || flavours.length > 1) {
    const found = [...others, ...flavours.slice(1)].map((id) => `'${id}'`).join(', ');
    throw new OcciHttpError(400, `Schema does not match. Expecting '', but found '[${found}]'.`);
  }
  const [flavour] = flavours;
  if (flavour === undefined || (update.kind !== undefined && update.kind !== entity.kind)) {
    throw new OcciHttpError(400, `Missing OCCI types: '${RESOURCE_TEMPLATE_SCHEME}'.`);
  }
  const mixins = withMixinsAdded(queryInterface, entity.mixins, [flavour]);
  planUpdate(context, entity, { mixins, attributes: new Map(), replace: false, fromHeaders })();
  return rendered(context, entity);
}

/**
 * rOCCI-server 2: a partial update takes mixins only (a new resource_tpl resizes) and answers
 * with the whole entity; attributes are refused (captures 100 to 102, 105, 106).
 */
export function rocciPost(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  if (update.attributes.size > 0) {
    const names = [...update.attributes.keys()].join(', ');
    throw new OcciHttpError(400, `Unparsable content: attributes (${names}) do not match expectations for Category`);
  }
  const mixins = update.mixins;
  if (mixins.length === 0) {
    throw new OcciHttpError(400, 'Unparsable content: a partial update names the mixins to add');
  }
  const queryInterface = context.store.queryInterface;
  const next = withMixinsAdded(queryInterface, entity.mixins, mixins);
  planUpdate(context, entity, { mixins: next, attributes: new Map(), replace: false, fromHeaders })();
  return rendered(context, entity);
}

/** rOCCI-server 2 answers every PUT with 501 (captures 103, 104, 107). */
export function rocciPut(): never {
  throw new OcciHttpError(501, 'Requested functionality is not implemented');
}

/**
 * pyssf's example service: a POST merges the attributes and ignores the mixins, so a new
 * template is "accepted" and changes nothing (captures 60 to 67, 76, 77).
 */
export function pyssfPost(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  planUpdate(context, entity, {
    mixins: entity.mixins,
    attributes: update.attributes,
    replace: false,
    fromHeaders,
  })();
  return rendered(context, entity);
}

/**
 * pyssf's example service: a PUT needs the kind, replaces the attributes (those left out are
 * gone) and keeps the mixins, whatever it names (captures 68 to 73, 79).
 */
export function pyssfPut(context: RequestContext, entity: StoredEntity): Response {
  const { update, fromHeaders } = readEntityInput(context, entity.kind);
  if (update.kind === undefined) throw new OcciHttpError(400, 'Could not find a valid kind.');
  if (update.kind !== entity.kind) {
    throw new OcciHttpError(
      400,
      `the kind of ${entity.location} is ${entity.kind} and cannot change to ${update.kind}`,
    );
  }
  planUpdate(context, entity, { mixins: entity.mixins, attributes: update.attributes, replace: true, fromHeaders })();
  return rendered(context, entity);
}
