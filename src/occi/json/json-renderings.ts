/**
 * The OCCI JSON renderings: OCCI 1.2 `application/occi+json` (GFD.226), and the older shapes real
 * servers send, also when they label them `application/json` (rOCCI-server 2 does):
 * - rOCCI 4 (rOCCI-server 1.x): attributes and attribute definitions nested by namespace,
 *   `related` beside `parent`, links with string ends and `rel`, an entity wrapped in a collection;
 * - rOCCI 5 (rOCCI-server 2.x): `occi.core.*` repeated in `attributes`, Ruby-regexp patterns,
 *   `{"locations":[...]}`;
 * - ooi: numeric terms, `occi.core.*` only at the top level, empty keys left out, and
 *   `{"code","message"}` error bodies (reported as such when one arrives instead of a rendering);
 * - pyssf: whole category objects for kinds, mixins and actions, string attribute properties,
 *   bare arrays for every list;
 * - rOCCI's bare array of URL strings for a location listing.
 *
 * Parsers take what any of them sends and throw only `OcciParseError`, with the line and column
 * of the offending text. Renderers write 1.2 JSON only, and throw `OcciRenderError` for what JSON
 * cannot carry (NaN, Infinity).
 */
import type {
  ActionInvocation,
  CategoryClass,
  CategoryCollection,
  Entity,
  EntityCollection,
  EntityUpdate,
  LocationList,
} from '../model.ts';
import { parseJsonWith } from './parse-json-with.ts';
import { readActionInvocation } from './read-json-action-invocation.ts';
import { readCategoryCollection } from './read-json-categories.ts';
import { readEntityCollection } from './read-json-entity-collection.ts';
import { readEntityUpdate } from './read-json-entity-update.ts';
import { readLocationList } from './read-json-location-list.ts';
import { readSingleEntity } from './read-json-single-entity.ts';
import { categoryCollectionToJson } from './write-json-categories.ts';
import { entityCollectionToJson, entityToJson, entityUpdateToJson } from './write-json-entity.ts';
import { renderableValue, setMember, stringifyJson } from './write-json-value.ts';

/** `categoryClass`: the class of a category that names none (see OcciMessage). */
export function parseJsonCategories(body: string, categoryClass?: CategoryClass): CategoryCollection {
  return parseJsonWith(body, (value) => readCategoryCollection(value, categoryClass));
}

export function renderJsonCategories(model: CategoryCollection): string {
  return stringifyJson(() => categoryCollectionToJson(model));
}

export function parseJsonEntity(body: string): Entity {
  return parseJsonWith(body, readSingleEntity);
}

export function renderJsonEntity(model: Entity): string {
  return stringifyJson(() => entityToJson(model));
}

export function parseJsonEntityCollection(body: string): EntityCollection {
  return parseJsonWith(body, readEntityCollection);
}

export function renderJsonEntityCollection(model: EntityCollection): string {
  return stringifyJson(() => entityCollectionToJson(model));
}

export function parseJsonActionInvocation(body: string): ActionInvocation {
  return parseJsonWith(body, readActionInvocation);
}

export function renderJsonActionInvocation(model: ActionInvocation): string {
  return stringifyJson(() => {
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of model.attributes) setMember(attributes, name, renderableValue(value, name));
    return { action: model.action, attributes };
  });
}

export function parseJsonEntityUpdate(body: string): EntityUpdate {
  return parseJsonWith(body, readEntityUpdate);
}

export function renderJsonEntityUpdate(model: EntityUpdate): string {
  return stringifyJson(() => entityUpdateToJson(model));
}

export function parseJsonLocationList(body: string): LocationList {
  return parseJsonWith(body, readLocationList);
}

/** A bare JSON array of URLs: OCCI JSON defines no location list, and this is what rOCCI sends. */
export function renderJsonLocationList(model: LocationList): string {
  return stringifyJson(() => model.locations);
}
