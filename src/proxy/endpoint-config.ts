/**
 * The configuration of the proxy, as validated at start-up (see load-config.ts). Secrets live here
 * and nowhere else: nothing in this file's shape is ever sent to the browser except what
 * `publicEndpoint` keeps.
 */

import type { DemoCloudOptions } from '../demo-cloud/demo-cloud-options.ts';

export type AuthConfig =
  | { readonly mode: 'none' }
  /** A token from the server's own configuration, sent as `X-Auth-Token`. */
  | { readonly mode: 'fixed-token'; readonly token: string }
  /** A token the user pastes into the console; kept in the session, never in page scripts. */
  | { readonly mode: 'user-token' }
  /** HTTP basic: the user's name and password, kept in the session. */
  | { readonly mode: 'basic' }
  /**
   * Keystone password login (v3, or the seed's v2.0 `/v2.0/tokens`): the proxy obtains the token and
   * adds `X-Auth-Token` (and `X-Auth-Project-ID` when `sendProjectId`) to forwarded requests.
   */
  | {
      readonly mode: 'keystone';
      readonly version: 'v3' | 'v2.0';
      /** Keystone's base URL, e.g. `https://keystone.example.org:5000/v3`. */
      readonly url: URL;
      /** Fixed project (tenant) and domain; when absent the login form asks for them. */
      readonly project?: string;
      readonly domain?: string;
      readonly sendProjectId?: boolean;
    };

export type AuthMode = AuthConfig['mode'];

export interface TlsConfig {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Skip certificate checks. Explicit, and shown to the user as a warning. */
  readonly insecure: boolean;
}

export interface EndpointConfig {
  /** `[a-z0-9][a-z0-9-]*`: the console reaches it under `/occi/<id>/`. */
  readonly id: string;
  readonly title: string;
  /** Where forwarded requests go; its path is the prefix of every upstream path. */
  readonly url: URL;
  readonly auth: AuthConfig;
  readonly tls: TlsConfig;
  /** The embedded demo cloud (see `demoOptions`). */
  readonly demo?: boolean;
  /**
   * For a demo endpoint: how its demo cloud is set up. The proxy starts it on an ephemeral loopback
   * port at start-up and forwards to it like to any upstream (one forwarding path for all), so until
   * then `url` is a placeholder (`http://127.0.0.1:0/`); see start-proxy.ts.
   */
  readonly demoOptions?: DemoCloudOptions;
}

/** What `GET /api/endpoints` tells the browser: never a secret. */
export interface PublicEndpoint {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly auth: AuthMode;
  /** For keystone: which fields the login form needs. */
  readonly login?: { readonly version: 'v3' | 'v2.0'; readonly needsProject: boolean; readonly needsDomain: boolean };
  readonly insecureTls: boolean;
  readonly demo: boolean;
}

export function publicEndpoint(endpoint: EndpointConfig): PublicEndpoint {
  const { auth } = endpoint;
  return {
    id: endpoint.id,
    title: endpoint.title,
    url: endpoint.url.href,
    auth: auth.mode,
    ...(auth.mode === 'keystone'
      ? {
          login: {
            version: auth.version,
            needsProject: auth.project === undefined,
            needsDomain: auth.version === 'v3' && auth.domain === undefined,
          },
        }
      : {}),
    insecureTls: endpoint.tls.insecure,
    demo: endpoint.demo === true,
  };
}
