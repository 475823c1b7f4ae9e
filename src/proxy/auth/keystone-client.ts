import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { AuthConfig, TlsConfig } from '../endpoint-config.ts';
import { isHeaderToken } from './header-safe.ts';

/**
 * One password login at Keystone, v3 (`POST <url>/auth/tokens`) or v2.0 (`POST <url>/tokens`, the
 * call in the occi-os guide). The URL is always the configured one: nothing from the browser or the
 * OCCI server chooses where the password goes. Results carry words for the user and, separately,
 * a detail for the log; neither ever holds the password or the token.
 */

export type KeystoneConfig = Extract<AuthConfig, { mode: 'keystone' }>;

export interface KeystoneLogin {
  readonly user: string;
  readonly password: string;
  /** Project (tenant) name. */
  readonly project: string;
  /** User and project domain name (v3 only). */
  readonly domain?: string;
}

export type KeystoneResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly projectId: string;
      readonly projectName?: string;
      readonly expiresAt: number;
    }
  /** Keystone refused the credentials (its 401, or 403). */
  | { readonly ok: false; readonly reason: 'rejected'; readonly detail: string }
  /** Keystone could not be reached, or did not answer in time. */
  | { readonly ok: false; readonly reason: 'unreachable'; readonly detail: string }
  /** Keystone answered something that is not a token. */
  | { readonly ok: false; readonly reason: 'garbage'; readonly detail: string };

export interface KeystoneRequestOptions {
  readonly timeoutMs: number;
  readonly now: () => number;
}

/** Keystone v3 answers with the whole service catalog unless told not to; this caps what is read. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export async function requestKeystoneToken(
  config: KeystoneConfig,
  tls: TlsConfig,
  login: KeystoneLogin,
  options: KeystoneRequestOptions,
): Promise<KeystoneResult> {
  const url = tokensUrl(config);
  const payload = JSON.stringify(config.version === 'v3' ? v3Body(login) : v2Body(login));
  let ca: string[] | undefined;
  if (url.protocol === 'https:' && tls.caFile !== undefined) {
    try {
      // The endpoint's CA is added to the default ones, not put in their place: Keystone is often
      // another host, with a certificate from a public CA, while the OCCI server has a site CA.
      ca = [...rootCertificates, await readFile(tls.caFile, 'utf8')];
    } catch (error) {
      return { ok: false, reason: 'unreachable', detail: `cannot read the CA file: ${describeError(error)}` };
    }
  }
  let answer: RawAnswer;
  try {
    answer = await post(url, payload, ca, options.timeoutMs);
  } catch (error) {
    return { ok: false, reason: 'unreachable', detail: describeError(error) };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { ok: false, reason: 'rejected', detail: `Keystone answered ${answer.status}` };
  }
  if (answer.status !== 200 && answer.status !== 201) {
    return { ok: false, reason: 'garbage', detail: `Keystone answered ${answer.status}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'garbage', detail: 'Keystone answered with a body that is not JSON' };
  }
  const token = config.version === 'v3' ? v3Token(answer.headers, body) : v2Token(body);
  if (typeof token === 'string') return { ok: false, reason: 'garbage', detail: token };
  const expiresAt = parseKeystoneTime(token.expires);
  if (expiresAt === null) return { ok: false, reason: 'garbage', detail: 'Keystone gave no readable expiry time' };
  if (expiresAt <= options.now()) {
    return {
      ok: false,
      reason: 'garbage',
      detail: 'Keystone gave a token that has already expired (are the clocks of the proxy and Keystone apart?)',
    };
  }
  return {
    ok: true,
    token: token.id,
    projectId: token.projectId,
    ...(token.projectName !== undefined ? { projectName: token.projectName } : {}),
    expiresAt,
  };
}

export function tokensUrl(config: KeystoneConfig): URL {
  const base = new URL(config.url.href);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  // `nocatalog` (v3): the catalog can run to hundreds of kilobytes and the proxy has no use for it.
  return config.version === 'v3' ? new URL('auth/tokens?nocatalog', base) : new URL('tokens', base);
}

function v3Body(login: KeystoneLogin): unknown {
  const domain = { name: login.domain ?? 'Default' };
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: login.user, domain, password: login.password } },
      },
      scope: { project: { name: login.project, domain } },
    },
  };
}

function v2Body(login: KeystoneLogin): unknown {
  return {
    auth: { passwordCredentials: { username: login.user, password: login.password }, tenantName: login.project },
  };
}

interface ParsedToken {
  readonly id: string;
  readonly expires: unknown;
  readonly projectId: string;
  readonly projectName?: string;
}

// v3: the token is the X-Subject-Token header; the body describes it.
function v3Token(headers: IncomingMessage['headers'], body: unknown): ParsedToken | string {
  const id = headers['x-subject-token'];
  if (typeof id !== 'string' || !isHeaderToken(id)) return 'Keystone gave no usable X-Subject-Token header';
  const token = field(body, 'token');
  const project = field(token, 'project');
  const projectId = field(project, 'id');
  if (typeof projectId !== 'string' || !isHeaderToken(projectId)) {
    return 'Keystone gave a token without a usable project id (not project-scoped)';
  }
  const projectName = field(project, 'name');
  return {
    id,
    expires: field(token, 'expires_at'),
    projectId,
    ...(typeof projectName === 'string' ? { projectName } : {}),
  };
}

// v2.0: everything is in the body, under access.token.
function v2Token(body: unknown): ParsedToken | string {
  const token = field(field(body, 'access'), 'token');
  const id = field(token, 'id');
  if (typeof id !== 'string' || !isHeaderToken(id)) return 'Keystone gave no usable access.token.id';
  const tenant = field(token, 'tenant');
  const tenantId = field(tenant, 'id');
  if (typeof tenantId !== 'string' || !isHeaderToken(tenantId)) {
    return 'Keystone gave a token without a usable tenant id (not scoped to a tenant)';
  }
  const tenantName = field(tenant, 'name');
  return {
    id,
    expires: field(token, 'expires'),
    projectId: tenantId,
    ...(typeof tenantName === 'string' ? { projectName: tenantName } : {}),
  };
}

/** ISO 8601 as Keystone writes it (`2019-11-09T13:21:08.000000Z`); a time without a zone is UTC. */
export function parseKeystoneTime(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) return null;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return Number.isFinite(time) ? time : null;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

function post(url: URL, payload: string, ca: string[] | undefined, timeoutMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const options = {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Content-Length': Buffer.byteLength(payload),
        'User-Agent': 'occi-console-proxy',
      },
      // No pooled sockets: logins are rare, and a kept-alive socket would outlive the test servers.
      agent: false,
      // Certificates are always checked, even for an endpoint marked insecure: this is where the
      // password goes. A site CA is given with the endpoint's caFile.
      rejectUnauthorized: true,
      ...(ca !== undefined ? { ca } : {}),
    } as const;
    const request = url.protocol === 'https:' ? httpsRequest(url, options) : httpRequest(url, options);
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) fail(new Error('the answer is larger than 4 MiB'));
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('close', () => fail(new Error('the connection closed before the answer was complete')));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    request.end(payload);
  });
}

/** An error in words without anything but its message and code (Node's messages name host and port, never a body). */
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
