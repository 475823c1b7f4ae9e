import type { AuthConfig } from '../endpoint-config.ts';

/**
 * OCCI servers behind Keystone say where to log in when they answer 401:
 *
 *     WWW-Authenticate: Keystone uri='https://keystone.example:5000/v2.0'   (rOCCI-server 1.x and 2.x)
 *     WWW-Authenticate: Keystone uri="https://keystone.example:5000/v3"     (keystonemiddleware, ooi)
 *
 * The proxy never logs in at a URL learnt this way (that would let any upstream, or any browser,
 * aim the proxy and the user's password at a host of its choice). It only uses the challenge to
 * decide whether the login it is configured for is the one the server asks for.
 *
 * Pure: no Node API, so the helpers can move to the protocol library if the console wants them.
 */

// A challenge list may hold several (`Basic realm="x", Keystone uri="..."`); the scheme is
// case-insensitive (RFC 9110 §11.1) and the value quoted either way, or as a bare token.
const CHALLENGE = /(?:^|[\s,])keystone\s+uri\s*=\s*(?:'([^']*)'|"([^"]*)"|([^\s,'"]+))/i;

/** The Keystone URL of a `WWW-Authenticate` value, or null when there is none or it is not an http(s) URL. */
export function parseKeystoneChallenge(wwwAuthenticate: string): URL | null {
  const match = CHALLENGE.exec(wwwAuthenticate);
  if (match === null) return null;
  const raw = (match[1] ?? match[2] ?? match[3] ?? '').trim();
  if (raw === '' || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/**
 * True when the endpoint is configured for Keystone and the challenge names that same Keystone: the
 * same origin, and a path under the configured URL's path less its version segment (so a server
 * that says `/v2.0` matches a proxy configured for `/v3` on the same Keystone, and
 * `https://host/identity/v3` covers `https://host/identity/v2.0` but not `https://host/other/`).
 */
export function keystoneAllowed(endpoint: { readonly auth: AuthConfig }, challengeUrl: URL | string): boolean {
  const { auth } = endpoint;
  if (auth.mode !== 'keystone') return false;
  let challenge: URL;
  try {
    challenge = typeof challengeUrl === 'string' ? new URL(challengeUrl) : challengeUrl;
  } catch {
    return false;
  }
  if (challenge.origin !== auth.url.origin || challenge.origin === 'null') return false;
  const base = serviceBasePath(auth.url.pathname);
  const path = stripTrailingSlashes(challenge.pathname);
  return base === '' || path === base || path.startsWith(`${base}/`);
}

/** `/identity/v3/` -> `/identity`; `/v2.0` -> ``; `/` -> ``. */
function serviceBasePath(pathname: string): string {
  return stripTrailingSlashes(pathname).replace(/\/v\d+(?:\.\d+)?$/i, '');
}

function stripTrailingSlashes(pathname: string): string {
  return pathname.replace(/\/+$/, '');
}
