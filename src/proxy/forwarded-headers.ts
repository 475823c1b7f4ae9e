/**
 * Which header lines cross the proxy, in each direction. Both work on Node's flat raw arrays
 * (`[name, value, name, value, ...]`) and return one, so repeated lines (`Category`, `Link`,
 * `X-OCCI-Attribute`, `Location`) stay separate lines in the order and spelling they came in.
 */

/** Hop-by-hop (RFC 9110 §7.6.1): they describe one connection and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/**
 * Request headers the upstream never sees, besides hop-by-hop ones:
 * - routing: the upstream is chosen by configuration, so the client's `Host` and forwarding claims
 *   are dropped (the proxy sets `Host` to the upstream's own);
 * - credentials: the browser holds none; what it sends (the console's session cookie above all) is
 *   not the cloud's business, and the authenticator adds the real ones;
 * - `Origin`/`Referer`: the console's origin, which an upstream checking them against its own host
 *   would refuse; `Expect`: the proxy already answered it.
 */
const DROPPED_FROM_REQUEST = new Set([
  'host',
  'forwarded',
  'x-real-ip',
  'cookie',
  'cookie2',
  'authorization',
  'x-auth-token',
  'x-auth-project-id',
  'origin',
  'referer',
  'expect',
  'content-length',
]);

/**
 * Response headers the browser never sees, besides hop-by-hop ones: the cloud has no business setting
 * cookies, HSTS, alternative services or site-data clearing on the console's origin; and the proxy sets
 * its own security headers on forwarded answers (see `FORWARDED_RESPONSE_SECURITY_HEADERS`).
 */
const DROPPED_FROM_RESPONSE = new Set([
  'set-cookie',
  'set-cookie2',
  'strict-transport-security',
  'alt-svc',
  'clear-site-data',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  // A cloud must not pass its words off as the proxy's (plain-response.ts).
  'x-console-proxy-answer',
]);

/**
 * Challenges a browser answers with its own password dialog. An upstream's `WWW-Authenticate: Basic`
 * passed as is would pop that dialog over the console, and whatever the user typed would be sent by
 * the browser as `Authorization`, which the proxy drops. Such lines are renamed to
 * `X-Upstream-WWW-Authenticate`, which the console can still read; others (`Keystone uri=...`) pass.
 */
const BROWSER_DIALOG_SCHEMES = new Set(['basic', 'digest', 'ntlm', 'negotiate']);

export const UPSTREAM_CHALLENGE_HEADER = 'X-Upstream-WWW-Authenticate';

/**
 * On every answer that is not the app itself (forwarded answers, the proxy's own JSON and errors): an
 * upstream is another party, and if a user opened one of its answers as a page, a `text/html` body
 * must not run as the console's origin. `sandbox` gives such a page an opaque origin with no scripts;
 * `fetch` from the console is not affected by a response's CSP.
 */
export const FORWARDED_RESPONSE_SECURITY_HEADERS: readonly string[] = [
  'Content-Security-Policy',
  "default-src 'none'; frame-ancestors 'none'; sandbox",
  'X-Content-Type-Options',
  'nosniff',
  'X-Frame-Options',
  'DENY',
  'Referrer-Policy',
  'no-referrer',
];

const NONE: ReadonlySet<string> = new Set();

/** Lower-cased names listed in the `Connection` lines: hop-by-hop for this message too. */
function namedInConnection(raw: readonly string[]): ReadonlySet<string> {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const header = raw[i] as string;
    // The length first: most lines are not `Connection`, and lower-casing every name twice shows.
    if (header.length !== 10 || header.toLowerCase() !== 'connection') continue;
    named ??= new Set();
    for (const token of (raw[i + 1] as string).split(',')) {
      const name = token.trim().toLowerCase();
      // `keep-alive` and `close` are options, not header names; skipping them saves nothing but is exact.
      if (name !== '' && name !== 'keep-alive' && name !== 'close') named.add(name);
    }
  }
  return named ?? NONE;
}

function isHopByHop(lower: string, named: ReadonlySet<string>): boolean {
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || named.has(lower);
}

export interface UpstreamRequestHeaderOptions {
  /** `host[:port]` of the endpoint's URL. */
  readonly host: string;
  /** From the authenticator; added after the client's own credentials are dropped. */
  readonly credentials: Readonly<Record<string, string>>;
  /**
   * How the body is framed upstream: its length when the client sent `Content-Length`, `chunked` when
   * it sent a body of unknown length (Node has already decoded the chunks), none otherwise.
   */
  readonly body: { readonly length: string } | 'chunked' | 'none';
}

export function upstreamRequestHeaders(raw: readonly string[], options: UpstreamRequestHeaderOptions): string[] {
  const named = namedInConnection(raw);
  const out: string[] = ['Host', options.host];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (isHopByHop(lower, named) || DROPPED_FROM_REQUEST.has(lower) || lower.startsWith('x-forwarded-')) continue;
    out.push(name, raw[i + 1] as string);
  }
  if (options.body === 'chunked') out.push('Transfer-Encoding', 'chunked');
  else if (options.body !== 'none') out.push('Content-Length', options.body.length);
  for (const [name, value] of Object.entries(options.credentials)) out.push(name, value);
  return out;
}

export function clientResponseHeaders(raw: readonly string[], status: number): string[] {
  const named = namedInConnection(raw);
  const out: string[] = [...FORWARDED_RESPONSE_SECURITY_HEADERS];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    // `Access-Control-*`: a cloud's CORS grant would let any site read it through the proxy,
    // with the endpoint's credentials added.
    if (isHopByHop(lower, named) || DROPPED_FROM_RESPONSE.has(lower) || lower.startsWith('access-control-')) continue;
    if (status === 401 && lower === 'www-authenticate' && opensBrowserDialog(value)) {
      out.push(UPSTREAM_CHALLENGE_HEADER, value);
      continue;
    }
    out.push(name, value);
  }
  return out;
}

function opensBrowserDialog(challenge: string): boolean {
  // One line may hold several challenges (`Keystone uri="...", Basic realm="x"`): any dialog scheme counts.
  for (const match of challenge.matchAll(/(?:^|,)\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?=\s|,|$)/g)) {
    if (BROWSER_DIALOG_SCHEMES.has((match[1] as string).toLowerCase())) return true;
  }
  return false;
}
