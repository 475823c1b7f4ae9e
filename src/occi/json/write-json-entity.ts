import { OcciRenderError } from '../errors.ts';
import type { Attributes, Entity, EntityCollection, EntityUpdate, Link } from '../model.ts';
import { ATTR } from '../well-known.ts';
import { renderableValue, setMember } from './write-json-value.ts';

type JsonRecord = Record<string, unknown>;

// Copied out of ATTR once: the hot path should not read module bindings per attribute.
const ID = ATTR.id;
const TITLE = ATTR.title;
const SUMMARY = ATTR.summary;
const SOURCE = ATTR.source;
const SOURCE_KIND = ATTR.sourceKind;
const TARGET = ATTR.target;
const TARGET_KIND = ATTR.targetKind;

/** Which link ends and fields an object may carry at the top level. */
interface TopLevelFields {
  readonly summary: boolean;
  readonly ends: boolean;
}

const RESOURCE_FIELDS: TopLevelFields = { summary: true, ends: false };
// GFD.226 gives a Link no `summary` (rOCCI 5's schema forbids unknown members), so it stays an attribute.
const LINK_FIELDS: TopLevelFields = { summary: false, ends: true };
// An update may be of either; it gets every field it has a value for.
const UPDATE_FIELDS: TopLevelFields = { summary: true, ends: true };

/**
 * Copies the `occi.core.*` attributes to their 1.2 top-level fields (`id`, `title`, `summary`,
 * `source`/`target` as `{"location","kind"}`) and keeps them in `attributes` as well, as rOCCI-core 5
 * writes them. Servers read them from one place or the other: rOCCI-server 2 takes `occi.core.id`
 * only from `attributes` (a create with the top-level `id` alone is refused, 409 "not provided"),
 * ooi takes the title and a link's ends only from there (a VM came out named `OCCI_VM`, a storage
 * link was refused), while 1.2 readers look at the top level. A value that cannot stand at the
 * top level (not a string, or a kind without its location) is in `attributes` alone.
 */
function splitAttributes(attributes: Attributes, fields: TopLevelFields, top: JsonRecord): JsonRecord {
  const id = attributes.get(ID);
  const title = attributes.get(TITLE);
  const summary = attributes.get(SUMMARY);
  const source = attributes.get(SOURCE);
  const sourceKind = attributes.get(SOURCE_KIND);
  const target = attributes.get(TARGET);
  const targetKind = attributes.get(TARGET_KIND);
  if (typeof id === 'string') top.id = id;
  if (typeof title === 'string') top.title = title;
  if (fields.summary && typeof summary === 'string') top.summary = summary;
  const rest: JsonRecord = {};
  for (const [name, value] of attributes) setMember(rest, name, renderableValue(value, name));
  if (fields.ends && typeof source === 'string') {
    top.source = typeof sourceKind === 'string' ? { location: source, kind: sourceKind } : { location: source };
  }
  if (fields.ends && typeof target === 'string') {
    top.target = typeof targetKind === 'string' ? { location: target, kind: targetKind } : { location: target };
  }
  return rest;
}

/**
 * A Resource or Link object. Empty arrays are left out: the draft-04 `stringArray` that the 1.2
 * schema (and rOCCI 5's validator) uses for mixins and actions requires at least one item, and so
 * does its `links`. `attributes` is always written: that schema requires it.
 */
export function entityToJson(entity: Entity): JsonRecord {
  const isLink = entity.entityType === 'link';
  const top: JsonRecord = {};
  const attributes = splitAttributes(entity.attributes, isLink ? LINK_FIELDS : RESOURCE_FIELDS, top);
  const out: JsonRecord = { kind: entity.kind };
  if (top.id !== undefined) out.id = top.id;
  if (top.title !== undefined) out.title = top.title;
  if (top.summary !== undefined) out.summary = top.summary;
  if (entity.mixins.length > 0) out.mixins = entity.mixins;
  out.attributes = attributes;
  if (entity.actions.length > 0) out.actions = entity.actions.map((link) => link.action);
  if (entity.entityType === 'link') {
    if (top.source !== undefined) out.source = top.source;
    if (top.target !== undefined) out.target = top.target;
  } else if (entity.links.length > 0) {
    out.links = entity.links.map(entityToJson);
  }
  return out;
}

/** An update: like an entity, with `kind` only when the update names one, and no actions. */
export function entityUpdateToJson(update: EntityUpdate): JsonRecord {
  const top: JsonRecord = {};
  const attributes = splitAttributes(update.attributes, UPDATE_FIELDS, top);
  const out: JsonRecord = {};
  if (update.kind !== undefined) out.kind = update.kind;
  for (const key of ['id', 'title', 'summary'] as const) if (top[key] !== undefined) out[key] = top[key];
  if (update.mixins.length > 0) out.mixins = update.mixins;
  out.attributes = attributes;
  if (top.source !== undefined) out.source = top.source;
  if (top.target !== undefined) out.target = top.target;
  if (update.links.length > 0) out.links = update.links.map((link: Link) => entityToJson(link));
  return out;
}

/**
 * `{"resources":[...],"links":[...]}` without empty keys (`{}` when empty, as ooi writes it), or,
 * for a locations-only listing, the bare array of URLs rOCCI sends. JSON has no form for both at
 * once, so that is refused rather than half-rendered.
 */
export function entityCollectionToJson(collection: EntityCollection): unknown {
  const hasEntities = collection.resources.length > 0 || collection.links.length > 0;
  if (collection.locations.length > 0) {
    if (hasEntities) {
      throw new OcciRenderError('locations', 'OCCI JSON cannot carry a location list beside full entities');
    }
    return collection.locations;
  }
  const out: JsonRecord = {};
  if (collection.resources.length > 0) out.resources = collection.resources.map(entityToJson);
  if (collection.links.length > 0) out.links = collection.links.map(entityToJson);
  return out;
}
