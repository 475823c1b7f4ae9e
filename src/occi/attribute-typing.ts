/**
 * Attribute values against their definitions: typing what servers quote, and checking what users
 * type. The parsers keep values exactly as sent; this is where `"2"` becomes 2.
 */
import type { AttributeDefinition, Attributes, AttributeValue, Entity, TypeId } from './model.ts';
import { type ResolvedAttribute, resolveAttribute } from './resolve-attribute.ts';
import { compileSafePattern } from './safe-pattern.ts';
import type { ServerProfile } from './server-profile.ts';

/** A decimal number with nothing around it: `2`, `-1.5`, `.5`, `1e3`. Not `0x10`, `Infinity`, ``. */
const CLEAN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function cleanNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!CLEAN_NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function toAttributeValue(value: unknown): AttributeValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: AttributeValue[] = [];
    for (const item of value) {
      const converted = toAttributeValue(item);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (typeof value === 'object') {
    // JSON.parse output: own enumerable keys only; a `__proto__` key is an own property there.
    const result: { [key: string]: AttributeValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toAttributeValue(item);
      if (converted === undefined) return undefined;
      Object.defineProperty(result, key, { value: converted, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The value typed as its definition says, when it is a string that cleanly is one:
 * - number: pyssf quotes every value (`occi.compute.cores="2"`), rOCCI quotes some
 *   (`occi.compute.memory="1.0"`);
 * - boolean: ooi quotes booleans (`"true"`); `true`/`false` in any case;
 * - array/object: rOCCI renders complex values in text as a quoted JSON string.
 * Anything else comes back unchanged; nothing here throws.
 */
export function coerceAttributeValue(
  value: AttributeValue,
  definition: Pick<AttributeDefinition, 'type'> | undefined,
): AttributeValue {
  if (typeof value !== 'string' || definition?.type === undefined) return value;
  switch (definition.type) {
    case 'number':
      return cleanNumber(value) ?? value;
    case 'boolean': {
      const word = value.trim().toLowerCase();
      return word === 'true' ? true : word === 'false' ? false : value;
    }
    case 'array': {
      const parsed = value.trim().startsWith('[') ? toAttributeValue(parseJson(value)) : undefined;
      return Array.isArray(parsed) ? parsed : value;
    }
    case 'object': {
      const parsed = value.trim().startsWith('{') ? toAttributeValue(parseJson(value)) : undefined;
      return parsed !== undefined && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? parsed
        : value;
    }
    default:
      return value;
  }
}

/** What `typedAttributes` needs of a query interface. */
export interface AttributeResolver {
  attributesFor(kindId: TypeId, mixinIds?: readonly TypeId[]): readonly ResolvedAttribute[];
}

/**
 * An entity's attributes typed against its Kind and Mixins. Attributes no category defines are
 * typed from the spec's table when it knows them (ooi's text query interface lists no attributes
 * at all), and otherwise left as they are. Order is kept.
 */
export function typedAttributes(entity: Entity, queryInterface: AttributeResolver): Attributes {
  const definitions = new Map<string, ResolvedAttribute>();
  for (const definition of queryInterface.attributesFor(entity.kind, entity.mixins)) {
    definitions.set(definition.name, definition);
  }
  const typed = new Map<string, AttributeValue>();
  for (const [name, value] of entity.attributes) {
    const definition = definitions.get(name) ?? resolveAttribute({ name, mutable: true, required: false }, entity.kind);
    typed.set(name, coerceAttributeValue(value, definition));
  }
  return typed;
}

function isMissing(value: AttributeValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function describe(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

function isPlainObject(value: AttributeValue): value is { readonly [key: string]: AttributeValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeMessage(value: AttributeValue, type: string): string | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'array':
      return Array.isArray(value) ? null : 'must be a list';
    case 'object':
      return isPlainObject(value) ? null : 'must be an object';
    case 'null':
      return value === null ? null : 'must be empty';
    default:
      return null; // a type this console does not know: the server will judge
  }
}

function rangeMessage(value: AttributeValue, minimum: number | undefined, maximum: number | undefined): string | null {
  if (typeof value !== 'number') return null;
  if (minimum !== undefined && value < minimum) return `must be at least ${minimum}`;
  if (maximum !== undefined && value > maximum) return `must be at most ${maximum}`;
  return null;
}

function enumMessage(value: AttributeValue, values: readonly AttributeValue[] | undefined): string | null {
  if (values === undefined || values.length === 0) return null;
  return values.some((allowed) => sameValue(allowed, value))
    ? null
    : `must be one of ${values.map(describe).join(', ')}`;
}

/** The text a pattern is tested against: what the user typed, or the value as it renders. */
function patternSubject(original: AttributeValue, coerced: AttributeValue): string | undefined {
  if (typeof original === 'string') return original;
  if (typeof coerced === 'number' || typeof coerced === 'boolean') return String(coerced);
  return undefined;
}

function patternMessage(subject: string | undefined, source: string, anchored: boolean): string | null {
  if (subject === undefined) return null;
  // An invalid, unsupported or oversized pattern, or an input too long to check in bounded time:
  // no verdict here, the server still validates.
  const matched = compileSafePattern(source, { anchored })?.test(subject);
  return matched === false ? `does not match the pattern ${source}` : null;
}

function schemaMessage(
  original: AttributeValue,
  value: AttributeValue,
  schema: { readonly [key: string]: AttributeValue },
): string | null {
  const type = schema.type;
  if (typeof type === 'string') {
    const message = typeMessage(value, type);
    if (message !== null) return message;
  } else if (Array.isArray(type) && type.length > 0) {
    const messages = type.map((t) => (typeof t === 'string' ? typeMessage(value, t) : null));
    if (!messages.includes(null)) return messages[0] ?? null;
  }
  const values = schema.enum;
  if (Array.isArray(values)) {
    const message = enumMessage(value, values);
    if (message !== null) return message;
  }
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const range = rangeMessage(value, minimum, maximum);
  if (range !== null) return range;
  if (typeof value === 'string') {
    const length = Array.from(value).length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) {
      return `must be at least ${schema.minLength} characters long`;
    }
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
      return `must be at most ${schema.maxLength} characters long`;
    }
    // JSON Schema patterns are ECMA-262 and match anywhere in the string unless anchored.
    if (typeof schema.pattern === 'string') {
      return patternMessage(patternSubject(original, value), schema.pattern, false);
    }
  }
  return null;
}

/**
 * Why a value does not fit its definition, in words for a form field ("must be a number"), or
 * null when it fits or cannot be judged here. A missing value (absent, null or empty text) is
 * wrong only when the attribute is required and has no default. A string that cleanly reads as
 * the definition's type is accepted, as `coerceAttributeValue` would type it.
 */
export function validateAttributeValue(
  value: AttributeValue | undefined,
  definition: ResolvedAttribute | AttributeDefinition,
): string | null {
  if (value === undefined || isMissing(value)) {
    return definition.required && definition.default === undefined ? 'is required' : null;
  }
  const type = definition.type ?? 'string';
  const coerced = coerceAttributeValue(value, { type });
  const resolved: Partial<ResolvedAttribute> = definition;
  const message =
    typeMessage(coerced, type) ??
    (resolved.integer === true ? typeMessage(coerced, 'integer') : null) ??
    enumMessage(coerced, resolved.enum) ??
    rangeMessage(coerced, resolved.minimum, resolved.maximum);
  if (message !== null) return message;
  const pattern = definition.pattern;
  if (pattern === undefined) return null;
  if (typeof pattern === 'string') return patternMessage(patternSubject(value, coerced), pattern, true);
  return schemaMessage(value, coerced, pattern);
}

/**
 * occi.compute.memory in GiB, as the spec defines it. ooi passes nova's flavour RAM through in
 * MiB, so its values are divided by 1024. Null when the value is not a number.
 */
export function memoryInGiB(
  value: AttributeValue | undefined,
  serverProfile: ServerProfile = 'generic',
): number | null {
  if (value === undefined) return null;
  const number = coerceAttributeValue(value, { type: 'number' });
  if (typeof number !== 'number' || !Number.isFinite(number)) return null;
  return serverProfile === 'ooi' ? number / 1024 : number;
}
