/**
 * An endpoint as the proxy's `GET /api/endpoints` describes it: never a secret. (The proxy's own
 * type lives in src/proxy, which browser code does not import; this is the wire contract.)
 */
export type EndpointAuthMode = 'none' | 'fixed-token' | 'user-token' | 'basic' | 'keystone';

export interface EndpointInfo {
  /** The console reaches it under `/occi/<id>/`. */
  readonly id: string;
  readonly title: string;
  /** The upstream URL; its path is the prefix of every upstream path. */
  readonly url: string;
  readonly auth: EndpointAuthMode;
  /** For keystone: which fields the login form needs. */
  readonly login?: { readonly version: 'v3' | 'v2.0'; readonly needsProject: boolean; readonly needsDomain: boolean };
  readonly insecureTls: boolean;
  readonly demo: boolean;
}

const AUTH_MODES: ReadonlySet<string> = new Set(['none', 'fixed-token', 'user-token', 'basic', 'keystone']);

/** Reads the proxy's answer; an entry that is not an endpoint is left out. */
export function readEndpointList(value: unknown): EndpointInfo[] {
  if (!Array.isArray(value)) throw new TypeError('GET /api/endpoints did not answer with a JSON array');
  const endpoints: EndpointInfo[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    if (typeof entry.id !== 'string' || typeof entry.url !== 'string') continue;
    const auth = typeof entry.auth === 'string' && AUTH_MODES.has(entry.auth) ? entry.auth : 'none';
    const login = entry.login as Record<string, unknown> | undefined;
    endpoints.push({
      id: entry.id,
      title: typeof entry.title === 'string' && entry.title !== '' ? entry.title : entry.id,
      url: entry.url,
      auth: auth as EndpointAuthMode,
      ...(typeof login === 'object' &&
        login !== null && {
          login: {
            version: login.version === 'v2.0' ? 'v2.0' : 'v3',
            needsProject: login.needsProject === true,
            needsDomain: login.needsDomain === true,
          },
        }),
      insecureTls: entry.insecureTls === true,
      demo: entry.demo === true,
    });
  }
  return endpoints;
}
