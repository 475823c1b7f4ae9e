/**
 * Reads `/occi/<id>/<rest>` off a request path. The rest is appended to the endpoint's own URL, so the
 * one thing that matters is that nothing in it can climb out of that URL or name another host: it is
 * refused (never "cleaned") when it holds anything a server, a library or a second decoding could read
 * as a path or authority separator.
 */

export const OCCI_PREFIX = '/occi/';

export type OcciTarget =
  | { readonly ok: true; readonly endpointId: string; readonly rest: string }
  | { readonly ok: false; readonly reason: string };

/** Percent-encoded bytes that would mean something other than data to the upstream, or to a second decoding. */
const FORBIDDEN_ENCODED = new Map<number, string>([
  [0x2e, 'an encoded dot (%2e)'],
  [0x2f, 'an encoded slash (%2f)'],
  [0x5c, 'an encoded backslash (%5c)'],
  [0x25, 'a double encoding (%25)'],
  [0x40, 'an encoded @ (%40)'],
  [0x3f, 'an encoded ? (%3f)'],
  [0x23, 'an encoded # (%23)'],
]);

/**
 * `path` is the request path without its query string and starts with `/occi/`. `rest` keeps its
 * percent-encoding as the client sent it (it is forwarded as is, never decoded and re-encoded).
 */
export function parseOcciTarget(path: string): OcciTarget {
  const after = path.slice(OCCI_PREFIX.length);

  for (let i = 0; i < after.length; i++) {
    const code = after.charCodeAt(i);
    // Printable ASCII only: no control characters, no spaces, nothing a library might normalise.
    if (code < 0x21 || code > 0x7e) return { ok: false, reason: 'a control, space or non-ASCII character' };
    if (code === 0x5c) return { ok: false, reason: 'a backslash' };
    if (code === 0x40) return { ok: false, reason: 'an @ (user information)' };
    if (code === 0x23) return { ok: false, reason: 'a fragment (#)' };
    if (code === 0x25) {
      const hex = after.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return { ok: false, reason: 'a malformed percent-encoding' };
      const byte = Number.parseInt(hex, 16);
      if (byte < 0x20 || byte === 0x7f) return { ok: false, reason: 'an encoded control character' };
      const forbidden = FORBIDDEN_ENCODED.get(byte);
      if (forbidden !== undefined) return { ok: false, reason: forbidden };
      i += 2;
    }
  }

  const slash = after.indexOf('/');
  const endpointId = slash === -1 ? after : after.slice(0, slash);
  const rest = slash === -1 ? '' : after.slice(slash + 1);
  if (endpointId === '.' || endpointId === '..') return { ok: false, reason: 'a dot segment (. or ..)' };
  const segments = rest.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === '.' || segment === '..') return { ok: false, reason: 'a dot segment (. or ..)' };
    // An empty segment anywhere but at the end: `//` could read as a host (`//evil.example/`).
    if (segment === '' && i < segments.length - 1) return { ok: false, reason: 'an empty path segment (//)' };
  }
  return { ok: true, endpointId, rest };
}

/**
 * The upstream request path: the endpoint's own path (always ending in `/`), the checked rest, and the
 * query string exactly as the client sent it (a query cannot change the host).
 */
export function upstreamPath(endpointPath: string, rest: string, query: string): string {
  return `${endpointPath}${rest}${query === '' ? '' : `?${query}`}`;
}
