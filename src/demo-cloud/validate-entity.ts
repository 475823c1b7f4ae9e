/**
 * The rules an entity's categories and attributes must follow, shared by create, update and
 * mixin association. Every failure is a validation error naming the mixin or attribute and why.
 */
import {
  type AttributeValue,
  coerceAttributeValue,
  isTemplateRoot,
  type QueryInterface,
  type ResolvedAttribute,
  type TypeId,
  termOf,
  validateAttributeValue,
  wellKnown,
} from '../occi/index.ts';
import { invalidRequest } from './occi-http-error.ts';

const { ATTR } = wellKnown;

/** Attributes the server derives whatever the client says (the target's Kind). */
export const DERIVED_ATTRIBUTES: ReadonlySet<string> = new Set([ATTR.sourceKind, ATTR.targetKind]);

/**
 * The value set the demo cloud's own definition gives, and no other: the protocol library fills
 * in the spec's enumeration where a server names none (`occi.compute.architecture`: x86, x64),
 * which is right for a client reading a server, but this server takes any architecture (pOCCI's
 * CORE/CREATE/001 sends "arch" and wants 201).
 */
function ownValues(definition: ResolvedAttribute): ResolvedAttribute {
  const { pattern } = definition;
  const named = typeof pattern === 'string' || (pattern !== undefined && Array.isArray(pattern.enum));
  if (definition.enum === undefined || named) return definition;
  const { enum: _spec, ...rest } = definition;
  return rest;
}

export function definitionsFor(
  queryInterface: QueryInterface,
  kindId: TypeId,
  mixins: readonly TypeId[],
): Map<string, ResolvedAttribute> {
  return new Map(
    queryInterface.attributesFor(kindId, mixins).map((definition) => [definition.name, ownValues(definition)]),
  );
}

/**
 * The mixins, each once, after checking that each exists, is no abstract template parent, and
 * applies to the Kind, and that there is at most one OS and one resource template.
 */
export function checkMixins(queryInterface: QueryInterface, kindId: TypeId, mixins: readonly TypeId[]): TypeId[] {
  const unique = [...new Set(mixins)];
  const applicable = new Set(queryInterface.applicableMixins(kindId).map((mixin) => mixin.scheme + mixin.term));
  for (const id of unique) {
    if (queryInterface.mixin(id) === undefined) {
      throw invalidRequest(`unknown mixin ${id}: the query interface (/-/) lists the mixins this cloud offers`);
    }
    if (isTemplateRoot(id)) {
      throw invalidRequest(`${id} is the abstract parent of the templates; attach one of its templates instead`);
    }
    if (!applicable.has(id)) throw invalidRequest(`mixin ${id} does not apply to ${termOf(kindId)}`);
  }
  for (const [role, what] of [
    ['os-template', 'OS template (os_tpl)'],
    ['resource-template', 'resource template (resource_tpl)'],
  ] as const) {
    const templates = unique.filter((id) => queryInterface.mixinRole(id) === role);
    if (templates.length > 1) throw invalidRequest(`at most one ${what} per entity, got ${templates.join(' and ')}`);
  }
  return unique;
}

/**
 * A partial update or an association adds mixins; a new os_tpl replaces the old one and a new
 * resource_tpl the old one (GFD.224 templates), other mixins are added beside the old.
 */
export function withMixinsAdded(
  queryInterface: QueryInterface,
  current: readonly TypeId[],
  added: readonly TypeId[],
): TypeId[] {
  const roles = new Set(added.map((id) => queryInterface.mixinRole(id)));
  const replaced = (id: TypeId) => {
    const role = queryInterface.mixinRole(id);
    return (role === 'os-template' || role === 'resource-template') && roles.has(role) && !added.includes(id);
  };
  return [...new Set([...current.filter((id) => !replaced(id)), ...added])];
}

function shown(value: AttributeValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}

/** The value checked against its definition and typed (`"2"` becomes 2), or a 400 naming both. */
export function checkValue(name: string, value: AttributeValue, definition: ResolvedAttribute): AttributeValue {
  const message = validateAttributeValue(value, definition);
  if (message !== null) throw invalidRequest(`${name} ${message} (got ${shown(value)})`);
  return coerceAttributeValue(value, definition);
}

export function isMissing(value: AttributeValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function example(definition: ResolvedAttribute): string {
  if (definition.default !== undefined && definition.default !== null) return shown(definition.default);
  switch (definition.type) {
    case 'number':
      return '1.0';
    case 'boolean':
      return 'true';
    default:
      return definition.enum?.[0] !== undefined ? shown(definition.enum[0]) : '"..."';
  }
}

/**
 * A missing required attribute, and how to send it. `fromHeaders`: the request was read from
 * its headers, where curl users are; curl drops a `-H` without a colon (the seed document's
 * `-H 'occi.storage.size = 1.0'` never leaves the machine).
 */
export function missingAttribute(definition: ResolvedAttribute, kindId: TypeId, fromHeaders: boolean): Error {
  const how = `X-OCCI-Attribute: ${definition.name}=${example(definition)}`;
  const curl = fromHeaders ? ` (with curl: -H '${how}'; a -H without a colon is dropped by curl)` : '';
  return invalidRequest(`${definition.name} is required for ${termOf(kindId)}: send it as ${how}${curl}`);
}

export function checkRequired(
  definitions: ReadonlyMap<string, ResolvedAttribute>,
  values: ReadonlyMap<string, AttributeValue>,
  kindId: TypeId,
  fromHeaders: boolean,
): void {
  for (const definition of definitions.values()) {
    if (definition.required && isMissing(values.get(definition.name))) {
      throw missingAttribute(definition, kindId, fromHeaders);
    }
  }
}

/** Equal as a client would mean it: `"2"` and 2 are the same value. */
export function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

/**
 * The id a client means by an `occi.core.id`: pyssf renders the path (`/compute/<id>`), some
 * clients send the whole URL or a `urn:uuid:` URN.
 */
export function normaliseId(value: AttributeValue): string {
  const text = String(value).trim();
  const withoutUrn = text.replace(/^urn:uuid:/i, '');
  const segments = withoutUrn.split('/').filter((segment) => segment !== '');
  return segments[segments.length - 1] ?? '';
}

/** The values in the order their definitions come (Kind chain, then mixins), extras last. */
export function ordered(
  values: ReadonlyMap<string, AttributeValue>,
  definitions: ReadonlyMap<string, ResolvedAttribute>,
): Map<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  for (const name of definitions.keys()) {
    const value = values.get(name);
    if (value !== undefined) out.set(name, value);
  }
  for (const [name, value] of values) if (!out.has(name)) out.set(name, value);
  return out;
}
