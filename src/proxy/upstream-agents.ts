import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { EndpointConfig } from './endpoint-config.ts';

/**
 * One keep-alive agent per endpoint, with that endpoint's TLS settings: its CA, its client certificate
 * (X.509 sites such as EGI FedCloud), and certificate checks off only when `insecure` says so. Reusing
 * connections keeps the proxy's added latency well under a millisecond on loopback.
 */
export interface UpstreamAgents {
  get(endpointId: string): HttpAgent | undefined;
  destroy(): void;
}

export function createUpstreamAgents(endpoints: readonly EndpointConfig[]): UpstreamAgents {
  const agents = new Map<string, HttpAgent>();
  const common = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' as const };
  for (const endpoint of endpoints) {
    if (endpoint.url.protocol === 'https:') {
      const { tls } = endpoint;
      agents.set(
        endpoint.id,
        new HttpsAgent({
          ...common,
          ...(tls.caFile === undefined ? {} : { ca: readFileSync(tls.caFile) }),
          ...(tls.certFile === undefined ? {} : { cert: readFileSync(tls.certFile) }),
          ...(tls.keyFile === undefined ? {} : { key: readFileSync(tls.keyFile) }),
          rejectUnauthorized: !tls.insecure,
        }),
      );
    } else {
      agents.set(endpoint.id, new HttpAgent(common));
    }
  }
  return {
    get: (endpointId) => agents.get(endpointId),
    destroy: () => {
      for (const agent of agents.values()) agent.destroy();
    },
  };
}
