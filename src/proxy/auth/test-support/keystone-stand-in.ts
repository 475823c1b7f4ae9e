import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A small Keystone for tests: password logins over v3 (`POST /v3/auth/tokens`) and v2.0
 * (`POST /v2.0/tokens`), answered in the shapes real Keystone uses (201 + X-Subject-Token and
 * `token.expires_at` for v3, 200 + `access.token` for v2.0, 401 with Keystone's error body for bad
 * credentials). Nothing else of Keystone: no catalog worth the name, no token validation.
 */

export interface StandInUser {
  readonly name: string;
  readonly password: string;
  /** The project (tenant) the user may scope to, by name... */
  readonly project: string;
  /** ...and by id. */
  readonly projectId: string;
  /** Domain name of user and project (v3); `Default` (id `default`) when absent. */
  readonly domain?: string;
}

export interface KeystoneStandInOptions {
  readonly users: readonly StandInUser[];
  /** Token lifetime; 3600 s. */
  readonly tokenTtlSeconds?: number;
  /** Serve https with this key and certificate instead of http. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
}

export interface KeystoneStandIn {
  /** Base URL without a version, e.g. `http://127.0.0.1:PORT`: v3 is `${url}/v3`, v2.0 `${url}/v2.0`. */
  readonly url: string;
  close(): Promise<void>;
  /** Every token handed out, oldest first. */
  issuedTokens(): string[];
  /** Every request received, as `METHOD /path?query`. */
  requests(): string[];
}

export async function startKeystoneStandIn(options: KeystoneStandInOptions): Promise<KeystoneStandIn> {
  const ttlMs = (options.tokenTtlSeconds ?? 3600) * 1000;
  const issued: string[] = [];
  const seen: string[] = [];

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?', 1)[0];
      if (request.method !== 'POST' || (path !== '/v3/auth/tokens' && path !== '/v2.0/tokens')) {
        error(response, 404, 'Not Found', 'The resource could not be found.');
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        error(response, 400, 'Bad Request', 'Expecting to find application/json in request body.');
        return;
      }
      if (path === '/v3/auth/tokens') v3(body, response);
      else v2(body, response);
    });
  };

  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  function error(response: ServerResponse, code: number, title: string, message: string): void {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    // keystonemiddleware's challenge; here the stand-in names itself.
    if (code === 401) headers['WWW-Authenticate'] = `Keystone uri="${url}/v3"`;
    response.writeHead(code, headers);
    response.end(JSON.stringify({ error: { code, title, message } }));
  }

  function newToken(): string {
    // Fernet tokens look like this: `gAAAAA` and about 180 base64url characters.
    const token = `gAAAAA${randomBytes(135).toString('base64url')}`;
    issued.push(token);
    return token;
  }

  function times() {
    const issuedAt = new Date();
    return { issuedAt: issuedAt.toISOString(), expiresAt: new Date(issuedAt.getTime() + ttlMs).toISOString() };
  }

  function v3(body: unknown, response: ServerResponse): void {
    const auth = at(body, 'auth');
    const identity = at(auth, 'identity');
    const methods = at(identity, 'methods');
    const userRef = at(at(identity, 'password'), 'user');
    if (!Array.isArray(methods) || !methods.includes('password') || userRef === undefined) {
      error(response, 400, 'Bad Request', 'Expecting to find identity in auth.');
      return;
    }
    const user = options.users.find(
      (candidate) =>
        (at(userRef, 'name') === candidate.name && domainMatches(at(userRef, 'domain'), candidate)) ||
        at(userRef, 'id') === userId(candidate),
    );
    if (user === undefined || at(userRef, 'password') !== user.password) {
      error(response, 401, 'Unauthorized', 'The request you have made requires authentication.');
      return;
    }
    const projectRef = at(at(auth, 'scope'), 'project');
    const scoped =
      projectRef !== undefined &&
      ((at(projectRef, 'name') === user.project && domainMatches(at(projectRef, 'domain'), user)) ||
        at(projectRef, 'id') === user.projectId);
    if (projectRef !== undefined && !scoped) {
      error(response, 401, 'Unauthorized', 'The request you have made requires authentication.');
      return;
    }
    const domain = domainOf(user);
    const { issuedAt, expiresAt } = times();
    const token = newToken();
    response.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': token, Vary: 'X-Auth-Token' });
    response.end(
      JSON.stringify({
        token: {
          methods: ['password'],
          user: { domain, id: userId(user), name: user.name, password_expires_at: null },
          audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
          expires_at: expiresAt.replace('Z', '000Z'),
          issued_at: issuedAt.replace('Z', '000Z'),
          ...(scoped
            ? {
                project: { domain, id: user.projectId, name: user.project },
                is_domain: false,
                roles: [{ id: 'b0a5c6a8e5d34fb1a4d1b54e9d2b5f3c', name: 'member' }],
              }
            : {}),
        },
      }),
    );
  }

  function v2(body: unknown, response: ServerResponse): void {
    const auth = at(body, 'auth');
    const credentials = at(auth, 'passwordCredentials');
    if (credentials === undefined) {
      error(response, 400, 'Bad Request', 'Expecting to find passwordCredentials in auth.');
      return;
    }
    const user = options.users.find((candidate) => candidate.name === at(credentials, 'username'));
    if (user === undefined || at(credentials, 'password') !== user.password) {
      error(response, 401, 'Unauthorized', 'The request you have made requires authentication.');
      return;
    }
    const tenantName = at(auth, 'tenantName');
    const tenantId = at(auth, 'tenantId');
    const asked = tenantName !== undefined || tenantId !== undefined;
    const scoped = tenantName === user.project || tenantId === user.projectId;
    if (asked && !scoped) {
      error(response, 401, 'Unauthorized', 'The request you have made requires authentication.');
      return;
    }
    const { issuedAt, expiresAt } = times();
    response.writeHead(200, { 'Content-Type': 'application/json', Vary: 'X-Auth-Token' });
    response.end(
      JSON.stringify({
        access: {
          token: {
            issued_at: issuedAt.replace('Z', '000'),
            expires: expiresAt.replace(/\.\d+Z$/, 'Z'),
            id: newToken(),
            ...(scoped ? { tenant: { description: null, enabled: true, id: user.projectId, name: user.project } } : {}),
            audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
          },
          serviceCatalog: [],
          user: {
            username: user.name,
            roles_links: [],
            id: userId(user),
            roles: scoped ? [{ name: 'member' }] : [],
            name: user.name,
          },
          metadata: { is_admin: 0, roles: [] },
        },
      }),
    );
  }

  return {
    url,
    issuedTokens: () => [...issued],
    requests: () => [...seen],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function at(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function domainOf(user: StandInUser): { id: string; name: string } {
  const name = user.domain ?? 'Default';
  return { id: name === 'Default' ? 'default' : `${name.toLowerCase()}-id`, name };
}

function domainMatches(reference: unknown, user: StandInUser): boolean {
  const domain = domainOf(user);
  return at(reference, 'name') === domain.name || at(reference, 'id') === domain.id;
}

function userId(user: StandInUser): string {
  return `u-${Buffer.from(user.name).toString('hex')}`;
}

/** A project id shaped like Keystone's (32 hex digits). */
export function newProjectId(): string {
  return randomUUID().replaceAll('-', '');
}
