/**
 * Reading an answer: its headers (names in any case), its rendering, its model (parsed by the
 * protocol library, which accepts every deviation), the server's own words on an error, and the
 * location a create gave.
 */
import {
  isOcciMediaTypeError,
  isOcciParseError,
  jsonErrorReportMessage,
  type OcciMediaType,
  parseMessage,
  renderingOf,
  type Structure,
  type StructureModels,
} from '../../../occi/index.ts';
import type { ProbeResponse } from './conformance-types.ts';

/** The value of a header (repeated lines joined with ", "), or undefined. */
export function header(response: ProbeResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values = response.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
  return values.length === 0 ? undefined : values.join(', ');
}

export function hasHeader(response: ProbeResponse, name: string): boolean {
  return header(response, name) !== undefined;
}

export function contentTypeOf(response: ProbeResponse): string | undefined {
  return header(response, 'content-type');
}

/** The OCCI rendering the answer says it is in, or null. */
export function renderingOfAnswer(response: ProbeResponse): OcciMediaType | null {
  return renderingOf(contentTypeOf(response));
}

/** `type/subtype` of the Content-Type, lower-cased, or "no Content-Type". */
export function mediaTypeOf(response: ProbeResponse): string {
  const contentType = contentTypeOf(response);
  if (contentType === undefined || contentType.trim() === '') return 'no Content-Type';
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export type Parsed<S extends Structure> =
  | { readonly ok: true; readonly model: StructureModels[S] }
  | { readonly ok: false; readonly error: string };

/** The answer read as `structure`, or why it cannot be. Never throws. */
export function parseAnswer<S extends Structure>(structure: S, response: ProbeResponse): Parsed<S> {
  try {
    const model = parseMessage(structure, {
      contentType: contentTypeOf(response) ?? null,
      headers: response.headers,
      body: response.body,
    });
    return { ok: true, model };
  } catch (error) {
    if (isOcciParseError(error)) return { ok: false, error: `it does not parse: ${error.message}` };
    if (isOcciMediaTypeError(error)) return { ok: false, error: `its Content-Type ${error.message}` };
    return { ok: false, error: `it cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function collapse(text: string, max = 200): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

/** The server's own words: X-OCCI-Error, a JSON error report, an HTML title, or the body. */
export function serverWords(response: ProbeResponse): string | undefined {
  const own = header(response, 'x-occi-error');
  if (own !== undefined && own.trim() !== '') return collapse(own);
  const json = jsonErrorReportMessage(response.body);
  if (json !== undefined) return collapse(json);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(response.body)?.[1];
  if (title !== undefined && title.trim() !== '') return `an HTML page titled "${collapse(title, 80)}"`;
  return response.body.trim() === '' ? undefined : collapse(response.body);
}

/**
 * "409 (occi.core.id is required)": the status and, for an error, the server's words (a success's
 * body is a rendering, not words).
 */
export function describeAnswer(response: ProbeResponse): string {
  const words = response.status >= 300 ? serverWords(response) : undefined;
  return words === undefined ? `${response.status}` : `${response.status} (${words})`;
}

/** Where a create said the new entity is, and in which part of the answer. */
export interface CreatedLocation {
  readonly location: string;
  readonly where: 'Location' | 'X-OCCI-Location' | 'body';
}

/** `Location`, then `X-OCCI-Location`, then a location list in the body (text/plain, uri-list). */
export function createdLocationOf(response: ProbeResponse): CreatedLocation | undefined {
  const location = header(response, 'location')?.split(',')[0]?.trim();
  if (location !== undefined && location !== '') return { location, where: 'Location' };
  const xLocation = header(response, 'x-occi-location')?.split(',')[0]?.trim();
  if (xLocation !== undefined && xLocation !== '') return { location: xLocation, where: 'X-OCCI-Location' };
  const rendering = renderingOfAnswer(response);
  if (rendering === null || rendering === 'application/occi+json') return undefined;
  const parsed = parseAnswer('location-list', response);
  const first = parsed.ok ? parsed.model.locations[0] : undefined;
  return first === undefined ? undefined : { location: first, where: 'body' };
}

/**
 * A URL reduced for comparison: scheme and host dropped (ooi and pyssf write absolute URLs, rOCCI
 * paths), query and fragment and trailing slashes dropped.
 */
export function locationKey(location: string): string {
  let path = location.trim().replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '');
  path = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * Whether two of the server's URLs name the same thing, however written: equal once reduced, or
 * one the other with the endpoint's path in front (a server that leaves its own prefix out).
 */
export function sameLocation(a: string, b: string): boolean {
  const x = locationKey(a);
  const y = locationKey(b);
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/** The last path segment of a location: what a user would call its id. */
export function lastSegment(location: string): string {
  const key = locationKey(location);
  return key.slice(key.lastIndexOf('/') + 1);
}
