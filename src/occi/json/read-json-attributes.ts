import type { AttributeValue } from '../model.ts';
import { ATTR } from '../well-known.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';

/**
 * Attribute values of an entity or an action invocation.
 *
 * OCCI 1.2 keys are flat dotted names (`"occi.compute.cores": 2`). rOCCI 4 (rOCCI-server 1.x) nests
 * them by namespace (`{"occi":{"compute":{"cores":2}}}`). The two cannot be told apart for sure,
 * so the rule is: a member whose name has no dot and whose value is an object (not an array, not
 * null) is a namespace and is flattened; any other member is an attribute. A 1.2 attribute with a
 * dotless name and an object value (legal, never seen) would therefore be read as a namespace.
 * Repeated names (flat and nested spellings of one attribute): the last one in the text wins,
 * as with repeated JSON keys.
 */

/** How deep rOCCI 4 namespaces may nest; real names have 3 or 4 parts. */
const MAX_NAMESPACE_DEPTH = 32;

/** The attributes with a top-level field in 1.2 JSON, in the order the model keeps them first. */
const CORE_ORDER = [ATTR.id, ATTR.title, ATTR.summary, ATTR.source, ATTR.sourceKind, ATTR.target, ATTR.targetKind];
const CORE_SLOTS: ReadonlyMap<string, number> = new Map(CORE_ORDER.map((name, slot) => [name, slot]));

function isCoreName(name: string): boolean {
  return name.startsWith('occi.core.') && CORE_SLOTS.has(name);
}

function isNamespace(name: string, value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !name.includes('.');
}

/** The `attributes` member of `obj`, or undefined when absent or null. */
function attributesObject(obj: JsonObject, path: JsonPath): JsonObject | undefined {
  const attributes = obj.attributes;
  if (attributes === undefined || attributes === null) return undefined;
  if (!isJsonObject(attributes)) failAt(path, 'attributes', 'an object of attribute values');
  return attributes;
}

/** An action invocation's parameters: flat or rOCCI 4 nested, no fields hoisted. */
export function readPlainAttributes(obj: JsonObject, path: JsonPath): Map<string, AttributeValue> {
  const map = new Map<string, AttributeValue>();
  const attributes = attributesObject(obj, path);
  if (attributes === undefined) return map;
  const attributesPath = childPath(path, 'attributes');
  for (const name in attributes) {
    const value = attributes[name] as AttributeValue;
    if (isNamespace(name, value)) flattenInto(map, value as JsonObject, name, childPath(attributesPath, name), 1);
    else map.set(name, value);
  }
  return map;
}

function flattenInto(
  map: Map<string, AttributeValue>,
  namespace: JsonObject,
  prefix: string,
  path: JsonPath,
  depth: number,
): void {
  if (depth > MAX_NAMESPACE_DEPTH)
    failAt(path, undefined, `attribute namespaces nested at most ${MAX_NAMESPACE_DEPTH} deep`);
  for (const key in namespace) {
    const value = namespace[key] as AttributeValue;
    const name = `${prefix}.${key}`;
    if (isNamespace(key, value)) flattenInto(map, value as JsonObject, name, childPath(path, key), depth + 1);
    // A repeated name keeps its first place and takes its last value.
    else map.set(name, value);
  }
}

/**
 * An entity's attributes, `occi.core.*` included. 1.2 gives `id`, `title`, `summary` and the link
 * ends at the top level; rOCCI 5 repeats them inside `attributes`, ooi leaves them out there, rOCCI 4
 * has them only there (nested). A top-level field wins over its attribute twin. The Map starts
 * with the core attributes in `CORE_ORDER`, then the rest in text order, so equal inputs give
 * Maps in the same order whichever server spelled them.
 */
export function readEntityAttributes(obj: JsonObject, path: JsonPath): Map<string, AttributeValue> {
  const attributes = attributesObject(obj, path);
  const top = readTopLevelCore(obj, path);
  const map = new Map<string, AttributeValue>();
  for (let i = 0; i < CORE_ORDER.length; i++) {
    const value = top[i];
    if (value !== undefined) map.set(CORE_ORDER[i] as string, value);
  }
  if (attributes === undefined) return map;
  // Fast path, the 1.2 flat form: one pass over the members, no lookups by name, no copy.
  let coreOnlyInAttributes = false;
  for (const name in attributes) {
    const value = attributes[name];
    if (isNamespace(name, value)) return readNestedEntityAttributes(attributes, top, path);
    if (name.startsWith('occi.core.')) {
      const slot = CORE_SLOTS.get(name);
      if (slot !== undefined) {
        // Its place is among the first entries: only known now (pyssf has no top-level fields).
        if (top[slot] === undefined) coreOnlyInAttributes = true;
        continue;
      }
    }
    map.set(name, value as AttributeValue);
  }
  return coreOnlyInAttributes ? withCoreFirst(map, top, attributes) : map;
}

/** `map` with the core attributes put first: the top-level value, else the attribute's own. */
function withCoreFirst(
  map: ReadonlyMap<string, AttributeValue>,
  top: readonly (string | undefined)[],
  attributes: JsonObject,
): Map<string, AttributeValue> {
  const ordered = new Map<string, AttributeValue>();
  for (let i = 0; i < CORE_ORDER.length; i++) {
    const name = CORE_ORDER[i] as string;
    const value = top[i] ?? (attributes[name] as AttributeValue | undefined);
    if (value !== undefined) ordered.set(name, value);
  }
  for (const [name, value] of map) if (!isCoreName(name)) ordered.set(name, value);
  return ordered;
}

/** The slow path for rOCCI 4 nesting: flatten first, then order as the fast path does. */
function readNestedEntityAttributes(
  attributes: JsonObject,
  top: readonly (string | undefined)[],
  path: JsonPath,
): Map<string, AttributeValue> {
  const flat = new Map<string, AttributeValue>();
  const attributesPath = childPath(path, 'attributes');
  for (const name in attributes) {
    const value = attributes[name] as AttributeValue;
    if (isNamespace(name, value)) flattenInto(flat, value as JsonObject, name, childPath(attributesPath, name), 1);
    else flat.set(name, value);
  }
  const map = new Map<string, AttributeValue>();
  for (let i = 0; i < CORE_ORDER.length; i++) {
    const name = CORE_ORDER[i] as string;
    const value = top[i] ?? flat.get(name);
    if (value !== undefined) map.set(name, value);
  }
  for (const [name, value] of flat) if (!isCoreName(name)) map.set(name, value);
  return map;
}

/**
 * The top-level core fields, indexed like `CORE_ORDER`. `null` counts as absent. An id, title or
 * summary given as a number becomes a string, as ooi's numeric terms do (an identifier is text).
 * A link end is `{"location","kind"}` (1.2) or a plain URI string (rOCCI 4, pyssf, 1.2 drafts);
 * rOCCI 4's `rel` names the target's kind.
 */
function readTopLevelCore(obj: JsonObject, path: JsonPath): (string | undefined)[] {
  const core: (string | undefined)[] = [
    textField(obj, 'id', path),
    textField(obj, 'title', path),
    textField(obj, 'summary', path),
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  readLinkEnd(obj, 'source', path, core, 3);
  readLinkEnd(obj, 'target', path, core, 5);
  if (core[6] === undefined) {
    const rel = obj.rel;
    // The 2011 JSON draft gave `rel` as an array of one type identifier.
    const relId = Array.isArray(rel) ? rel[0] : rel;
    if (typeof relId === 'string') core[6] = relId;
    else if (relId !== undefined && relId !== null) failAt(path, 'rel', 'the target kind as a string type identifier');
  }
  return core;
}

function textField(obj: JsonObject, key: string, path: JsonPath): string | undefined {
  const value = obj[key];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return failAt(path, key, 'a string');
}

function readLinkEnd(obj: JsonObject, key: string, path: JsonPath, core: (string | undefined)[], slot: number): void {
  const end = obj[key];
  if (end === undefined || end === null) return;
  if (typeof end === 'string') {
    core[slot] = end;
    return;
  }
  if (!isJsonObject(end)) failAt(path, key, 'a {"location", "kind"} object or a URI string');
  const location = end.location;
  if (typeof location !== 'string') failAt(childPath(path, key), 'location', 'a URI string');
  core[slot] = location;
  const kind = end.kind;
  if (typeof kind === 'string') core[slot + 1] = kind;
  else if (kind !== undefined && kind !== null) failAt(childPath(path, key), 'kind', 'a string type identifier');
}

/**
 * Whether `obj` names a link end, or rOCCI 4's `rel`, at the top level: only a Link has them, so
 * it is a Link wherever it stands.
 */
export function hasTopLevelLinkEnd(obj: JsonObject): boolean {
  return (
    (obj.source !== undefined && obj.source !== null) ||
    (obj.target !== undefined && obj.target !== null) ||
    (obj.rel !== undefined && obj.rel !== null)
  );
}
