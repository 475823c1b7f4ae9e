/**
 * Creating entities: by POST to a Kind's collection, by PUT at a new path, and the links made
 * inline with a resource. Everything is checked before anything is stored, so a request that
 * fails leaves no half-made VM behind.
 */
import { type Attributes, type AttributeValue, type Link, type TypeId, termOf, wellKnown } from '../occi/index.ts';
import { OS_TEMPLATE_SCHEME, RESOURCE_TEMPLATE_SCHEME } from './demo-categories.ts';
import type { DemoContext } from './demo-context.ts';
import { randomMac } from './generate-id.ts';
import { invalidRequest, OcciHttpError } from './occi-http-error.ts';
import { ENTITY_ID, pathOf } from './route-request.ts';
import { beginTransition, stateMachineOf } from './state-machine.ts';
import type { StoredEntity } from './store.ts';
import {
  checkMixins,
  checkRequired,
  checkValue,
  DERIVED_ATTRIBUTES,
  definitionsFor,
  normaliseId,
  ordered,
} from './validate-entity.ts';

const { ATTR, COMPUTE, IPNETWORK, NETWORK, NETWORKINTERFACE, STORAGE, STORAGELINK } = wellKnown;

export interface NewEntity {
  readonly kindId: TypeId;
  readonly mixins: readonly TypeId[];
  /** What the client sent. */
  readonly attributes: Attributes;
  /** Inline links (resources only). */
  readonly links: readonly Link[];
  /** PUT at a new path: the location the client chose. */
  readonly location?: string;
  /** An inline link's source: the resource being created with it. */
  readonly source?: StoredEntity;
  /** The request was read from its headers (text/occi), for the hint in a missing-attribute error. */
  readonly fromHeaders: boolean;
}

/** What each link Kind may point at. */
const LINK_TARGETS: ReadonlyMap<TypeId, TypeId> = new Map([
  [STORAGELINK, STORAGE],
  [NETWORKINTERFACE, NETWORK],
]);

function collectionOf(location: string): string {
  return location.endsWith('/') ? location : `${location}/`;
}

/** The id in the new entity's URL, and the `occi.core.id` it is stored with. */
function chooseId(context: DemoContext, input: NewEntity): { id: string; attribute: AttributeValue } {
  const given = input.attributes.get(ATTR.id);
  const hasGiven = given !== undefined && given !== null && given !== '';
  if (input.location !== undefined) {
    const id = input.location.slice(input.location.lastIndexOf('/') + 1);
    if (hasGiven && normaliseId(given) !== id) {
      throw invalidRequest(`occi.core.id ${JSON.stringify(given)} does not match the path ${input.location}`);
    }
    return { id, attribute: id };
  }
  const { clientIds } = context.behaviour;
  if (hasGiven && clientIds === 'kept-as-attribute') {
    // pyssf: the URL gets a UUID of its own, the attribute keeps what the client said (captures 43 to 45).
    const id = context.newId();
    return { id, attribute: given };
  }
  if (hasGiven && clientIds !== 'ignored') {
    // pOCCI and rOCCI clients choose the id; rOCCI makes the URL's id equal occi.core.id.
    const id = normaliseId(given);
    if (!ENTITY_ID.test(id)) {
      throw invalidRequest(
        `occi.core.id ${JSON.stringify(given)} cannot be a path segment: use letters, digits, '.', '_', '~' and '-'`,
      );
    }
    return { id, attribute: id };
  }
  // Inline links have no id of their own in any rendering; the server names them.
  if (clientIds === 'required' && input.source === undefined) {
    // rOCCI-server 2 (capture 80): 409 "Attribute occi.core.id invalid: Value is required but not provided".
    throw new OcciHttpError(
      409,
      'occi.core.id is required: this server wants the client to choose the id (X-OCCI-Attribute: occi.core.id="<uuid>")',
    );
  }
  // ooi forgets a client's id and names the entity itself (captures 42 to 44).
  const id = context.newId();
  return { id, attribute: id };
}

/** ooi's refusal of a create that lacks a category it needs (capture 130). */
function missingTypes(scheme: string): OcciHttpError {
  return new OcciHttpError(400, `Missing OCCI types: '${scheme}'.`);
}

/** The templates and mixins the profile's server needs on a create. */
function checkNeededMixins(context: DemoContext, kindId: TypeId, mixins: readonly TypeId[]): void {
  const { templates, networkNeedsIpNetwork } = context.behaviour;
  const queryInterface = context.store.queryInterface;
  const count = (role: string) => mixins.filter((id) => queryInterface.mixinRole(id) === role).length;
  if (kindId === COMPUTE && templates === 'rocci' && (count('os-template') !== 1 || count('resource-template') !== 1)) {
    // rOCCI-server 2 with OpenNebula: a VM needs exactly one image and one size.
    throw new OcciHttpError(
      409,
      `a compute needs exactly one os_tpl and one resource_tpl mixin (got ${count('os-template')} and ${count('resource-template')})`,
    );
  }
  if (kindId === COMPUTE && templates === 'ooi') {
    // ooi needs an image and a flavour, and names the scheme it missed.
    if (count('os-template') === 0) throw missingTypes(OS_TEMPLATE_SCHEME);
    if (count('resource-template') === 0) throw missingTypes(RESOURCE_TEMPLATE_SCHEME);
  }
  if (kindId === NETWORK && networkNeedsIpNetwork && !mixins.includes(IPNETWORK)) {
    // ooi over nova-network (measured against ooi 1.2.1: 400 naming the mixin).
    throw missingTypes(IPNETWORK);
  }
}

/** The source's links of a Kind, stored and about to be stored. */
function siblingLinks(
  context: DemoContext,
  source: StoredEntity,
  kindId: TypeId,
  pending: readonly StoredEntity[],
): StoredEntity[] {
  const stored = source.links.map((location) => context.store.get(location));
  return [...stored, ...pending.filter((entity) => entity.entityType === 'link')].filter(
    (link): link is StoredEntity =>
      link !== undefined && link.kind === kindId && link.attributes.get(ATTR.source) === source.location,
  );
}

/**
 * What a real cloud assigns when the client leaves it out: the interface name and MAC address of
 * a network interface, the device of a storage link (nova does; demoCategories says so).
 */
function assignLinkDefaults(
  context: DemoContext,
  kindId: TypeId,
  values: Map<string, AttributeValue>,
  source: StoredEntity,
  pending: readonly StoredEntity[],
): void {
  const siblings = siblingLinks(context, source, kindId, pending);
  if (kindId === NETWORKINTERFACE) {
    if (!values.has('occi.networkinterface.interface')) {
      const used = new Set(siblings.map((link) => link.attributes.get('occi.networkinterface.interface')));
      let n = 0;
      while (used.has(`eth${n}`)) n++;
      values.set('occi.networkinterface.interface', `eth${n}`);
    }
    if (!values.has('occi.networkinterface.mac')) values.set('occi.networkinterface.mac', randomMac(context.random));
  }
  if (kindId === STORAGELINK && !values.has('occi.storagelink.deviceid')) {
    const used = new Set(siblings.map((link) => link.attributes.get('occi.storagelink.deviceid')));
    // vda is the root disk.
    let letter = 1;
    while (letter < 25 && used.has(`vd${String.fromCharCode(97 + letter)}`)) letter++;
    values.set('occi.storagelink.deviceid', `vd${String.fromCharCode(97 + letter)}`);
  }
}

/** Checks and stores a link's ends as locations; returns its source. */
export function resolveLinkEnds(
  context: DemoContext,
  kindId: TypeId,
  values: Map<string, AttributeValue>,
  source: StoredEntity | undefined,
): StoredEntity {
  let from = source;
  if (from === undefined) {
    const given = values.get(ATTR.source);
    if (typeof given !== 'string' || given === '') {
      throw invalidRequest(
        `occi.core.source is required for ${termOf(kindId)}: the location of the resource it starts from`,
      );
    }
    from = context.store.get(pathOf(given));
    if (from === undefined || from.entityType !== 'resource') {
      throw invalidRequest(`occi.core.source ${given} names no resource in this cloud`);
    }
  } else {
    const given = values.get(ATTR.source);
    if (typeof given === 'string' && given !== '' && pathOf(given) !== from.location) {
      throw invalidRequest(`occi.core.source ${given} of an inline link must be the resource it is made with`);
    }
  }
  const target = values.get(ATTR.target);
  if (typeof target !== 'string' || target === '') {
    throw invalidRequest(
      `occi.core.target is required for ${termOf(kindId)}: the location of the resource it points at`,
    );
  }
  const to = context.store.get(pathOf(target));
  if (to === undefined || to.entityType !== 'resource') {
    throw invalidRequest(`occi.core.target ${target} names no resource in this cloud`);
  }
  const targetKind = LINK_TARGETS.get(kindId);
  if (targetKind !== undefined && to.kind !== targetKind) {
    throw invalidRequest(
      `a ${termOf(kindId)} points at a ${termOf(targetKind)}, and ${to.location} is a ${termOf(to.kind)}`,
    );
  }
  values.set(ATTR.source, from.location);
  values.set(ATTR.target, to.location);
  values.set(ATTR.targetKind, to.kind);
  return from;
}

/** An inline link without a category: its Kind follows from what it points at. */
function inlineLinkKind(context: DemoContext, link: Link): TypeId {
  if (link.kind !== wellKnown.LINK) return link.kind;
  const target = link.attributes.get(ATTR.target);
  const to = typeof target === 'string' ? context.store.get(pathOf(target)) : undefined;
  for (const [kind, targetKind] of LINK_TARGETS) if (to?.kind === targetKind) return kind;
  throw invalidRequest(
    `the link to ${String(target)} needs its Kind: category="${STORAGELINK}" or category="${NETWORKINTERFACE}"`,
  );
}

/**
 * The entity (and its inline links) checked and built, not yet stored. `pending`: entities of
 * the same request built before it.
 */
export function prepareEntity(
  context: DemoContext,
  input: NewEntity,
  pending: readonly StoredEntity[] = [],
): StoredEntity[] {
  const { store } = context;
  const queryInterface = store.queryInterface;
  const kind = queryInterface.kind(input.kindId);
  if (kind?.location === undefined) throw invalidRequest(`${input.kindId} cannot be instantiated in this cloud`);
  const entityType = queryInterface.isLinkKind(input.kindId) ? 'link' : 'resource';
  const mixins = checkMixins(queryInterface, input.kindId, input.mixins);
  if (input.source === undefined) checkNeededMixins(context, input.kindId, mixins);
  const definitions = definitionsFor(queryInterface, input.kindId, mixins);
  const machine = stateMachineOf(input.kindId);

  const { id, attribute } = chooseId(context, input);
  const location = `${collectionOf(kind.location)}${id}`;
  if (store.has(location) || pending.some((entity) => entity.location === location)) {
    throw new OcciHttpError(409, `${location} exists already`);
  }

  const values = new Map<string, AttributeValue>([[ATTR.id, attribute]]);
  for (const [name, value] of input.attributes) {
    if (name === ATTR.id || DERIVED_ATTRIBUTES.has(name) || value === null || value === '') continue;
    if (machine !== undefined && (name === machine.stateAttribute || name === machine.messageAttribute)) {
      // A client sending the initial state back (MartServer's examples do) asks for nothing.
      if (name === machine.stateAttribute && value === machine.initial) continue;
      throw invalidRequest(
        `${name} is set by the provider, not by the client: a new ${kind.term} starts ${machine.initial}`,
      );
    }
    const definition = definitions.get(name);
    if (definition === undefined) throw invalidRequest(`${name} is not an attribute of ${kind.term} or of its mixins`);
    values.set(name, checkValue(name, value, definition));
  }
  for (const definition of definitions.values()) {
    if (values.has(definition.name) || definition.default === undefined || definition.default === null) continue;
    if (machine !== undefined && definition.name === machine.stateAttribute) continue;
    values.set(definition.name, definition.default);
  }
  if (machine !== undefined) values.set(machine.stateAttribute, machine.initial);

  let source: StoredEntity | undefined;
  if (entityType === 'link') {
    if (input.links.length > 0) throw invalidRequest('a link cannot carry links of its own');
    source = resolveLinkEnds(context, input.kindId, values, input.source);
    assignLinkDefaults(context, input.kindId, values, source, pending);
  }
  checkRequired(definitions, values, input.kindId, input.fromHeaders);

  const entity: StoredEntity = {
    location,
    entityType,
    kind: input.kindId,
    mixins,
    attributes: ordered(values, definitions),
    transition: undefined,
    links: [],
  };
  return [entity, ...prepareLinks(context, entity, input.links, input.fromHeaders, [...pending, entity])];
}

/** Links given inline (Link fields, JSON `links`) from a resource, checked and built. */
export function prepareLinks(
  context: DemoContext,
  source: StoredEntity,
  links: readonly Link[],
  fromHeaders: boolean,
  pending: readonly StoredEntity[] = [],
): StoredEntity[] {
  const made: StoredEntity[] = [];
  for (const link of links) {
    const input: NewEntity = {
      kindId: inlineLinkKind(context, link),
      mixins: link.mixins,
      attributes: link.attributes,
      links: [],
      source,
      fromHeaders,
    };
    made.push(...prepareEntity(context, input, [...pending, ...made]));
  }
  return made;
}

/** Stores what `prepareEntity` built and starts each one on its way to its first state. */
export function commitEntities(context: DemoContext, entities: readonly StoredEntity[]): void {
  const now = context.now();
  for (const entity of entities) {
    context.store.add(entity);
    const machine = stateMachineOf(entity.kind);
    // pyssf's resources stay as created: a VM inactive, a volume offline (captures 32, 84, 112).
    const settles = context.behaviour.resourcesSettle || entity.entityType === 'link';
    if (machine !== undefined && settles) {
      beginTransition(entity, machine, { to: machine.created, message: machine.creating }, now, context.actionDelayMs);
    }
  }
}
