import type { AttributeDefinition, AttributeType, AttributeValue } from '../model.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';

type MutableDefinition = { -readonly [K in keyof AttributeDefinition]: AttributeDefinition[K] };

/** The properties of a 1.2 attribute description. */
const DEFINITION_KEYS = ['type', 'mutable', 'required', 'default', 'pattern', 'description'] as const;

/** How deep rOCCI 4 namespaces of definitions may nest. */
const MAX_NAMESPACE_DEPTH = 32;

/**
 * The `attributes` member of a Kind, Mixin or Action: attribute definitions in text order.
 *
 * Shapes:
 * - OCCI 1.2: `{"occi.compute.cores": {"type":"number","mutable":true,...}}`;
 * - rOCCI 4: nested by namespace, `{"occi":{"compute":{"cores":{"type":"number"}}}}`;
 * - pyssf: a string per name, `"required"`, `"immutable"` or `"muttable"` (sic);
 * - 1.1 style: an array of names.
 *
 * Telling a nested namespace from a definition: an object is a definition when
 * (a) it sits at the top level under a dotted name (1.2 names are flat and rOCCI 4 keys never
 *     contain dots, so a 1.2 definition holding only a JSON-Schema `pattern` is still read right), or
 * (b) it is empty (a definition with every default; an empty namespace would mean nothing), or
 * (c) it has one of type/mutable/required/default/pattern/description as a leaf, i.e. with a value
 *     that is not an object (arrays and null count as leaves).
 * Otherwise it is a namespace. So `{"occi":{"storage":{"type":{"type":"string"}}}}` gives
 * `occi.storage.type` (the outer `type` holds an object, so `storage` is a namespace). The rule
 * misreads a dotless top-level name (an action parameter like `method`) whose definition has only
 * object-valued properties, e.g. only a JSON-Schema `pattern`: never seen in the wild.
 */
export function readAttributeDefinitions(owner: JsonObject, path: JsonPath): AttributeDefinition[] {
  const value = owner.attributes;
  const definitions: AttributeDefinition[] = [];
  if (value === undefined || value === null) return definitions;
  const attributesPath = childPath(path, 'attributes');
  if (Array.isArray(value)) {
    // OCCI 1.1 lists names only; a name with no properties is mutable and optional there.
    for (let i = 0; i < value.length; i++) {
      const name: unknown = value[i];
      if (typeof name !== 'string') failAt(attributesPath, i, 'an attribute name (string)');
      definitions.push({ name, mutable: true, required: false });
    }
    return definitions;
  }
  if (!isJsonObject(value)) failAt(path, 'attributes', 'an object of attribute definitions');
  collectDefinitions(value, '', attributesPath, definitions, 0);
  return definitions;
}

function collectDefinitions(
  node: JsonObject,
  prefix: string,
  path: JsonPath,
  out: AttributeDefinition[],
  depth: number,
): void {
  if (depth > MAX_NAMESPACE_DEPTH)
    failAt(path, undefined, `attribute namespaces nested at most ${MAX_NAMESPACE_DEPTH} deep`);
  for (const key in node) {
    const value = node[key];
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.push(pyssfDefinition(name, value));
    else if (!isJsonObject(value)) failAt(path, key, 'an attribute definition (object)');
    else if ((prefix === '' && key.includes('.')) || isDefinition(value))
      out.push(readDefinition(name, value, childPath(path, key)));
    else collectDefinitions(value, name, childPath(path, key), out, depth + 1);
  }
}

function isDefinition(node: JsonObject): boolean {
  let empty = true;
  for (const _ in node) {
    empty = false;
    break;
  }
  if (empty) return true;
  for (const key of DEFINITION_KEYS) {
    const value = node[key];
    if (value !== undefined && !isJsonObject(value)) return true;
  }
  return false;
}

/**
 * pyssf's one-word properties (it writes "muttable" for mutable). Read as OCCI 1.1 text does
 * `{required immutable}`: any word may appear, unknown words are ignored, and without
 * "immutable" the attribute is mutable.
 */
function pyssfDefinition(name: string, properties: string): AttributeDefinition {
  const words = properties.toLowerCase().split(/[\s,]+/);
  return { name, mutable: !words.includes('immutable'), required: words.includes('required') };
}

function readDefinition(name: string, node: JsonObject, path: JsonPath): AttributeDefinition {
  // GFD.226: mutable and required default to false when absent.
  const definition: MutableDefinition = {
    name,
    mutable: flag(node, 'mutable', path),
    required: flag(node, 'required', path),
  };
  const type = node.type;
  if (type !== undefined && type !== null) definition.type = attributeType(type, path);
  const fallback = node.default;
  // `null` is read as "no default", like every optional property given as null.
  if (fallback !== undefined && fallback !== null) definition.default = fallback as AttributeValue;
  const pattern = node.pattern;
  if (typeof pattern === 'string' || isJsonObject(pattern)) {
    // rOCCI 5 sends Ruby regexps (`(?-mix:^(x86|x64)$)`): kept verbatim, as the server wrote them.
    definition.pattern = pattern as string | { readonly [key: string]: AttributeValue };
  } else if (pattern !== undefined && pattern !== null) {
    failAt(path, 'pattern', 'a pattern (a regular expression string or a JSON Schema object)');
  }
  const description = node.description;
  if (typeof description === 'string') definition.description = description;
  else if (description !== undefined && description !== null) failAt(path, 'description', 'a string');
  return definition;
}

function flag(node: JsonObject, key: string, path: JsonPath): boolean {
  const value = node[key];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  return failAt(path, key, 'true or false');
}

/**
 * GFD.226 types, matched without regard to case. Core's own names (List, Hash) and a few
 * programming-language spellings map to their JSON type.
 */
const TYPE_NAMES: ReadonlyMap<string, AttributeType> = new Map<string, AttributeType>([
  ['string', 'string'],
  ['number', 'number'],
  ['boolean', 'boolean'],
  ['array', 'array'],
  ['object', 'object'],
  ['list', 'array'],
  ['hash', 'object'],
  ['integer', 'number'],
  ['float', 'number'],
  ['bool', 'boolean'],
]);

function attributeType(value: unknown, path: JsonPath): AttributeType {
  const type = typeof value === 'string' ? TYPE_NAMES.get(value.toLowerCase()) : undefined;
  return type ?? failAt(path, 'type', 'one of "string", "number", "boolean", "array", "object"');
}
