import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointConfig } from '../endpoint-config.ts';
import type { Authenticator } from './authenticator.ts';
import { hasControlCharacter, isHeaderToken } from './header-safe.ts';
import { type KeystoneConfig, requestKeystoneToken } from './keystone-client.ts';
import { readJsonBody } from './read-json-body.ts';
import {
  clearSessionCookie,
  createSessionCodec,
  MAX_SET_COOKIE_BYTES,
  SESSION_LIFETIME_MS,
  type Session,
  type SessionEntry,
  serializeSessionCookie,
  sessionCookieValues,
} from './session-cookie.ts';

export interface AuthenticatorOptions {
  /** At least 32 bytes (SESSION_SECRET); every instance behind one load balancer shares it. */
  readonly secret: Buffer;
  readonly endpoints: readonly EndpointConfig[];
  /**
   * `true` behind a TLS-terminating load balancer; `'auto'` marks the cookie Secure only when the
   * request itself came over TLS. X-Forwarded-Proto is not believed: any client can send it.
   */
  readonly secureCookies: boolean | 'auto';
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** How long a Keystone login may take; 10 s. */
  readonly keystoneTimeoutMs?: number;
}

/** A token this close to its expiry is treated as expired, so it does not die on its way upstream. */
export const EXPIRY_SKEW_MS = 30_000;

const KEYSTONE_TIMEOUT_MS = 10_000;

/** Field limits: generous for real values, and small enough that a session always fits one cookie. */
const LIMITS = { token: 2048, user: 255, password: 512, project: 255, domain: 255 } as const;

type Field = keyof typeof LIMITS;

interface Problem {
  readonly status: number;
  readonly error: string;
  readonly field?: Field;
}

type LoginOutcome = { readonly ok: true; readonly entry: SessionEntry } | ({ readonly ok: false } & Problem);

const SESSION_PATH = '/api/session';
const ROUTE = /^\/api\/session\/([a-z0-9][a-z0-9-]*)\/(login|logout)$/;

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const codec = createSessionCodec(options.secret);
  const endpoints = new Map(options.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const keystoneTimeoutMs = options.keystoneTimeoutMs ?? KEYSTONE_TIMEOUT_MS;

  function readSession(request: IncomingMessage): Session | null {
    for (const value of sessionCookieValues(request.headers.cookie)) {
      const session = codec.open(value);
      // Every entry ends within 12 h of the cookie being written; an older cookie is void whatever it holds.
      if (session !== null && now() < session.issuedAt + SESSION_LIFETIME_MS) return session;
    }
    return null;
  }

  function secure(request: IncomingMessage): boolean {
    if (options.secureCookies !== 'auto') return options.secureCookies;
    return (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  }

  function alive(entry: SessionEntry): boolean {
    return now() < entry.expiresAt - EXPIRY_SKEW_MS;
  }

  /** The session's entry for this endpoint when it can be used now (right kind, not expired, header-safe). */
  function usableEntry(session: Session | null, endpoint: EndpointConfig): SessionEntry | null {
    const entry = session?.endpoints[endpoint.id];
    if (entry === undefined || !alive(entry)) return null;
    switch (entry.kind) {
      case 'token':
        return endpoint.auth.mode === 'user-token' && isHeaderToken(entry.token) ? entry : null;
      case 'basic':
        return endpoint.auth.mode === 'basic' &&
          !hasControlCharacter(entry.user) &&
          !entry.user.includes(':') &&
          !hasControlCharacter(entry.password)
          ? entry
          : null;
      case 'keystone':
        return endpoint.auth.mode === 'keystone' && isHeaderToken(entry.token) && isHeaderToken(entry.project)
          ? entry
          : null;
    }
  }

  /**
   * The Set-Cookie that holds these entries (expired ones dropped), or null when they do not fit in
   * one cookie. Max-Age runs to the last expiry among them, so the browser forgets the cookie when
   * nothing in it is usable any more; each entry keeps its own expiry inside.
   */
  function cookieFor(request: IncomingMessage, entries: Readonly<Record<string, SessionEntry>>): string | null {
    const kept: Record<string, SessionEntry> = {};
    let lastExpiry = 0;
    for (const [id, entry] of Object.entries(entries)) {
      if (!alive(entry)) continue;
      kept[id] = entry;
      lastExpiry = Math.max(lastExpiry, entry.expiresAt);
    }
    if (Object.keys(kept).length === 0) return clearSessionCookie(secure(request));
    const maxAgeSeconds = Math.min(SESSION_LIFETIME_MS, lastExpiry - now()) / 1000;
    const cookie = serializeSessionCookie(codec.seal({ endpoints: kept, issuedAt: now() }), {
      maxAgeSeconds,
      secure: secure(request),
    });
    return Buffer.byteLength(cookie) <= MAX_SET_COOKIE_BYTES ? cookie : null;
  }

  function without(session: Session | null, id: string): Record<string, SessionEntry> {
    const rest: Record<string, SessionEntry> = { ...session?.endpoints };
    delete rest[id];
    return rest;
  }

  async function login(request: IncomingMessage, response: ServerResponse, endpoint: EndpointConfig): Promise<void> {
    const { auth } = endpoint;
    if (auth.mode === 'none' || auth.mode === 'fixed-token') {
      request.resume();
      sendJson(response, 409, {
        error: `endpoint ${endpoint.id} takes no login: ${auth.mode === 'none' ? 'it needs no credentials' : 'the server holds its credentials'}`,
      });
      return;
    }
    const body = await readJsonBody(request);
    if (!body.ok) {
      sendJson(response, body.status, { error: body.error }, body.close ? { Connection: 'close' } : {});
      return;
    }
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
      sendJson(response, 400, { error: 'the body must be a JSON object' });
      return;
    }
    const fields = body.value as Record<string, unknown>;
    let outcome: LoginOutcome;
    if (auth.mode === 'user-token') outcome = tokenLogin(fields);
    else if (auth.mode === 'basic') outcome = basicLogin(fields);
    else outcome = await keystoneLogin(endpoint, auth, fields);
    if (!outcome.ok) {
      sendJson(response, outcome.status, {
        error: outcome.error,
        ...(outcome.field !== undefined ? { field: outcome.field } : {}),
      });
      return;
    }
    const session = readSession(request);
    const cookie = cookieFor(request, { ...without(session, endpoint.id), [endpoint.id]: outcome.entry });
    if (cookie === null) {
      // Either this credential alone is too large for a cookie, or it is one too many beside the others.
      const alone = cookieFor(request, { [endpoint.id]: outcome.entry }) !== null;
      log(`session: ${endpoint.id}: ${auth.mode} login refused: the session cookie would exceed 4 KB`);
      if (alone) {
        sendJson(response, 409, {
          error: 'logged in to too many endpoints at once to fit the session cookie: log out of another endpoint first',
        });
      } else if (outcome.entry.kind === 'keystone') {
        sendJson(response, 502, {
          error:
            "Keystone's token is too large to keep in the session cookie (PKI tokens are; UUID and Fernet tokens fit)",
        });
      } else {
        sendJson(response, 400, { error: 'too large to keep in the session cookie', field: 'token' });
      }
      return;
    }
    log(`session: ${endpoint.id}: ${describeMode(endpoint)} login accepted`);
    sendNoContent(response, cookie);
  }

  function tokenLogin(fields: Record<string, unknown>): LoginOutcome {
    const token = readField(fields, 'token');
    if (typeof token !== 'string') return { ok: false, ...token };
    return { ok: true, entry: { kind: 'token', token, expiresAt: now() + SESSION_LIFETIME_MS } };
  }

  function basicLogin(fields: Record<string, unknown>): LoginOutcome {
    const user = readField(fields, 'user');
    if (typeof user !== 'string') return { ok: false, ...user };
    // RFC 7617: the user-id of basic authentication cannot hold a colon.
    if (user.includes(':')) return { ok: false, status: 400, error: 'user must not contain ":"', field: 'user' };
    const password = readField(fields, 'password');
    if (typeof password !== 'string') return { ok: false, ...password };
    return { ok: true, entry: { kind: 'basic', user, password, expiresAt: now() + SESSION_LIFETIME_MS } };
  }

  async function keystoneLogin(
    endpoint: EndpointConfig,
    auth: KeystoneConfig,
    fields: Record<string, unknown>,
  ): Promise<LoginOutcome> {
    const user = readField(fields, 'user');
    if (typeof user !== 'string') return { ok: false, ...user };
    const password = readField(fields, 'password');
    if (typeof password !== 'string') return { ok: false, ...password };
    const project = configuredOrGiven(fields, 'project', auth.project);
    if (typeof project !== 'string') return { ok: false, ...project };
    let domain: string | undefined;
    if (auth.version === 'v3') {
      const given = configuredOrGiven(fields, 'domain', auth.domain);
      if (typeof given !== 'string') return { ok: false, ...given };
      domain = given;
    }
    const result = await requestKeystoneToken(
      auth,
      endpoint.tls,
      { user, password, project, ...(domain !== undefined ? { domain } : {}) },
      { timeoutMs: keystoneTimeoutMs, now },
    );
    if (!result.ok) {
      log(`session: ${endpoint.id}: ${describeMode(endpoint)} login failed: ${result.detail}`);
      switch (result.reason) {
        case 'rejected':
          return { ok: false, status: 401, error: 'Keystone did not accept this user name, password and project' };
        case 'unreachable':
          return { ok: false, status: 502, error: `Keystone could not be reached: ${result.detail}` };
        case 'garbage':
          return { ok: false, status: 502, error: `Keystone's answer is not a usable token: ${result.detail}` };
      }
    }
    return {
      ok: true,
      entry: {
        kind: 'keystone',
        token: result.token,
        user,
        project: result.projectId,
        projectName: result.projectName ?? project,
        expiresAt: Math.min(result.expiresAt, now() + SESSION_LIFETIME_MS),
      },
    };
  }

  function logout(request: IncomingMessage, response: ServerResponse, endpoint: EndpointConfig): Promise<void> {
    return readJsonBody(request, { optional: true }).then((body) => {
      if (!body.ok) {
        sendJson(response, body.status, { error: body.error }, body.close ? { Connection: 'close' } : {});
        return;
      }
      const session = readSession(request);
      // Dropping an entry never makes the cookie larger, so this always fits.
      const cookie = cookieFor(request, without(session, endpoint.id)) ?? clearSessionCookie(secure(request));
      if (session?.endpoints[endpoint.id] !== undefined) log(`session: ${endpoint.id}: logged out`);
      sendNoContent(response, cookie);
    });
  }

  function sessionState(request: IncomingMessage, response: ServerResponse): void {
    const session = readSession(request);
    const state: Record<string, { loggedIn: boolean; user?: string; project?: string; expiresAt?: string }> = {};
    for (const endpoint of endpoints.values()) {
      const { mode } = endpoint.auth;
      if (mode === 'none' || mode === 'fixed-token') {
        // Nothing to log in to: requests go out (with the server's own token, if any).
        state[endpoint.id] = { loggedIn: true };
        continue;
      }
      const entry = usableEntry(session, endpoint);
      if (entry === null) {
        state[endpoint.id] = { loggedIn: false };
        continue;
      }
      state[endpoint.id] = {
        loggedIn: true,
        ...(entry.kind !== 'token' ? { user: entry.user } : {}),
        ...(entry.kind === 'keystone' ? { project: entry.projectName ?? entry.project } : {}),
        expiresAt: new Date(entry.expiresAt).toISOString(),
      };
    }
    sendJson(response, 200, { endpoints: state });
  }

  return {
    async handleApi(request, response) {
      const path = (request.url ?? '').split('?', 1)[0] ?? '';
      if (path !== SESSION_PATH && !path.startsWith(`${SESSION_PATH}/`)) return false;
      if (path === SESSION_PATH) {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          sendJson(response, 405, { error: 'use GET' }, { Allow: 'GET, HEAD' });
        } else {
          sessionState(request, response);
        }
        return true;
      }
      const match = ROUTE.exec(path);
      const endpoint = match?.[1] !== undefined ? endpoints.get(match[1]) : undefined;
      if (match === null) {
        sendJson(response, 404, { error: 'no such session route' });
        return true;
      }
      if (request.method !== 'POST') {
        sendJson(response, 405, { error: 'use POST' }, { Allow: 'POST' });
        return true;
      }
      if (endpoint === undefined) {
        sendJson(response, 404, { error: 'no endpoint with this id is configured' });
        return true;
      }
      if (match[2] === 'login') await login(request, response, endpoint);
      else await logout(request, response, endpoint);
      return true;
    },

    async upstreamCredentials(request, endpoint) {
      const { auth } = endpoint;
      switch (auth.mode) {
        case 'none':
          return {};
        case 'fixed-token':
          return isHeaderToken(auth.token) ? { 'X-Auth-Token': auth.token } : null;
        default: {
          const entry = usableEntry(readSession(request), endpoint);
          if (entry === null) return null;
          switch (entry.kind) {
            case 'token':
              return { 'X-Auth-Token': entry.token };
            case 'basic':
              return { Authorization: `Basic ${Buffer.from(`${entry.user}:${entry.password}`).toString('base64')}` };
            case 'keystone':
              // occi-os (2012) wants the tenant beside the token; ooi and rOCCI take the token alone.
              return auth.mode === 'keystone' && auth.sendProjectId === true
                ? { 'X-Auth-Token': entry.token, 'X-Auth-Project-ID': entry.project }
                : { 'X-Auth-Token': entry.token };
          }
        }
      }
    },

    credentialsRejected(request, endpoint) {
      const { mode } = endpoint.auth;
      if (mode === 'none' || mode === 'fixed-token') return null;
      const session = readSession(request);
      if (session?.endpoints[endpoint.id] === undefined) return null;
      log(`session: ${endpoint.id}: the endpoint answered 401, its credentials are dropped`);
      return cookieFor(request, without(session, endpoint.id)) ?? clearSessionCookie(secure(request));
    },
  };
}

/**
 * A string field of the login body: present, a string, not empty, not too long, no control
 * characters (a CR or LF in a token would split the header it goes into). Tokens are visible ASCII.
 */
function readField(fields: Record<string, unknown>, name: Field): string | Problem {
  const value = fields[name];
  if (value === undefined || value === null || value === '') {
    return { status: 400, error: `${name} is required`, field: name };
  }
  if (typeof value !== 'string') return { status: 400, error: `${name} must be a string`, field: name };
  if (value.length > LIMITS[name]) {
    return { status: 400, error: `${name} is longer than ${LIMITS[name]} characters`, field: name };
  }
  if (hasControlCharacter(value)) {
    return { status: 400, error: `${name} contains a line break or another control character`, field: name };
  }
  if (name === 'token' && !isHeaderToken(value)) {
    return { status: 400, error: 'token must be visible ASCII characters without spaces', field: name };
  }
  return value;
}

/** A project or domain fixed by the configuration wins; the body may repeat it but not contradict it. */
function configuredOrGiven(
  fields: Record<string, unknown>,
  name: Field,
  configured: string | undefined,
): string | Problem {
  if (configured === undefined) return readField(fields, name);
  const given = fields[name];
  if (given !== undefined && given !== null && given !== '' && given !== configured) {
    return { status: 400, error: `${name} is fixed by the server's configuration`, field: name };
  }
  return configured;
}

function describeMode(endpoint: EndpointConfig): string {
  return endpoint.auth.mode === 'keystone' ? `keystone ${endpoint.auth.version}` : endpoint.auth.mode;
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(response.req?.method === 'HEAD' ? undefined : text);
}

function sendNoContent(response: ServerResponse, setCookie: string): void {
  response.writeHead(204, { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' });
  response.end();
}
