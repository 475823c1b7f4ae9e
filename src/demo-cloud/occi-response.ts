/**
 * Successful OCCI answers, rendered with the protocol library in the negotiated rendering, then
 * adapted to the quirk profile: every answer carries `Server` and `Content-Type`, and a text/occi
 * answer the body `OK`.
 */
import {
  type AttributeValue,
  type CategoryCollection,
  type Entity,
  type EntityCollection,
  isOcciRenderError,
  type LocationList,
  renderMessage,
} from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { OcciHttpError } from './occi-http-error.ts';

export type Content =
  | { readonly structure: 'entity'; readonly model: Entity }
  | { readonly structure: 'entity-collection'; readonly model: EntityCollection }
  | { readonly structure: 'categories'; readonly model: CategoryCollection }
  | { readonly structure: 'location-list'; readonly model: LocationList }
  /** Nothing to say: an empty body (`OK` in text/occi, `{}` in JSON). */
  | { readonly structure: 'none' }
  /** pyssf's `OK` in every text rendering. */
  | { readonly structure: 'ok' };

export const NO_CONTENT: Content = { structure: 'none' };

/** pyssf quotes every value: numbers and booleans become strings, which the library quotes. */
function quoted(attributes: ReadonlyMap<string, AttributeValue>): Map<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  for (const [name, value] of attributes) {
    out.set(name, typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);
  }
  return out;
}

function quotedEntity(entity: Entity): Entity {
  if (entity.entityType === 'link') return { ...entity, attributes: quoted(entity.attributes) };
  return {
    ...entity,
    attributes: quoted(entity.attributes),
    links: entity.links.map((link) => ({ ...link, attributes: quoted(link.attributes) })),
  };
}

function render(context: RequestContext, content: Content): { headers: [string, string][]; body: string } {
  const { mediaType } = context.negotiated;
  const json = mediaType === 'application/occi+json';
  const text = mediaType === 'text/plain' || mediaType === 'text/occi';
  if (content.structure === 'none') return { headers: [], body: mediaType === 'text/occi' ? 'OK' : json ? '{}' : '' };
  if (content.structure === 'ok') return { headers: [], body: json ? '{}' : text ? 'OK' : '' };
  let rendered: { headers: [string, string][]; body: string };
  switch (content.structure) {
    case 'entity': {
      const model = text && context.behaviour.quoteAllValues ? quotedEntity(content.model) : content.model;
      rendered = renderMessage('entity', model, mediaType);
      break;
    }
    case 'entity-collection':
      rendered = renderMessage('entity-collection', content.model, mediaType);
      break;
    case 'categories':
      rendered = renderMessage('categories', content.model, mediaType);
      break;
    case 'location-list':
      rendered = renderMessage('location-list', content.model, mediaType);
      break;
  }
  if (mediaType !== 'text/occi') return rendered;
  let headers = rendered.headers;
  if (context.behaviour.xOcciHeaderNames) {
    // rOCCI-server 2: X-OCCI-Category and X-OCCI-Link, and collections in `Location` headers.
    headers = headers.map(([name, value]) => {
      if (name === 'Category') return ['X-OCCI-Category', value];
      if (name === 'Link') return ['X-OCCI-Link', value];
      if (name === 'X-OCCI-Location') return ['Location', value];
      return [name, value];
    });
  }
  return { headers, body: 'OK' };
}

/**
 * The answer. A model the negotiated rendering cannot carry (a non-ASCII title in text/occi
 * headers) gives 406: GFD.185 says so for a rendering that would be incomplete.
 */
export function occiResponse(
  context: RequestContext,
  status: number,
  content: Content,
  extraHeaders: readonly (readonly [string, string])[] = [],
): Response {
  const headers = new Headers();
  headers.set('Server', context.behaviour.serverHeader);
  headers.set('Content-Type', context.negotiated.contentType);
  if (status === 204) {
    for (const [name, value] of extraHeaders) headers.set(name, value);
    return new Response(null, { status, headers });
  }
  let rendered: { headers: [string, string][]; body: string };
  try {
    rendered = render(context, content);
  } catch (error) {
    if (!isOcciRenderError(error)) throw error;
    throw new OcciHttpError(
      406,
      `the answer cannot be rendered as ${context.negotiated.contentType}: ${error.message}; ask for text/plain or application/occi+json`,
    );
  }
  for (const [name, value] of rendered.headers) headers.append(name, value);
  for (const [name, value] of extraHeaders) headers.set(name, value);
  return new Response(context.method === 'HEAD' ? null : rendered.body, { status, headers });
}
