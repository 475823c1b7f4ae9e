import type { EndpointConfig } from './endpoint-config.ts';

/** Limits on what one request may cost the proxy; every one configurable (see load-config.ts). */
export interface ProxyLimits {
  /** Request body, counted as it streams (413 beyond). `OCCI_MAX_BODY_BYTES`, default 10 MiB. */
  readonly maxBodyBytes: number;
  /** The client's request line and headers (431 beyond). `OCCI_MAX_HEADER_BYTES`, default 16 KiB. */
  readonly maxHeaderBytes: number;
  /**
   * The upstream's status line and headers (502 beyond). text/occi puts whole collections and query
   * interfaces in header lines, so this is larger: `OCCI_MAX_UPSTREAM_HEADER_BYTES`, default 256 KiB
   * (what Chromium accepts in a response).
   */
  readonly maxUpstreamHeaderBytes: number;
  /** TCP (and TLS) connection to the upstream. Default 5 s. */
  readonly connectTimeoutMs: number;
  /** From the end of the request body to the upstream's status line. Default 30 s. */
  readonly firstByteTimeoutMs: number;
  /** From the start of forwarding to the last byte of the answer. Default 120 s. */
  readonly totalTimeoutMs: number;
}

/** The whole configuration of the proxy, as `loadConfig` validated it. Holds secrets: never sent anywhere. */
export interface ProxyConfig {
  readonly endpoints: readonly EndpointConfig[];
  readonly port: number;
  readonly host: string;
  /** Key material for the session cookie (32 bytes or more). */
  readonly sessionSecret: Buffer;
  /** True when `SESSION_SECRET` was absent and a random one was made at start. */
  readonly sessionSecretGenerated: boolean;
  readonly limits: ProxyLimits;
  /** The built console (`dist/` next to package.json unless `OCCI_APP_DIR`). */
  readonly appDir: string;
  /**
   * `OCCI_PUBLIC_ORIGIN`, e.g. `https://console.example.org`: the one origin browsers use to reach the
   * console. When set, it is the only origin state-changing requests may come from and its host the
   * only `Host` accepted. When absent, see same-origin.ts.
   */
  readonly publicOrigin?: string;
}

export const DEFAULT_LIMITS: ProxyLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxUpstreamHeaderBytes: 256 * 1024,
  connectTimeoutMs: 5_000,
  firstByteTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
};
