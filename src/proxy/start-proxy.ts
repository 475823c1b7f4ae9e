import type { AddressInfo } from 'node:net';
import { createDemoCloud } from '../demo-cloud/create-demo-cloud.ts';
import { serveDemoCloud } from '../demo-cloud/node/serve-demo-cloud.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { createAuthenticator } from './auth/create-authenticator.ts';
import { createProxyServer } from './create-proxy-server.ts';
import type { EndpointConfig } from './endpoint-config.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { createAppServer } from './serve-app.ts';

export interface RunningProxy {
  /** `http://host:port`, as printed at start. */
  readonly url: string;
  /** The configuration in force: demo endpoints carry their real loopback URL. */
  readonly config: ProxyConfig;
  /** Stops taking requests, lets those in flight finish for a moment, stops the demo clouds. */
  close(): Promise<void>;
}

export interface StartProxyOptions {
  readonly log: (line: string) => void;
  /** Tests may bring their own; by default the credentials layer of src/proxy/auth. */
  readonly authenticator?: Authenticator;
}

const CLOSE_GRACE_MS = 2_000;

/**
 * Starts everything `npm start` serves: each demo endpoint's demo cloud on an ephemeral loopback port
 * (forwarded to like any other upstream, so one forwarding path serves all), the authenticator, and the
 * proxy listening on `config.host:config.port`.
 */
export async function startProxy(config: ProxyConfig, options: StartProxyOptions): Promise<RunningProxy> {
  const demoClouds: { close(): Promise<void> }[] = [];
  const endpoints: EndpointConfig[] = [];
  try {
    for (const endpoint of config.endpoints) {
      if (endpoint.demo !== true) {
        endpoints.push(endpoint);
        continue;
      }
      const served = await serveDemoCloud(createDemoCloud(endpoint.demoOptions ?? {}), { port: 0, host: '127.0.0.1' });
      demoClouds.push(served);
      endpoints.push({ ...endpoint, url: new URL(`${served.url}/`) });
    }
  } catch (error) {
    await Promise.all(demoClouds.map((cloud) => cloud.close()));
    throw error;
  }
  const running: ProxyConfig = { ...config, endpoints };

  const authenticator =
    options.authenticator ??
    createAuthenticator({
      secret: config.sessionSecret,
      endpoints,
      // Secure cookies when the public origin is https (a TLS-terminating balancer in front); else
      // whenever the request itself came over TLS.
      secureCookies: config.publicOrigin?.startsWith('https:') === true ? true : 'auto',
      log: options.log,
    });
  const app = createAppServer(config.appDir);
  const server = createProxyServer(running, { authenticator, log: options.log, app });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all(demoClouds.map((cloud) => cloud.close()));
    throw error;
  }
  server.on('error', (error) => options.log(`proxy server error: ${error.message}`));
  // Compress the build in the background, so the first visitor does not wait for brotli.
  app.warm().catch((error: unknown) => options.log(`could not pre-compress the app: ${String(error)}`));

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    config: running,
    close: async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      await Promise.all(demoClouds.map((cloud) => cloud.close()));
    },
  };
}
