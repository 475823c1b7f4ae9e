/**
 * The requests the checks send, built one way: explicit Accept (never a wildcard unless the check
 * is about it), bodies rendered by the protocol library, and a purpose for the inspector.
 */
import {
  type OcciMediaType,
  type RenderedMessage,
  renderMessage,
  type Structure,
  type StructureModels,
} from '../../../occi/index.ts';
import type { ProbeRequest } from './conformance-types.ts';

export const TEXT: OcciMediaType = 'text/plain';

function purpose(words: string): string {
  return `Conformance: ${words}`;
}

export function getRequest(
  path: string,
  accept: string,
  words: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): ProbeRequest {
  return { method: 'GET', path, headers: { Accept: accept, ...extraHeaders }, purpose: purpose(words) };
}

/** Header fields of a text/occi rendering, one value per name (what fetch can send). */
function joinedHeaders(rendered: RenderedMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of rendered.headers) {
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

/** A request with a body in `rendering` (text/plain by default, as pOCCI sends). */
export function bodyRequest<S extends Structure>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  structure: S,
  model: StructureModels[S],
  words: string,
  rendering: OcciMediaType = TEXT,
): ProbeRequest {
  const rendered = renderMessage(structure, model, rendering);
  const headers: Record<string, string> = {
    Accept: rendering === 'text/occi' ? 'text/occi' : TEXT,
    'Content-Type': rendered.contentType,
    ...joinedHeaders(rendered),
  };
  const hasBody = rendered.body !== '' && rendering !== 'text/occi';
  return { method, path, headers, ...(hasBody && { body: rendered.body }), purpose: purpose(words) };
}

export function deleteRequest(path: string, words: string): ProbeRequest {
  return { method: 'DELETE', path, headers: { Accept: TEXT }, purpose: purpose(words) };
}

/** `term; scheme="..."; class="..."`: the short Category rendering pOCCI filters with. */
export function categoryFilter(term: string, scheme: string, categoryClass: string): string {
  return `${term}; scheme="${scheme}"; class="${categoryClass}"`;
}

/** A `?action=term` URL from an entity's (or collection's) URL. */
export function actionPath(location: string, term: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}action=${encodeURIComponent(term)}`;
}

/** A random id for a client-chosen occi.core.id or a user mixin: a version 4 UUID. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues !== undefined) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
