/**
 * Real servers on port 0 for the proxy's tests: throwaway upstreams written with node:http, the proxy
 * itself, and a client that shows header lines as they were sent (no fetch, no mocks).
 */
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { Authenticator } from '../auth/authenticator.ts';
import { createProxyServer } from '../create-proxy-server.ts';
import type { AuthConfig, EndpointConfig } from '../endpoint-config.ts';
import { DEFAULT_LIMITS, type ProxyConfig, type ProxyLimits } from '../proxy-config.ts';

export interface Running {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export function listen(server: Server): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export function startUpstream(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  return listen(createServer(handler));
}

export function testEndpoint(id: string, url: string, auth: AuthConfig = { mode: 'none' }): EndpointConfig {
  return { id, title: `Test ${id}`, url: new URL(url), auth, tls: { insecure: false } };
}

export function testConfig(
  endpoints: readonly EndpointConfig[],
  overrides: { limits?: Partial<ProxyLimits>; appDir?: string; publicOrigin?: string; host?: string } = {},
): ProxyConfig {
  return {
    endpoints,
    port: 0,
    host: overrides.host ?? '127.0.0.1',
    sessionSecret: randomBytes(32),
    sessionSecretGenerated: true,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    appDir: overrides.appDir ?? '/nonexistent-occi-console-dist',
    ...(overrides.publicOrigin === undefined ? {} : { publicOrigin: overrides.publicOrigin }),
  };
}

export interface FakeAuthenticator extends Authenticator {
  readonly rejected: string[];
}

/** Credentials per endpoint id (`null`: log in first); the fixed token of fixed-token endpoints otherwise. */
export function fakeAuthenticator(credentials: Record<string, Record<string, string> | null> = {}): FakeAuthenticator {
  const rejected: string[] = [];
  return {
    rejected,
    handleApi: async () => false,
    upstreamCredentials: async (_req, endpoint) => {
      if (endpoint.id in credentials) return credentials[endpoint.id] ?? null;
      return endpoint.auth.mode === 'fixed-token' ? { 'X-Auth-Token': endpoint.auth.token } : {};
    },
    credentialsRejected: (_req, endpoint) => {
      rejected.push(endpoint.id);
      return 'occi_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict';
    },
  };
}

export interface TestProxy extends Running {
  readonly logs: string[];
}

export async function startTestProxy(
  config: ProxyConfig,
  authenticator: Authenticator = fakeAuthenticator(),
): Promise<TestProxy> {
  const logs: string[] = [];
  const running = await listen(createProxyServer(config, { authenticator, log: (line) => logs.push(line) }));
  return { ...running, logs };
}

export interface RawResponse {
  readonly status: number;
  /** Flat, as received: `[name, value, name, value, ...]`. */
  readonly rawHeaders: string[];
  readonly body: Buffer;
  readonly text: string;
  header(name: string): string[];
}

/** One request with http.request (a fresh connection), header lines given as a flat raw array. */
export function send(
  port: number,
  method: string,
  path: string,
  headers: string[] | OutgoingHttpHeaders = [],
  body?: Buffer | string,
): Promise<RawResponse> {
  // With an array, Node sends exactly these lines: no Host unless given.
  if (Array.isArray(headers) && !headers.some((name, i) => i % 2 === 0 && name.toLowerCase() === 'host')) {
    headers = ['Host', `127.0.0.1:${port}`, ...headers];
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(toRawResponse(res.statusCode ?? 0, res.rawHeaders, Buffer.concat(chunks))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function toRawResponse(status: number, rawHeaders: string[], body: Buffer): RawResponse {
  return {
    status,
    rawHeaders,
    body,
    text: body.toString('utf8'),
    header: (name) => {
      const values: string[] = [];
      for (let i = 0; i < rawHeaders.length; i += 2) {
        if ((rawHeaders[i] as string).toLowerCase() === name.toLowerCase()) values.push(rawHeaders[i + 1] as string);
      }
      return values;
    },
  };
}

/** Bytes written as they are on a fresh socket; resolves with everything received until the server closes. */
export function sendRaw(port: number, bytes: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') return;
      reject(error);
    });
    socket.write(bytes);
  });
}

/** The status code of a raw HTTP answer. */
export function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
