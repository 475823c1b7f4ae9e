import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EndpointConfig } from '../../endpoint-config.ts';
import type { Authenticator } from '../authenticator.ts';

/**
 * A real HTTP(S) server on port 0 around an authenticator, standing in for the proxy's router:
 * `/api/session/*` goes to `handleApi`; `/credentials/<endpoint id>` and `/rejected/<endpoint id>`
 * record what `upstreamCredentials` and `credentialsRejected` give for that request (kept on the
 * server side, never sent back, so answers stay free of secrets).
 */

type Probe = Readonly<Record<string, string>> | string | null;

export interface Answer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly setCookie: readonly string[];
}

export interface RequestOptions {
  readonly body?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** A `name=value` pair sent as the Cookie header. */
  readonly cookie?: string;
}

export interface AuthTestServer {
  readonly url: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  /** Sends a JSON body. */
  post(path: string, body: unknown, cookie?: string): Promise<Answer>;
  /** What upstreamCredentials gives for a request with this cookie. */
  credentials(endpointId: string, cookie?: string): Promise<Readonly<Record<string, string>> | null>;
  /** What credentialsRejected gives for a request with this cookie (as after an upstream 401). */
  rejected(endpointId: string, cookie?: string): Promise<string | null>;
  close(): Promise<void>;
}

export async function startAuthTestServer(
  authenticator: Authenticator,
  endpoints: readonly EndpointConfig[],
  tls?: { readonly key: string | Buffer; readonly cert: string | Buffer; readonly ca: string | Buffer },
): Promise<AuthTestServer> {
  let lastProbe: { value: Probe } | undefined;
  const handler = (request: IncomingMessage, response: import('node:http').ServerResponse) => {
    void (async () => {
      try {
        if (await authenticator.handleApi(request, response)) return;
        const probe = /^\/(credentials|rejected)\/([^/?]+)/.exec(request.url ?? '');
        const endpoint = endpoints.find((candidate) => candidate.id === probe?.[2]);
        if (endpoint === undefined) {
          response.writeHead(404).end();
          return;
        }
        lastProbe = {
          value:
            probe?.[1] === 'credentials'
              ? await authenticator.upstreamCredentials(request, endpoint)
              : authenticator.credentialsRejected(request, endpoint),
        };
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`test server: ${String(error)}`);
      }
    })();
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  function request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.cookie !== undefined) headers.Cookie = options.cookie;
      if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
      const target = new URL(path, url);
      const settings = { method, headers, agent: false, ...(tls ? { ca: tls.ca } : {}) };
      const outgoing = tls ? httpsRequest(target, settings) : httpRequest(target, settings);
      outgoing.on('error', reject);
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: response.headers['set-cookie'] ?? [],
          }),
        );
      });
      outgoing.end(options.body);
    });
  }

  async function probe(kind: string, endpointId: string, cookie: string | undefined): Promise<Probe> {
    lastProbe = undefined;
    const answer = await request('GET', `/${kind}/${endpointId}`, cookie !== undefined ? { cookie } : {});
    // Set by the server's handler while the request ran (control flow analysis cannot see that).
    const seen = lastProbe as { value: Probe } | undefined;
    if (answer.status !== 204 || seen === undefined) throw new Error(`probe failed: ${answer.status} ${answer.body}`);
    return seen.value;
  }

  return {
    url,
    request,
    post: (path, body, cookie) =>
      request('POST', path, {
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
        ...(cookie !== undefined ? { cookie } : {}),
      }),
    async credentials(endpointId, cookie) {
      const value = await probe('credentials', endpointId, cookie);
      if (typeof value === 'string') throw new Error('credentials gave a string');
      return value;
    },
    async rejected(endpointId, cookie) {
      const value = await probe('rejected', endpointId, cookie);
      if (typeof value === 'object' && value !== null) throw new Error('rejected gave headers');
      return value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The `name=value` part of a Set-Cookie line, as a browser would send it back. */
export function cookiePair(setCookie: string | undefined): string {
  if (setCookie === undefined) throw new Error('no Set-Cookie');
  return setCookie.split(';', 1)[0] ?? '';
}

/** The attributes of a Set-Cookie line, lower-cased names: `{ path: '/', httponly: '', ... }`. */
export function cookieAttributes(setCookie: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const part of setCookie.split(';').slice(1)) {
    const [name = '', ...value] = part.trim().split('=');
    attributes[name.toLowerCase()] = value.join('=');
  }
  return attributes;
}
