/**
 * One attribute definition as forms and validation need it: every property the server left out
 * filled in from the 1.2 defaults, or from the spec where the server could not say (an OCCI 1.1
 * text rendering carries only names and `{required immutable}`).
 */
import type { AttributeDefinition, AttributeType, AttributeValue, TypeId } from './model.ts';
import { patternAlternatives } from './safe-pattern.ts';
import { type WellKnownAttribute, wellKnownAttribute } from './well-known-attributes.ts';

export interface ResolvedAttribute extends AttributeDefinition {
  readonly type: AttributeType;
  /**
   * Where `type` came from: the server, the spec's table of core and infrastructure attributes
   * (servers that give no type), or the 1.2 default `string`.
   */
  readonly typeSource: 'server' | 'well-known' | 'default';
  /**
   * The values allowed, when known: a JSON Schema `enum`, a pattern that only lists literal
   * alternatives (rOCCI-core 5), or the spec's value set.
   */
  readonly enum?: readonly AttributeValue[];
  /** Whole numbers only (the spec's Integer attributes, or JSON Schema `"type": "integer"`). */
  readonly integer?: true;
  readonly minimum?: number;
  readonly maximum?: number;
  /** The Kind, Mixin or Action whose definition won (the most specific one). */
  readonly definedBy: TypeId;
}

/**
 * Folds a later definition of the same attribute over an earlier one: a child Kind's over its
 * parent's, a Mixin's over the Kind's. The later one decides `mutable` and `required` (a resource
 * template makes `occi.compute.cores` immutable); properties it leaves out are kept from the
 * earlier one, so a text-rendered mixin that only names an attribute keeps the Kind's JSON type.
 */
export function mergeAttributeDefinitions(
  earlier: AttributeDefinition,
  later: AttributeDefinition,
): AttributeDefinition {
  const type = later.type ?? earlier.type;
  const defaultValue = later.default !== undefined ? later.default : earlier.default;
  const pattern = later.pattern ?? earlier.pattern;
  const description = later.description ?? earlier.description;
  return {
    name: later.name,
    mutable: later.mutable,
    required: later.required,
    ...(type !== undefined && { type }),
    ...(defaultValue !== undefined && { default: defaultValue }),
    ...(pattern !== undefined && { pattern }),
    ...(description !== undefined && { description }),
  };
}

function isPrimitive(value: AttributeValue | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function schemaNumber(schema: { readonly [key: string]: AttributeValue }, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

interface ServerConstraints {
  readonly enum?: readonly AttributeValue[];
  readonly integer?: true;
  readonly minimum?: number;
  readonly maximum?: number;
}

function schemaSays(definition: AttributeDefinition): ServerConstraints {
  const pattern = definition.pattern;
  if (pattern === undefined) return {};
  if (typeof pattern === 'string') {
    // One literal is a constant, not a choice; leave it to the pattern check.
    const alternatives = patternAlternatives(pattern);
    return alternatives === null || alternatives.length < 2 ? {} : { enum: [...alternatives] };
  }
  const values = pattern.enum;
  const minimum = schemaNumber(pattern, 'minimum');
  const maximum = schemaNumber(pattern, 'maximum');
  const typeIsInteger = pattern.type === 'integer' || (Array.isArray(pattern.type) && pattern.type.includes('integer'));
  return {
    ...(Array.isArray(values) && values.every(isPrimitive) && { enum: [...values] }),
    ...(minimum !== undefined && { minimum }),
    ...(maximum !== undefined && { maximum }),
    ...(typeIsInteger && { integer: true as const }),
  };
}

/**
 * Resolves one (merged) definition. The server's own words win; `known` (by default the spec's
 * entry for this attribute name) fills in only what the server did not say.
 */
export function resolveAttribute(
  definition: AttributeDefinition,
  definedBy: TypeId,
  known: WellKnownAttribute | undefined = wellKnownAttribute(definition.name),
): ResolvedAttribute {
  const type: AttributeType = definition.type ?? known?.type ?? 'string';
  const typeSource = definition.type !== undefined ? 'server' : known !== undefined ? 'well-known' : 'default';
  // The spec's value set only makes sense when the server's type agrees with the spec's.
  const spec = known !== undefined && known.type === type ? known : undefined;
  const server = schemaSays(definition);
  const values = server.enum ?? spec?.enum;
  const integer = server.integer ?? spec?.integer;
  const minimum = server.minimum ?? spec?.minimum;
  const maximum = server.maximum ?? spec?.maximum;
  return {
    ...definition,
    type,
    typeSource,
    ...(values !== undefined && { enum: values }),
    ...(integer === true && type === 'number' && { integer: true as const }),
    ...(minimum !== undefined && type === 'number' && { minimum }),
    ...(maximum !== undefined && type === 'number' && { maximum }),
    definedBy,
  };
}
