/**
 * The body of a create or an update, with one kindness: an attribute sent as a header of its
 * own name (`occi.storage.size: 1.0`, or `= 1.0` as the seed document spells it) is read as that
 * attribute, for clients that send it so. (curl drops the seed's `-H 'occi.storage.size = 1.0'`
 * altogether, having no colon; the missing-attribute error then says how to send it.)
 */
import { type Attributes, type AttributeValue, type EntityUpdate, renderingOf, type TypeId } from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { hasBody, parseRequest } from './read-request-body.ts';
import { withoutTopLevelFields } from './rocci-json-input.ts';

export interface EntityInput {
  readonly update: EntityUpdate;
  /** Read from the request's headers (text/occi, or no body). */
  readonly fromHeaders: boolean;
}

function bareHeaderValue(value: string): AttributeValue {
  const text = value.replace(/^\s*=\s*/, '').trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function withAttributeHeaders(context: RequestContext, update: EntityUpdate, kindId: TypeId): Attributes {
  const queryInterface = context.store.queryInterface;
  const mixins = update.mixins.filter((id) => queryInterface.mixin(id) !== undefined);
  const names = new Map(
    queryInterface
      .attributesFor(update.kind ?? kindId, mixins)
      .map((definition) => [definition.name.toLowerCase(), definition.name]),
  );
  let attributes: Map<string, AttributeValue> | undefined;
  for (const [header, value] of context.body.headers) {
    const name = names.get(header.toLowerCase());
    if (name === undefined || update.attributes.has(name)) continue;
    attributes ??= new Map(update.attributes);
    attributes.set(name, bareHeaderValue(value));
  }
  return attributes ?? update.attributes;
}

export function readEntityInput(context: RequestContext, kindId: TypeId): EntityInput {
  const update = withoutTopLevelFields(context, parseRequest('entity-update', context.body));
  const fromHeaders = !hasBody(context.body) || renderingOf(context.body.contentType) === 'text/occi';
  return { update: { ...update, attributes: withAttributeHeaders(context, update, kindId) }, fromHeaders };
}
