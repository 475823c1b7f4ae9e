/**
 * Attribute definitions as form fields, and form text back to attribute values. Every field holds
 * text (what an input holds); the definition says how to read it back and what is wrong with it.
 * A field left at its default is not sent: the server applies its own default, and the request
 * carries only what the user chose.
 */
import {
  type AttributeValue,
  coerceAttributeValue,
  type QueryInterface,
  type ResolvedAttribute,
  type TypeId,
  validateAttributeValue,
} from '../../occi/index.ts';

/** Attributes the server sets and a form never offers, mutable or not. */
const SERVER_SET = /^occi\.core\.(id|source|target|source\.kind|target\.kind)$|\.state(\.message)?$/;

/**
 * The fields for an entity of this Kind with these Mixins: every attribute a user may set, in
 * the query interface's order (Kind first, then each mixin's). Immutable attributes are left out:
 * only the server sets them.
 */
export function formAttributes(
  queryInterface: QueryInterface,
  kindId: TypeId,
  mixinIds: readonly TypeId[],
): readonly ResolvedAttribute[] {
  return queryInterface
    .attributesFor(kindId, mixinIds)
    .filter((attribute) => attribute.mutable && !SERVER_SET.test(attribute.name));
}

/** A value as a field shows it: text, JSON for arrays and objects. */
export function textOf(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export type FieldReading = { readonly value: AttributeValue | undefined } | { readonly error: string };

/** A field's text as the attribute's value (undefined when empty), or why it is not one. */
export function readField(text: string, attribute: ResolvedAttribute): FieldReading {
  if (text.trim() === '') {
    const error = validateAttributeValue(undefined, attribute);
    return error === null ? { value: undefined } : { error };
  }
  let value: AttributeValue;
  switch (attribute.type) {
    case 'number': {
      // The library's reading, not Number(): `0x10`, `0b1` or `1_000` are no number a server reads.
      const number = coerceAttributeValue(text, { type: 'number' });
      if (typeof number !== 'number') return { error: 'must be a number' };
      value = number;
      break;
    }
    case 'boolean': {
      const boolean = coerceAttributeValue(text, { type: 'boolean' });
      if (typeof boolean !== 'boolean') return { error: 'must be true or false' };
      value = boolean;
      break;
    }
    case 'array':
    case 'object':
      try {
        value = JSON.parse(text) as AttributeValue;
      } catch {
        return { error: `must be JSON (${attribute.type === 'array' ? '[ ... ]' : '{ ... }'})` };
      }
      break;
    default:
      value = text;
  }
  const error = validateAttributeValue(value, attribute);
  return error === null ? { value } : { error };
}

export interface FormReading {
  /** The attributes to send: fields the user filled in and left not at their default. */
  readonly attributes: Map<string, AttributeValue>;
  /** What is wrong, per attribute name. */
  readonly errors: ReadonlyMap<string, string>;
}

/**
 * Whether a value is the attribute's default, compared as values: `1`, ` 1` and `1.0` typed in a
 * field whose default is 1 (or a server's quoted "1") are all the default.
 */
function isDefault(value: AttributeValue, attribute: ResolvedAttribute): boolean {
  if (attribute.default === undefined || attribute.default === null) return false;
  const fallback = coerceAttributeValue(attribute.default, attribute);
  return JSON.stringify(fallback) === JSON.stringify(value);
}

/** Every field read; those equal to their default are not sent. */
export function readForm(fields: ReadonlyMap<string, string>, attributes: readonly ResolvedAttribute[]): FormReading {
  const values = new Map<string, AttributeValue>();
  const errors = new Map<string, string>();
  for (const attribute of attributes) {
    const text = fields.get(attribute.name) ?? '';
    const reading = readField(text, attribute);
    if ('error' in reading) errors.set(attribute.name, reading.error);
    else if (reading.value !== undefined && !isDefault(reading.value, attribute))
      values.set(attribute.name, reading.value);
  }
  return { attributes: values, errors };
}

/**
 * A field's first text: its default; for a required number with none (a volume's size), its
 * minimum or 1, so the form starts valid and shows what it will ask for.
 */
export function initialText(attribute: ResolvedAttribute): string {
  if (attribute.default !== undefined && attribute.default !== null) return textOf(attribute.default);
  if (attribute.required && attribute.type === 'number') return String(Math.max(attribute.minimum ?? 1, 1));
  return '';
}

/**
 * The fields after the attribute set changed (another template chosen): a field the user typed in
 * keeps its text; any other shows the new default. Fields no longer shown keep their text, so
 * ticking a mixin off and on again loses nothing.
 */
export function withDefaults(
  fields: ReadonlyMap<string, string>,
  touched: ReadonlySet<string>,
  attributes: readonly ResolvedAttribute[],
): Map<string, string> {
  const next = new Map(fields);
  for (const attribute of attributes) {
    if (!touched.has(attribute.name)) next.set(attribute.name, initialText(attribute));
  }
  return next;
}

/** Last words of attribute names that read badly capitalised as they are. */
const WORDS: Readonly<Record<string, string>> = {
  deviceid: 'Device id',
  mac: 'MAC address',
  publickey: 'Public key',
  userdata: 'User data',
  hostname: 'Host name',
  mountpoint: 'Mount point',
};

/** What a form or a column calls an attribute: the last part of its name, in words ("Mount point"). */
export function attributeLabel(name: string): string {
  const last = name.split('.').at(-1) ?? name;
  return WORDS[last] ?? last.charAt(0).toUpperCase() + last.slice(1).replaceAll('_', ' ');
}
