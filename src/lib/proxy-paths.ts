/**
 * The server's own URLs and the console's proxy paths. A server names its entities by absolute
 * URL (ooi, pyssf: `http://host:8787/occi1.2/compute/x`) or by path (rOCCI, the demo cloud:
 * `/compute/x`); the browser reaches them at `/occi/<endpoint>/compute/x`, and the proxy puts
 * the endpoint URL's path back in front.
 */

export const OCCI_PROXY_PREFIX = '/occi/';

/** The endpoint URL's path, always ending in `/`. */
function basePath(endpointUrl: string): string {
  const path = new URL(endpointUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * The path relative to the endpoint (`compute/x`, `-/`), from a server URL (absolute, or a path
 * from the server's root) or a path already relative to the endpoint. Null for a URL on another
 * server, which the proxy cannot reach.
 */
export function endpointRelativePath(serverUrl: string, endpointUrl: string | undefined): string | null {
  const trimmed = serverUrl.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) {
    if (endpointUrl === undefined) return null;
    const url = new URL(trimmed);
    const base = new URL(endpointUrl);
    if (url.origin !== base.origin && !sameLoopback(url, base)) return null;
    return stripBase(url.pathname + url.search, basePath(endpointUrl));
  }
  if (trimmed.startsWith('/')) {
    // A path from the server's root: it carries the endpoint's path when the endpoint has one.
    return endpointUrl === undefined ? trimmed.slice(1) : stripBase(trimmed, basePath(endpointUrl));
  }
  return trimmed;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Two names of this machine on the same scheme and port: a server configured at 127.0.0.1 that
 * names itself `localhost` (rOCCI-server builds its URLs from ROCCI_SERVER_HOSTNAME) is the same
 * server. Any other host is another server.
 */
function sameLoopback(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.port === b.port && LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname);
}

function stripBase(path: string, base: string): string {
  if (path.startsWith(base)) return path.slice(base.length);
  // A server that leaves its own prefix out of its locations (rOCCI behind a path).
  return path.startsWith('/') ? path.slice(1) : path;
}

/** `/occi/<endpoint>/<relative path>`. */
export function proxyPath(endpointId: string, relativePath: string): string {
  return `${OCCI_PROXY_PREFIX}${encodeURIComponent(endpointId)}/${relativePath.replace(/^\/+/, '')}`;
}

/** The server's own absolute URL for a proxy path or endpoint-relative path: what curl would use. */
export function serverUrl(endpointId: string, path: string, endpointUrl: string): string {
  const prefix = proxyPath(endpointId, '');
  const relative = path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\/+/, '');
  return new URL(relative, new URL(basePath(endpointUrl), endpointUrl)).href;
}
