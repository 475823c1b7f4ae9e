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
 * Moves the `occi.core.*` attributes to their 1.2 top-level fields (`id`, `title`, `summary`,
 * `source`/`target` as `{"location","kind"}`) and never repeats them in `attributes`. A value JSON
 * cannot put there (not a string, or a kind without its location) stays in `attributes`, where
 * any value may stand, so nothing is lost and the parser reads back the same Map.
 */
function splitAttributes(attributes: Attributes, fields: TopLevelFields, top: JsonRecord): JsonRecord {
  const id = attributes.get(ID);
  const title = attributes.get(TITLE);
  const summary = attributes.get(SUMMARY);
  const source = attributes.get(SOURCE);
  const sourceKind = attributes.get(SOURCE_KIND);
  const target = attributes.get(TARGET);
  const targetKind = attributes.get(TARGET_KIND);
  const hoistId = typeof id === 'string';
  const hoistTitle = typeof title === 'string';
  const hoistSummary = fields.summary && typeof summary === 'string';
  const hoistSource = fields.ends && typeof source === 'string';
  const hoistSourceKind = hoistSource && typeof sourceKind === 'string';
  const hoistTarget = fields.ends && typeof target === 'string';
  const hoistTargetKind = hoistTarget && typeof targetKind === 'string';
  if (hoistId) top.id = id;
  if (hoistTitle) top.title = title;
  if (hoistSummary) top.summary = summary;
  const rest: JsonRecord = {};
  for (const [name, value] of attributes) {
    if (name.startsWith('occi.core.')) {
      if (
        (hoistId && name === ID) ||
        (hoistTitle && name === TITLE) ||
        (hoistSummary && name === SUMMARY) ||
        (hoistSource && name === SOURCE) ||
        (hoistSourceKind && name === SOURCE_KIND) ||
        (hoistTarget && name === TARGET) ||
        (hoistTargetKind && name === TARGET_KIND)
      ) {
        continue;
      }
    }
    setMember(rest, name, renderableValue(value, name));
  }
  if (hoistSource) top.source = hoistSourceKind ? { location: source, kind: sourceKind } : { location: source };
  if (hoistTarget) top.target = hoistTargetKind ? { location: target, kind: targetKind } : { location: target };
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
