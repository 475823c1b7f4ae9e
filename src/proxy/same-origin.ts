import type { IncomingHttpHeaders } from 'node:http';

/**
 * Two checks that keep other web pages from using the proxy with the user's session (or with the
 * server's fixed token, which needs no session at all).
 *
 * The proxy's own origin. With `OCCI_PUBLIC_ORIGIN` set, that origin (or a loopback origin equal to the
 * request's Host, for someone on the machine itself). Without it, the
 * origin the browser used to reach this request: the `Host` header with either scheme. The proxy itself
 * speaks plain HTTP, but behind a TLS-terminating balancer the browser's origin is `https://` + the same
 * host, so both schemes are accepted; the host and port are what an attacker's page cannot fake, since
 * its own requests carry its own origin.
 *
 * `Host` itself is checked first (DNS rebinding: a page on `evil.example` whose name is made to resolve
 * to 127.0.0.1 reaches the proxy same-origin, with `Host: evil.example`). Loopback names are always
 * accepted (no page can make a browser send them for a foreign site); other names only when they are
 * `OCCI_PUBLIC_ORIGIN`'s host, or when the proxy listens beyond loopback with no public origin set (it
 * cannot know its names then; the README tells operators to set `OCCI_PUBLIC_ORIGIN`).
 */
export interface OriginPolicy {
  readonly publicOrigin?: string;
  /** The address the proxy listens on (`HOST`). */
  readonly listenHost: string;
}

const LOOPBACK_HOSTNAMES = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTNAMES.test(host) || host === '::1';
}

/** `name[:port]` or `[v6]:port` → the lower-cased name (with brackets for IPv6), or undefined. */
const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::\d{0,5})?$/;

function hostnameOf(hostHeader: string): string | undefined {
  return HOST_HEADER.exec(hostHeader)?.[1]?.toLowerCase();
}

/** Whether a request with this `Host` may be answered at all. */
export function isAllowedHost(hostHeader: string | undefined, policy: OriginPolicy): boolean {
  if (hostHeader === undefined) return false;
  const hostname = hostnameOf(hostHeader);
  if (hostname === undefined) return false;
  if (isLoopbackHost(hostname)) return true;
  if (policy.publicOrigin !== undefined) return new URL(policy.publicOrigin).hostname === hostname;
  return !isLoopbackHost(policy.listenHost);
}

/** Methods that cannot change state (RFC 9110 §9.2.1): never refused for their origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request must be refused as cross-origin, or `null`. Only state-changing methods are checked.
 * Browsers send `Origin` on every such `fetch`; `Sec-Fetch-Site` and `Referer` are consulted too when
 * present. A request with none of them is not from a browser page (curl, scripts) and is allowed: it
 * carries no one's ambient cookie unless its author put it there.
 */
export function crossOriginRefusal(method: string, headers: IncomingHttpHeaders, policy: OriginPolicy): string | null {
  if (SAFE_METHODS.has(method)) return null;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `Sec-Fetch-Site is ${fetchSite}`;
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    return isOwnOrigin(origin, headers.host, policy) ? null : 'the Origin is another site';
  }
  const referer = headers.referer;
  if (referer !== undefined) {
    let refererOrigin: string;
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      return 'the Referer is not a URL';
    }
    return isOwnOrigin(refererOrigin, headers.host, policy) ? null : 'the Referer is another site';
  }
  return null;
}

function isOwnOrigin(origin: string, hostHeader: string | undefined, policy: OriginPolicy): boolean {
  if (origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (policy.publicOrigin !== undefined) {
    if (parsed.origin === policy.publicOrigin) return true;
    // Declared: no other origin on that name (an http:// page beside the https:// console) counts.
    // Reaching the proxy on loopback (on the host itself, or through a tunnel) still works.
    if (!isLoopbackHost(parsed.hostname)) return false;
  }
  if (hostHeader === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  try {
    // Same scheme as the Origin, the request's Host: default ports compare equal (`:443` and none).
    return new URL(`${parsed.protocol}//${hostHeader}`).origin === parsed.origin;
  } catch {
    return false;
  }
}
