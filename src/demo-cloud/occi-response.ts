/**
 * Successful OCCI answers, rendered with the protocol library in the negotiated rendering, then
 * adapted to the quirk profile: every answer carries `Server` and `Content-Type`, and a text/occi
 * answer the body its profile gives it (`OK`, or nothing).
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
import type { NothingToSay } from './quirks/quirk-behaviour.ts';

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

function renderModel(context: RequestContext, content: Content): { headers: [string, string][]; body: string } {
  const { mediaType } = context.negotiated;
  const json = mediaType === 'application/occi+json';
  const text = mediaType === 'text/plain' || mediaType === 'text/occi';
  switch (content.structure) {
    case 'none':
      return { headers: [], body: json ? '{}' : '' };
    case 'ok':
      return { headers: [], body: json ? '{}' : text ? 'OK' : '' };
    case 'entity': {
      const model = text && context.behaviour.quoteAllValues ? quotedEntity(content.model) : content.model;
      return renderMessage('entity', model, mediaType);
    }
    case 'entity-collection':
      return renderMessage('entity-collection', content.model, mediaType);
    case 'categories':
      return renderMessage('categories', content.model, mediaType);
    case 'location-list':
      return renderMessage('location-list', content.model, mediaType);
  }
}

/** rOCCI-server 2: X-OCCI-Category and X-OCCI-Link, and collections in `Location` headers. */
function xOcciName(name: string): string {
  if (name === 'Category') return 'X-OCCI-Category';
  if (name === 'Link') return 'X-OCCI-Link';
  if (name === 'X-OCCI-Location') return 'Location';
  return name;
}

function render(context: RequestContext, content: Content): { headers: [string, string][]; body: string } {
  const { behaviour, negotiated } = context;
  const rendered = renderModel(context, content);
  switch (negotiated.mediaType) {
    case 'text/occi': {
      let headers = rendered.headers;
      // rOCCI-server 2 sends `X-OCCI-Link:` with nothing in it on a resource with no links (capture 51).
      const linkless = content.structure === 'entity' && content.model.entityType === 'resource';
      if (behaviour.emptyLinkHeader && linkless && !headers.some(([name]) => name === 'Link')) {
        headers = [...headers, ['Link', '']];
      }
      if (behaviour.xOcciHeaderNames) headers = headers.map(([name, value]) => [xOcciName(name), value]);
      // GFD.185 puts `OK` in the body; ooi and rOCCI-server 2 leave it empty.
      const body = content.structure === 'ok' ? 'OK' : behaviour.textOcciBody;
      return { headers, body };
    }
    case 'text/plain':
      // pyssf starts every text/plain rendering with an empty line (not its bare `OK`).
      if (behaviour.leadingBlankLine && content.structure !== 'ok' && rendered.body !== '')
        return { ...rendered, body: `\n${rendered.body}` };
      return rendered;
    case 'text/uri-list':
      // pyssf names the collection in a comment first: `# uri:/compute/`.
      if (behaviour.uriListComment) return { ...rendered, body: `# uri:${context.url.pathname}\n${rendered.body}` };
      return rendered;
    default:
      return rendered;
  }
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
  headers.set('Content-Type', `${context.negotiated.contentType}${context.behaviour.contentTypeParameters}`);
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

/** An answer with nothing to say (a delete): 200 with an empty rendering, 204, or 200 `OK`. */
export function nothingToSay(context: RequestContext, answer: NothingToSay): Response {
  if (answer === 'no-content') return occiResponse(context, 204, NO_CONTENT);
  return occiResponse(context, 200, answer === 'ok' ? { structure: 'ok' } : NO_CONTENT);
}
