/**
 * Content negotiation and versioning (spec digest §3.7): which rendering a response is in, what
 * to ask for, and which OCCI versions a server speaks.
 */

export type OcciMediaType = 'text/plain' | 'text/occi' | 'text/uri-list' | 'application/occi+json';

export const OCCI_MEDIA_TYPES: readonly OcciMediaType[] = [
  'text/plain',
  'text/occi',
  'text/uri-list',
  'application/occi+json',
];

const RENDERINGS: ReadonlyMap<string, OcciMediaType> = new Map<string, OcciMediaType>([
  ['text/plain', 'text/plain'],
  // OCCI 1.2 names text/plain's body rendering text/occi+plain as well.
  ['text/occi+plain', 'text/plain'],
  ['text/occi', 'text/occi'],
  ['text/uri-list', 'text/uri-list'],
  ['application/occi+json', 'application/occi+json'],
  // rOCCI-server 2 labels its OCCI 1.2 JSON application/json.
  ['application/json', 'application/occi+json'],
]);

/** `type/subtype` of a Content-Type value, lower-cased, parameters dropped. */
function essence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * The OCCI rendering a Content-Type names, or null when it names none (or is missing). A list
 * (`text/plain,text/occi`, as rOCCI-api and rOCCI-cli 4 send) names its first OCCI rendering.
 */
export function renderingOf(contentType: string | null | undefined): OcciMediaType | null {
  if (contentType === null || contentType === undefined) return null;
  const single = RENDERINGS.get(essence(contentType));
  if (single !== undefined || !contentType.includes(',')) return single ?? null;
  for (const part of splitOutside(contentType, ',')) {
    const listed = RENDERINGS.get(essence(part));
    if (listed !== undefined) return listed;
  }
  return null;
}

/**
 * The parameters of a media type (`charset`, `q`, ...), names lower-cased, quoted values
 * unquoted. A malformed parameter is skipped, never thrown on.
 */
export function mediaTypeParameters(contentType: string): ReadonlyMap<string, string> {
  const parameters = new Map<string, string>();
  for (const part of splitOutsideQuotes(contentType).slice(1)) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    let value = part.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    if (name !== '' && !parameters.has(name)) parameters.set(name, value);
  }
  return parameters;
}

/** Splits at `;` that are not inside a quoted string (a quoted parameter may hold one). */
function splitOutsideQuotes(text: string): string[] {
  return splitOutside(text, ';');
}

/** Splits at `separator` where it is not inside a quoted string. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted && ch === '\\') {
      current += ch + (text[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

const OCCI_VERSION = /(?<![\w.-])OCCI\/(\d+\.\d+)(?![\w.])/gi;
const OCCI_PROFILE = /(?<![\w.-])OCCI-([A-Za-z0-9]+)\/(\d+(?:\.\d+)*)(?![\w.])/gi;

/**
 * Every `OCCI/x.y` token in a Server header, in order and without repeats. Profiles such as
 * rOCCI-server 2's `OCCI-CRTP/1.1` are not versions (see `occiProfiles`).
 */
export function occiVersions(serverHeader: string | null | undefined): string[] {
  if (serverHeader === null || serverHeader === undefined) return [];
  const versions: string[] = [];
  for (const match of serverHeader.matchAll(OCCI_VERSION)) {
    const version = match[1];
    if (version !== undefined && !versions.includes(version)) versions.push(version);
  }
  return versions;
}

export interface OcciProfile {
  /** Upper-cased profile name, e.g. `CRTP`. */
  readonly name: string;
  readonly version: string;
}

/** The `OCCI-<profile>/<version>` tokens of a Server header, e.g. rOCCI-server 2's CRTP. */
export function occiProfiles(serverHeader: string | null | undefined): OcciProfile[] {
  if (serverHeader === null || serverHeader === undefined) return [];
  const profiles: OcciProfile[] = [];
  for (const match of serverHeader.matchAll(OCCI_PROFILE)) {
    const [, name, version] = match;
    if (name === undefined || version === undefined) continue;
    const profile = { name: name.toUpperCase(), version };
    if (!profiles.some((p) => p.name === profile.name && p.version === profile.version)) profiles.push(profile);
  }
  return profiles;
}

/** The OCCI versions this console speaks, best first. */
export const SUPPORTED_OCCI_VERSIONS: readonly string[] = ['1.2', '1.1'];

/**
 * The version to claim in User-Agent: the highest one both sides speak. ooi answers 501 when the
 * User-Agent's `OCCI/x.y` is not among its own, so claiming 1.2 to a 1.1-only server is unwise.
 * Null when the server names no version this console speaks.
 */
export function negotiatedOcciVersion(serverVersions: readonly string[]): string | null {
  return SUPPORTED_OCCI_VERSIONS.find((v) => serverVersions.includes(v)) ?? null;
}

/**
 * The Accept header for a request: the preferred rendering first with an implicit q=1, then the
 * fallbacks in the given order with falling q-values. Never a wildcard: rOCCI-server 2 answers
 * `*\/*` with 406, and a 1.1 server would pick text/plain for it anyway.
 */
export function acceptHeader(preferred: OcciMediaType, fallbacks: readonly OcciMediaType[] = []): string {
  const rest = fallbacks.filter((type, i) => type !== preferred && fallbacks.indexOf(type) === i);
  const entries: string[] = [preferred];
  rest.forEach((type, i) => {
    const q = Math.max(1, 9 - i) / 10;
    entries.push(`${type};q=${q.toFixed(1)}`);
  });
  return entries.join(', ');
}

/**
 * A User-Agent value. The spec says it SHOULD contain the OCCI version; the product token comes
 * first so server logs name the console.
 */
export function userAgent(occiVersion = '1.2', product = 'occi-console/0.1.0'): string {
  return `${product} OCCI/${occiVersion}`;
}
