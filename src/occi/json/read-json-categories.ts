import type { Action, AttributeDefinition, CategoryClass, CategoryCollection, Kind, Mixin, TypeId } from '../model.ts';
import { typeId } from '../type-id.ts';
import { ENTITY, LINK, RESOURCE } from '../well-known.ts';
import { errorReportMessage } from './json-error-report.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';
import { readAttributeDefinitions } from './read-json-attribute-definitions.ts';
import { readTypeIdList, termOf, typeIdOf } from './read-json-type-ids.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A category collection: the 1.2 `{"kinds","mixins","actions"}` object (any key may be missing;
 * ooi leaves out empty ones), pyssf's bare array of categories, or one bare category object (the
 * answer to rOCCI's `save` action is a single mixin).
 */
export function readCategoryCollection(value: unknown, categoryClass?: CategoryClass): CategoryCollection {
  if (Array.isArray(value)) return classifyCategories(value, undefined, false, categoryClass);
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'a category collection (a JSON object)');
  if (value.kinds === undefined && value.mixins === undefined && value.actions === undefined) {
    if (value.term !== undefined || value.scheme !== undefined) {
      return classifyCategories([value], undefined, true, categoryClass);
    }
    if (errorReportMessage(value) !== undefined) {
      return failAt(undefined, undefined, 'a category collection ("kinds", "mixins", "actions")');
    }
    // An entity or an entity collection where categories were wanted would read as an empty model.
    const entityMember = ENTITY_MEMBERS.find((key) => value[key] !== undefined);
    if (entityMember !== undefined) {
      return failAt(undefined, entityMember, 'a category collection ("kinds", "mixins", "actions"), not entities');
    }
  }
  return {
    kinds: readList(value, 'kinds', readKind),
    mixins: readList(value, 'mixins', readMixin),
    actions: readList(value, 'actions', readAction),
  };
}

/** Members that only entity renderings have. */
const ENTITY_MEMBERS = ['resources', 'links', 'locations', 'kind', 'attributes'] as const;

function readList<T>(collection: JsonObject, key: string, read: (obj: JsonObject, path: JsonPath) => T): T[] {
  const items = collection[key];
  const out: T[] = [];
  if (items === undefined || items === null) return out;
  if (!Array.isArray(items)) return failAt(undefined, key, `an array of ${key}`);
  const listPath = childPath(undefined, key);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const path = childPath(listPath, i);
    if (!isJsonObject(item)) failAt(path, undefined, `a ${key.slice(0, -1)} (a JSON object)`);
    out.push(read(item, path));
  }
  return out;
}

interface CategoryBase {
  readonly scheme: string;
  readonly term: string;
  readonly title?: string;
  readonly attributes: readonly AttributeDefinition[];
}

function readBase(obj: JsonObject, path: JsonPath): CategoryBase {
  const term = termOf(obj.term) ?? failAt(path, 'term', 'a term (string)');
  const scheme = obj.scheme;
  if (typeof scheme !== 'string') failAt(path, 'scheme', 'a scheme (string)');
  const title = optionalString(obj, 'title', path);
  const attributes = readAttributeDefinitions(obj, path);
  return title === undefined ? { scheme, term, attributes } : { scheme, term, title, attributes };
}

function optionalString(obj: JsonObject, key: string, path: JsonPath): string | undefined {
  const value = obj[key];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  return failAt(path, key, 'a string');
}

/**
 * `related`, the 1.1 name of the inheritance link. rOCCI 4 writes an array (with `parent` beside
 * it for kinds), pyssf an array, the 2011 JSON draft a single string.
 */
function readRelated(obj: JsonObject, path: JsonPath): readonly TypeId[] {
  const related = obj.related;
  if (related === undefined || related === null) return [];
  if (Array.isArray(related)) return readTypeIdList(obj, 'related', path);
  return [typeIdOf(related) ?? failAt(path, 'related', 'a type identifier or an array of them')];
}

export function readKind(obj: JsonObject, path: JsonPath): Kind {
  const kind: Writable<Kind> = { class: 'kind', ...readBase(obj, path), actions: readTypeIdList(obj, 'actions', path) };
  const parent = obj.parent;
  if (parent !== undefined && parent !== null) {
    kind.parent = typeIdOf(parent) ?? failAt(path, 'parent', 'a string type identifier');
  } else {
    const related = readRelated(obj, path)[0];
    if (related !== undefined) kind.parent = related;
  }
  const location = optionalString(obj, 'location', path);
  if (location !== undefined) kind.location = location;
  return kind;
}

export function readMixin(obj: JsonObject, path: JsonPath): Mixin {
  const depends =
    obj.depends === undefined || obj.depends === null ? readRelated(obj, path) : readTypeIdList(obj, 'depends', path);
  const mixin: Writable<Mixin> = {
    class: 'mixin',
    ...readBase(obj, path),
    depends,
    applies: readTypeIdList(obj, 'applies', path),
    actions: readTypeIdList(obj, 'actions', path),
  };
  const location = optionalString(obj, 'location', path);
  if (location !== undefined) mixin.location = location;
  return mixin;
}

export function readAction(obj: JsonObject, path: JsonPath): Action {
  return { class: 'action', ...readBase(obj, path) };
}

const CORE_KINDS: ReadonlySet<TypeId> = new Set([ENTITY, RESOURCE, LINK]);

/**
 * Categories without a class, as pyssf's bare array has them (its renderer notes it cannot tell
 * them apart). The rules, first match wins:
 * 1. a `class` member ("kind", "mixin", "action") says so;
 * 2. `parent` means a kind; `depends` or `applies` a mixin;
 * 3. core#entity, core#resource and core#link are kinds, and so is anything related to a kind
 *    (checked until nothing changes, so provider kinds derived from compute are found);
 * 4. where the message's target fixes the class (`categoryClass`), that class;
 * 5. no `location`: an action (actions are not bound to a path);
 * 6. otherwise a mixin.
 */
function classifyCategories(
  items: readonly unknown[],
  path: JsonPath,
  single: boolean,
  categoryClass: CategoryClass | undefined,
): CategoryCollection {
  type Guess = 'kind' | 'mixin' | 'action' | 'unsure';
  const objects: JsonObject[] = [];
  const guesses: Guess[] = [];
  const ids: TypeId[] = [];
  const related: (readonly TypeId[])[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const itemPath = single ? path : childPath(path, i);
    if (!isJsonObject(item)) return failAt(itemPath, undefined, 'a category (a JSON object)');
    objects.push(item);
    const stated = item.class;
    const relatedIds = readRelated(item, itemPath);
    related.push(relatedIds);
    const scheme = typeof item.scheme === 'string' ? item.scheme : '';
    const id = typeId(scheme, termOf(item.term) ?? '');
    ids.push(id);
    if (stated === 'kind' || stated === 'mixin' || stated === 'action') guesses.push(stated);
    else if (item.parent !== undefined && item.parent !== null) guesses.push('kind');
    else if (item.depends !== undefined || item.applies !== undefined) guesses.push('mixin');
    else if (CORE_KINDS.has(id) || relatedIds.some((r) => CORE_KINDS.has(r))) guesses.push('kind');
    else guesses.push('unsure');
  }
  const kindIds = new Set<TypeId>();
  for (let i = 0; i < ids.length; i++) if (guesses[i] === 'kind') kindIds.add(ids[i] as TypeId);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < ids.length; i++) {
      if (guesses[i] === 'unsure' && (related[i] as readonly TypeId[]).some((r) => kindIds.has(r))) {
        guesses[i] = 'kind';
        kindIds.add(ids[i] as TypeId);
        changed = true;
      }
    }
  }
  const kinds: Kind[] = [];
  const mixins: Mixin[] = [];
  const actions: Action[] = [];
  for (let i = 0; i < objects.length; i++) {
    const obj = objects[i] as JsonObject;
    const itemPath = single ? path : childPath(path, i);
    let guess = guesses[i];
    if (guess === 'unsure') {
      guess = categoryClass ?? (obj.location === undefined || obj.location === null ? 'action' : 'mixin');
    }
    if (guess === 'kind') kinds.push(readKind(obj, itemPath));
    else if (guess === 'mixin') mixins.push(readMixin(obj, itemPath));
    else actions.push(readAction(obj, itemPath));
  }
  return { kinds, mixins, actions };
}
