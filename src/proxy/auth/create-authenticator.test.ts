import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthConfig, EndpointConfig } from '../endpoint-config.ts';
import { type AuthenticatorOptions, createAuthenticator, EXPIRY_SKEW_MS } from './create-authenticator.ts';
import {
  type AuthTestServer,
  cookieAttributes,
  cookiePair,
  startAuthTestServer,
} from './test-support/auth-test-server.ts';

const TOKEN = 'gAAAAABpastedTOKEN-0123456789_abcdefghijklmnopqrstuvwxyz';
const PASSWORD = 'correct horse battery staple';

function endpoint(id: string, auth: AuthConfig): EndpointConfig {
  return { id, title: `Cloud ${id}`, url: new URL(`http://127.0.0.1:9/${id}/`), auth, tls: { insecure: false } };
}

const endpoints: readonly EndpointConfig[] = [
  endpoint('open', { mode: 'none' }),
  endpoint('fixed', { mode: 'fixed-token', token: 'server-side-token' }),
  endpoint('paste', { mode: 'user-token' }),
  endpoint('site', { mode: 'basic' }),
  endpoint('other-site', { mode: 'basic' }),
  endpoint('cloud', { mode: 'keystone', version: 'v3', url: new URL('http://127.0.0.1:9/v3') }),
];

const servers: AuthTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Harness {
  readonly server: AuthTestServer;
  readonly logs: string[];
  readonly clock: { now: number };
}

async function start(overrides: Partial<AuthenticatorOptions> = {}): Promise<Harness> {
  const logs: string[] = [];
  const clock = { now: Date.UTC(2030, 0, 1, 12) };
  const authenticator = createAuthenticator({
    secret: randomBytes(32),
    endpoints,
    secureCookies: false,
    now: () => clock.now,
    log: (line) => logs.push(line),
    ...overrides,
  });
  const server = await startAuthTestServer(authenticator, overrides.endpoints ?? endpoints);
  servers.push(server);
  return { server, logs, clock };
}

async function loginCookie(server: AuthTestServer, id: string, body: unknown, cookie?: string): Promise<string> {
  const answer = await server.post(`/api/session/${id}/login`, body, cookie);
  expect(answer.status, answer.body).toBe(204);
  return cookiePair(answer.setCookie[0]);
}

describe('GET /api/session', () => {
  it('lists every endpoint; those without a login are usable, the others wait for one', async () => {
    const { server } = await start();
    const answer = await server.request('GET', '/api/session');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toEqual({
      endpoints: {
        open: { loggedIn: true },
        fixed: { loggedIn: true },
        paste: { loggedIn: false },
        site: { loggedIn: false },
        'other-site': { loggedIn: false },
        cloud: { loggedIn: false },
      },
    });
    expect(answer.body).not.toContain('server-side-token');
  });

  it('shows who is logged in and until when, never the credential', async () => {
    const { server, clock } = await start();
    let cookie = await loginCookie(server, 'paste', { token: TOKEN });
    cookie = await loginCookie(server, 'site', { user: 'bob', password: PASSWORD }, cookie);
    const answer = await server.request('GET', '/api/session', { cookie });
    const expiresAt = new Date(clock.now + 12 * 3600 * 1000).toISOString();
    expect(JSON.parse(answer.body).endpoints).toMatchObject({
      paste: { loggedIn: true, expiresAt },
      site: { loggedIn: true, user: 'bob', expiresAt },
      cloud: { loggedIn: false },
    });
    expect(answer.body).not.toContain(TOKEN);
    expect(answer.body).not.toContain(PASSWORD);
  });

  it('answers 405 to other methods', async () => {
    const { server } = await start();
    const answer = await server.request('DELETE', '/api/session');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });
});

describe('routing', () => {
  it('leaves everything outside /api/session to the proxy', async () => {
    const { server } = await start();
    for (const path of ['/api/sessions', '/api/endpoints', '/occi/paste/', '/api/sessionx/paste/login']) {
      expect((await server.request('GET', path)).status, path).toBe(404);
      expect((await server.request('GET', path)).body, path).toBe('');
    }
  });

  it('answers 404 in JSON for unknown routes and endpoints, 405 for GET on login', async () => {
    const { server } = await start();
    const unknownRoute = await server.post('/api/session/paste/whoami', {});
    expect(unknownRoute.status).toBe(404);
    expect(JSON.parse(unknownRoute.body)).toHaveProperty('error');
    const unknownEndpoint = await server.post('/api/session/nowhere/login', { token: TOKEN });
    expect(unknownEndpoint.status).toBe(404);
    expect(JSON.parse(unknownEndpoint.body).error).toMatch(/no endpoint/);
    expect((await server.post('/api/session/Paste/login', { token: TOKEN })).status).toBe(404);
    expect((await server.post('/api/session/%70aste/login', { token: TOKEN })).status).toBe(404);
    const get = await server.request('GET', '/api/session/paste/login');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('answers 409 to a login at an endpoint that takes none', async () => {
    const { server } = await start();
    for (const id of ['open', 'fixed']) {
      const answer = await server.post(`/api/session/${id}/login`, { token: TOKEN });
      expect(answer.status).toBe(409);
      expect(answer.setCookie).toEqual([]);
    }
  });

  it('takes JSON only (415), of at most 16 KiB (413)', async () => {
    const { server } = await start();
    const form = await server.request('POST', '/api/session/paste/login', {
      body: `token=${TOKEN}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const none = await server.request('POST', '/api/session/paste/login', { body: JSON.stringify({ token: TOKEN }) });
    expect(none.status).toBe(415);
    const big = await server.request('POST', '/api/session/paste/login', {
      body: JSON.stringify({ token: TOKEN, padding: 'x'.repeat(17 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(big.status).toBe(413);
    const charset = await server.request('POST', '/api/session/paste/login', {
      body: JSON.stringify({ token: TOKEN }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(charset.status).toBe(204);
  });

  it('refuses a body that is not a JSON object, without echoing it', async () => {
    const { server } = await start();
    for (const body of [`{"token": "${TOKEN}`, '[]', '"text"', 'null', '']) {
      const answer = await server.request('POST', '/api/session/paste/login', {
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(answer.status, body).toBe(400);
      expect(answer.body).not.toContain(TOKEN);
    }
  });
});

describe('user-token', () => {
  it('keeps the pasted token in the cookie and sends it as X-Auth-Token', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    expect(await server.credentials('paste', cookie)).toEqual({ 'X-Auth-Token': TOKEN });
    expect(await server.credentials('paste')).toBeNull();
    // The cookie of one endpoint is no credential for another.
    expect(await server.credentials('site', cookie)).toBeNull();
  });

  it.each([
    [{}, 'token'],
    [{ token: '' }, 'token'],
    [{ token: 42 }, 'token'],
    [{ token: 'a'.repeat(2049) }, 'token'],
  ])('refuses %j with 400 naming the field', async (body, field) => {
    const { server } = await start();
    const answer = await server.post('/api/session/paste/login', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ field });
    expect(answer.setCookie).toEqual([]);
  });
});

describe('basic', () => {
  it('keeps user and password in the cookie and sends Authorization: Basic', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'site', { user: 'bob', password: PASSWORD });
    const expected = `Basic ${Buffer.from(`bob:${PASSWORD}`).toString('base64')}`;
    expect(await server.credentials('site', cookie)).toEqual({ Authorization: expected });
    expect(await server.credentials('other-site', cookie)).toBeNull();
  });

  it.each([
    [{ password: PASSWORD }, 'user'],
    [{ user: 'bob' }, 'password'],
    [{ user: 'bob', password: '' }, 'password'],
    [{ user: 'b:ob', password: PASSWORD }, 'user'],
    [{ user: ['bob'], password: PASSWORD }, 'user'],
  ])('refuses %j with 400 naming the field', async (body, field) => {
    const { server } = await start();
    const answer = await server.post('/api/session/site/login', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).field).toBe(field);
  });
});

describe('none and fixed-token', () => {
  it('need no session', async () => {
    const { server } = await start();
    expect(await server.credentials('open')).toEqual({});
    expect(await server.credentials('fixed')).toEqual({ 'X-Auth-Token': 'server-side-token' });
    expect(await server.rejected('open')).toBeNull();
    expect(await server.rejected('fixed')).toBeNull();
  });
});

describe('header injection', () => {
  const nasty = ['abc\r\nX-Evil: 1', 'abc\nX-Evil: 1', 'abc\rdef', 'abc\u0000def', 'abc\tdef', 'abc\u007fdef'];

  it.each(nasty)('a pasted token %j is refused at login', async (token) => {
    const { server } = await start();
    const answer = await server.post('/api/session/paste/login', { token });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'token contains a line break or another control character',
      field: 'token',
    });
  });

  it('a pasted token with spaces or non-ASCII characters is refused at login', async () => {
    const { server } = await start();
    for (const token of ['abc def', 'tökén', 'abc\u2028def']) {
      const answer = await server.post('/api/session/paste/login', { token });
      expect(answer.status, token).toBe(400);
      expect(JSON.parse(answer.body).field).toBe('token');
    }
  });

  it.each(nasty)('basic credentials with %j are refused at login', async (value) => {
    const { server } = await start();
    expect(JSON.parse((await server.post('/api/session/site/login', { user: value, password: 'x' })).body).field).toBe(
      'user',
    );
    expect(JSON.parse((await server.post('/api/session/site/login', { user: 'x', password: value })).body).field).toBe(
      'password',
    );
  });

  it('a fixed token that could break a header is no credential', async () => {
    const { server } = await start({
      endpoints: [endpoint('fixed', { mode: 'fixed-token', token: 'abc\r\nX-Evil: 1' })],
    });
    expect(await server.credentials('fixed')).toBeNull();
  });
});

describe('the cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP when auto', async () => {
    const { server } = await start({ secureCookies: 'auto' });
    const answer = await server.post('/api/session/paste/login', { token: TOKEN });
    const [setCookie] = answer.setCookie;
    expect(setCookie).toMatch(/^occi_session=[A-Za-z0-9_-]+;/);
    const attributes = cookieAttributes(setCookie ?? '');
    expect(attributes).toMatchObject({ path: '/', httponly: '', samesite: 'Strict', 'max-age': String(12 * 3600) });
    expect(attributes).not.toHaveProperty('secure');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('is Secure when configured so', async () => {
    const { server } = await start({ secureCookies: true });
    const answer = await server.post('/api/session/paste/login', { token: TOKEN });
    expect(cookieAttributes(answer.setCookie[0] ?? '')).toHaveProperty('secure');
  });

  it('is Secure when auto and the request came over TLS, whatever X-Forwarded-Proto says', async () => {
    const directory = new URL('./test-support/tls/', import.meta.url);
    const read = (name: string) => readFileSync(new URL(name, directory));
    const authenticator = createAuthenticator({ secret: randomBytes(32), endpoints, secureCookies: 'auto' });
    const tlsServer = await startAuthTestServer(authenticator, endpoints, {
      key: read('server.key'),
      cert: read('server.crt'),
      ca: read('ca.crt'),
    });
    servers.push(tlsServer);
    const overTls = await tlsServer.post('/api/session/paste/login', { token: TOKEN });
    expect(overTls.status).toBe(204);
    expect(cookieAttributes(overTls.setCookie[0] ?? '')).toHaveProperty('secure');

    const { server } = await start({ secureCookies: 'auto' });
    const spoofed = await server.request('POST', '/api/session/paste/login', {
      body: JSON.stringify({ token: TOKEN }),
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
    });
    expect(cookieAttributes(spoofed.setCookie[0] ?? '')).not.toHaveProperty('secure');
  });

  it('holds no credential in plain text', async () => {
    const { server } = await start();
    let cookie = await loginCookie(server, 'paste', { token: TOKEN });
    cookie = await loginCookie(server, 'site', { user: 'bob', password: PASSWORD }, cookie);
    const value = cookie.slice('occi_session='.length);
    // The ciphertext is random: short words such as the user name turn up in it by chance now and
    // then, so look for the credentials themselves, and for the JSON the session is made of.
    for (const text of [cookie, Buffer.from(value, 'base64url').toString('latin1')]) {
      for (const secret of [TOKEN, PASSWORD, '"user"', '"password"', '"token"']) expect(text).not.toContain(secret);
    }
  });

  it('that was tampered with is no session', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    const raw = Buffer.from(cookie.slice('occi_session='.length), 'base64url');
    raw[raw.length - 3] = (raw[raw.length - 3] ?? 0) ^ 0x20;
    const tampered = `occi_session=${raw.toString('base64url')}`;
    expect(await server.credentials('paste', tampered)).toBeNull();
    const state = await server.request('GET', '/api/session', { cookie: tampered });
    expect(state.status).toBe(200);
    expect(JSON.parse(state.body).endpoints.paste).toEqual({ loggedIn: false });
    expect(await server.credentials('paste', 'occi_session=garbage')).toBeNull();
    expect(await server.credentials('paste', 'occi_session=')).toBeNull();
  });

  it('made with another secret is no session', async () => {
    const { server: one } = await start();
    const { server: other } = await start();
    const cookie = await loginCookie(one, 'paste', { token: TOKEN });
    expect(await other.credentials('paste', cookie)).toBeNull();
  });

  it('is read by another instance with the same secret (two proxies behind a load balancer)', async () => {
    const secret = randomBytes(32);
    const { server: one } = await start({ secret });
    const { server: two } = await start({ secret: Buffer.from(secret) });
    let cookie = await loginCookie(one, 'paste', { token: TOKEN });
    expect(await two.credentials('paste', cookie)).toEqual({ 'X-Auth-Token': TOKEN });
    // ...and what the second adds, the first reads.
    cookie = await loginCookie(two, 'site', { user: 'bob', password: PASSWORD }, cookie);
    expect(await one.credentials('paste', cookie)).toEqual({ 'X-Auth-Token': TOKEN });
    expect(await one.credentials('site', cookie)).toHaveProperty('Authorization');
  });

  it('uses the first copy that opens when the browser sends several', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    const both = `occi_session=stale-junk; theme=dark; ${cookie}`;
    expect(await server.credentials('paste', both)).toEqual({ 'X-Auth-Token': TOKEN });
  });

  it('stays under 4 KB with every endpoint logged in at once', async () => {
    const many = [
      ...Array.from({ length: 4 }, (_, n) => endpoint(`keystone-${n}`, { mode: 'user-token' })),
      ...Array.from({ length: 2 }, (_, n) => endpoint(`basic-${n}`, { mode: 'basic' })),
    ];
    const { server } = await start({ endpoints: many });
    let cookie: string | undefined;
    let setCookie = '';
    for (const [n, { id }] of many.entries()) {
      // Fernet-sized tokens (about 180 characters), and long basic credentials.
      const body = id.startsWith('basic')
        ? { user: `user-${'u'.repeat(40)}`, password: 'p'.repeat(64) }
        : { token: `gAAAAA${randomBytes(135).toString('base64url')}${n}` };
      const answer = await server.post(`/api/session/${id}/login`, body, cookie);
      expect(answer.status).toBe(204);
      setCookie = answer.setCookie[0] ?? '';
      cookie = cookiePair(setCookie);
    }
    expect(Buffer.byteLength(setCookie)).toBeLessThan(4096);
    for (const { id } of many) expect(await server.credentials(id, cookie)).not.toBeNull();
  });

  it('refuses a login that would push it over 4 KB, keeping the session as it was', async () => {
    const many = Array.from({ length: 12 }, (_, n) => endpoint(`paste-${n}`, { mode: 'user-token' }));
    const { server, logs } = await start({ endpoints: many });
    let cookie: string | undefined;
    let refused: { status: number; body: string } | undefined;
    for (const { id } of many) {
      const answer = await server.post(`/api/session/${id}/login`, { token: 'x'.repeat(2000) }, cookie);
      if (answer.status !== 204) {
        refused = answer;
        break;
      }
      cookie = cookiePair(answer.setCookie[0]);
    }
    expect(refused?.status).toBe(409);
    expect(JSON.parse(refused?.body ?? '{}').error).toMatch(/log out of another endpoint/);
    expect(await server.credentials('paste-0', cookie)).not.toBeNull();
    expect(logs.join('\n')).toMatch(/exceed 4 KB/);
  });
});

describe('expiry', () => {
  it('ends a pasted token or basic login 12 hours after it was given', async () => {
    const { server, clock } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    clock.now += 12 * 3600 * 1000 - EXPIRY_SKEW_MS - 1;
    expect(await server.credentials('paste', cookie)).not.toBeNull();
    clock.now += 1;
    expect(await server.credentials('paste', cookie)).toBeNull();
    const state = await server.request('GET', '/api/session', { cookie });
    expect(JSON.parse(state.body).endpoints.paste).toEqual({ loggedIn: false });
  });

  it('drops expired entries when the cookie is written again, and runs Max-Age to the last expiry', async () => {
    const { server, clock } = await start();
    let cookie = await loginCookie(server, 'paste', { token: TOKEN });
    clock.now += 6 * 3600 * 1000;
    const answer = await server.post('/api/session/site/login', { user: 'bob', password: PASSWORD }, cookie);
    expect(cookieAttributes(answer.setCookie[0] ?? '')['max-age']).toBe(String(12 * 3600));
    cookie = cookiePair(answer.setCookie[0]);
    clock.now += 6 * 3600 * 1000;
    const later = await server.post('/api/session/other-site/login', { user: 'eve', password: PASSWORD }, cookie);
    cookie = cookiePair(later.setCookie[0]);
    const state = JSON.parse((await server.request('GET', '/api/session', { cookie })).body).endpoints;
    expect(state.paste).toEqual({ loggedIn: false });
    expect(state.site.loggedIn).toBe(true);
    expect(state['other-site'].loggedIn).toBe(true);
  });
});

describe('logout', () => {
  it('drops that endpoint only', async () => {
    const { server, logs } = await start();
    let cookie = await loginCookie(server, 'paste', { token: TOKEN });
    cookie = await loginCookie(server, 'site', { user: 'bob', password: PASSWORD }, cookie);
    const answer = await server.request('POST', '/api/session/paste/logout', { cookie });
    expect(answer.status).toBe(204);
    const next = cookiePair(answer.setCookie[0]);
    expect(await server.credentials('paste', next)).toBeNull();
    expect(await server.credentials('site', next)).toHaveProperty('Authorization');
    expect(logs).toContain('session: paste: logged out');
  });

  it('clears the cookie when nothing is left, and takes an empty JSON body too', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    const answer = await server.post('/api/session/paste/logout', {}, cookie);
    expect(answer.status).toBe(204);
    expect(answer.setCookie[0]).toBe('occi_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it('is fine without a session, and refuses a body that is not JSON', async () => {
    const { server } = await start();
    expect((await server.request('POST', '/api/session/site/logout')).status).toBe(204);
    const form = await server.request('POST', '/api/session/site/logout', {
      body: 'a=b',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });
});

describe('credentialsRejected', () => {
  it("gives a cookie without that endpoint's credentials", async () => {
    const { server, logs } = await start();
    let cookie = await loginCookie(server, 'paste', { token: TOKEN });
    cookie = await loginCookie(server, 'site', { user: 'bob', password: PASSWORD }, cookie);
    const rejectedCookie = await server.rejected('site', cookie);
    expect(rejectedCookie).toMatch(/^occi_session=[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const next = cookiePair(rejectedCookie ?? undefined);
    expect(await server.credentials('site', next)).toBeNull();
    expect(await server.credentials('paste', next)).toEqual({ 'X-Auth-Token': TOKEN });
    expect(logs.some((line) => line.includes('site') && line.includes('401'))).toBe(true);
  });

  it('clears the cookie when it held nothing else', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    expect(await server.rejected('paste', cookie)).toMatch(/^occi_session=; Path=\/; Max-Age=0;/);
  });

  it('gives nothing when there is nothing to drop', async () => {
    const { server } = await start();
    const cookie = await loginCookie(server, 'paste', { token: TOKEN });
    expect(await server.rejected('site', cookie)).toBeNull();
    expect(await server.rejected('paste')).toBeNull();
  });
});

describe('secrets', () => {
  it('never appear in an answer or a log line, whatever happens', async () => {
    const { server, logs } = await start();
    const bodies: string[] = [];
    const record = async (answer: Promise<{ body: string; setCookie: readonly string[] }>) => {
      const { body } = await answer;
      bodies.push(body);
    };
    await record(server.post('/api/session/paste/login', { token: TOKEN }));
    await record(server.post('/api/session/paste/login', { token: `${TOKEN}\r\n` }));
    await record(server.post('/api/session/site/login', { user: 'bob', password: PASSWORD }));
    await record(server.post('/api/session/site/login', { user: 'bob', password: `${PASSWORD}\n` }));
    await record(server.post('/api/session/site/login', { user: `bob:${PASSWORD}`, password: PASSWORD }));
    await record(server.post('/api/session/open/login', { token: TOKEN }));
    await record(server.post('/api/session/nowhere/login', { token: TOKEN }));
    await record(
      server.request('POST', '/api/session/paste/login', {
        body: `{"token":"${TOKEN}`,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await record(server.request('GET', '/api/session'));
    const everything = [...bodies, ...logs].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('server-side-token');
    expect(logs.length).toBeGreaterThan(0);
  });
});

describe('createAuthenticator', () => {
  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createAuthenticator({ secret: randomBytes(16), endpoints, secureCookies: false })).toThrow(/32 bytes/);
  });
});
