/**
 * Stored entities as the protocol library's models, ready to render: action links for what
 * applies now (every action under ooi), inline links with their own location, and the profile's
 * URL and id conventions.
 */
import {
  type ActionLink,
  type AttributeValue,
  type Entity,
  type EntityCollection,
  type Link,
  type Resource,
  typeId,
  wellKnown,
} from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { linkUrl, locationUrl } from './public-urls.ts';
import { actionVerdict } from './state-machine.ts';
import type { StoredEntity } from './store.ts';

const { ATTR } = wellKnown;
const MEMORY = 'occi.compute.memory';

function actionLinks(context: RequestContext, entity: StoredEntity): ActionLink[] {
  const actions = context.store.queryInterface.actionsFor(entity.kind, entity.mixins);
  const links: ActionLink[] = [];
  for (const action of actions) {
    const id = typeId(action.scheme, action.term);
    // ooi advertises every action of the kind, whatever the state.
    if (context.behaviour.advertiseAllActions || actionVerdict(entity, id)?.applies === true)
      links.push({ action: id });
  }
  return links;
}

/** The last segment of a location: the id the server gave the entity. */
function urlIdOf(location: string): string {
  return location.slice(location.lastIndexOf('/') + 1);
}

function attributesOf(context: RequestContext, entity: StoredEntity): Map<string, AttributeValue> {
  const { idIsPath, memoryInMiB } = context.behaviour;
  const attributes = new Map(entity.attributes);
  // pyssf uses the entity's path as its id, unless a client chose one (it keeps that value).
  if (idIsPath && attributes.get(ATTR.id) === urlIdOf(entity.location)) attributes.set(ATTR.id, entity.location);
  for (const name of [ATTR.source, ATTR.target]) {
    const value = attributes.get(name);
    if (typeof value === 'string') attributes.set(name, linkUrl(context, value));
  }
  const memory = attributes.get(MEMORY);
  // ooi passes nova's flavour RAM through, in MiB (ooi capture 33: occi.compute.memory=256).
  if (memoryInMiB && typeof memory === 'number') attributes.set(MEMORY, Math.round(memory * 1024));
  return attributes;
}

export function linkModel(context: RequestContext, link: StoredEntity): Link {
  return {
    entityType: 'link',
    kind: link.kind,
    mixins: [...link.mixins],
    attributes: attributesOf(context, link),
    actions: actionLinks(context, link),
    location: linkUrl(context, link.location),
  };
}

export function entityModel(context: RequestContext, entity: StoredEntity): Entity {
  if (entity.entityType === 'link') return linkModel(context, entity);
  const links: Link[] = [];
  // pyssf's OCCI JSON gives a resource's links their ends but no id (its text gives `self=`).
  const json = context.negotiated.mediaType === 'application/occi+json';
  const unnamed = json && !context.behaviour.idsInJsonListings;
  for (const location of entity.links) {
    const link = context.store.get(location);
    if (link === undefined) continue;
    const model = linkModel(context, link);
    links.push(unnamed ? withoutId(model) : model);
  }
  const resource: Resource = {
    entityType: 'resource',
    kind: entity.kind,
    mixins: [...entity.mixins],
    attributes: attributesOf(context, entity),
    actions: actionLinks(context, entity),
    location: linkUrl(context, entity.location),
    links,
  };
  return resource;
}

/**
 * A collection: locations for the text renderings, whole entities for JSON (OCCI JSON has no
 * locations-only form; GFD.226 lists `{"resources": [...]}` and `{"links": [...]}`).
 */
export function collectionModel(context: RequestContext, members: readonly StoredEntity[]): EntityCollection {
  if (context.negotiated.mediaType !== 'application/occi+json') {
    return { locations: members.map((member) => locationUrl(context, member.location)), resources: [], links: [] };
  }
  const resources: Resource[] = [];
  const links: Link[] = [];
  for (const member of members) {
    const whole = entityModel(context, member);
    const named = context.behaviour.namesOnlyInJsonCollections ? nameOnly(whole) : whole;
    const model = context.behaviour.idsInJsonListings ? named : withoutId(named);
    if (model.entityType === 'resource') resources.push(model);
    else links.push(model);
  }
  return { locations: [], resources, links };
}

/** pyssf's collection entry and inline link in JSON: everything but occi.core.id (real-pyssf/compute-json.http). */
function withoutId<E extends Entity>(entity: E): E {
  const attributes = new Map(entity.attributes);
  attributes.delete(ATTR.id);
  return { ...entity, attributes };
}

/** ooi's collection entry: the entity's kind, id, title and actions, nothing else. */
export function nameOnly(entity: Entity): Entity {
  const attributes = new Map<string, AttributeValue>();
  for (const name of [ATTR.id, ATTR.title]) {
    const value = entity.attributes.get(name);
    if (value !== undefined) attributes.set(name, value);
  }
  const named = { kind: entity.kind, mixins: [], attributes, actions: entity.actions };
  return entity.entityType === 'link'
    ? { ...named, entityType: 'link' }
    : { ...named, entityType: 'resource', links: [] };
}
