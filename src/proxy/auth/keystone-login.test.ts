import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthConfig, EndpointConfig, TlsConfig } from '../endpoint-config.ts';
import { createAuthenticator, EXPIRY_SKEW_MS } from './create-authenticator.ts';
import { parseKeystoneTime, tokensUrl } from './keystone-client.ts';
import {
  type AuthTestServer,
  cookieAttributes,
  cookiePair,
  startAuthTestServer,
} from './test-support/auth-test-server.ts';
import { type KeystoneStandIn, startKeystoneStandIn } from './test-support/keystone-stand-in.ts';

const PASSWORD = 'alice-secret-password';
const users = [
  { name: 'alice', password: PASSWORD, project: 'demo', projectId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  { name: 'carol', password: 'carol-secret', project: 'science', projectId: 'c0ffee', domain: 'EGI' },
];

const tlsDirectory = new URL('./test-support/tls/', import.meta.url);
const tlsFile = (name: string) => readFileSync(new URL(name, tlsDirectory));

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

let keystone: KeystoneStandIn;
beforeEach(async () => {
  keystone = await startKeystoneStandIn({ users });
  cleanup.push(() => keystone.close());
});

type KeystoneAuth = Extract<AuthConfig, { mode: 'keystone' }>;

function keystoneEndpoint(
  id: string,
  auth: Omit<KeystoneAuth, 'mode' | 'url'> & { url: string },
  tls: TlsConfig = { insecure: false },
): EndpointConfig {
  return {
    id,
    title: id,
    url: new URL(`http://127.0.0.1:9/${id}/`),
    auth: { ...auth, mode: 'keystone', url: new URL(auth.url) },
    tls,
  };
}

interface Harness {
  readonly server: AuthTestServer;
  readonly logs: string[];
  readonly clock: { now: number };
}

async function start(endpoints: readonly EndpointConfig[], keystoneTimeoutMs?: number): Promise<Harness> {
  const logs: string[] = [];
  const clock = { now: Date.now() };
  const authenticator = createAuthenticator({
    secret: randomBytes(32),
    endpoints,
    secureCookies: false,
    now: () => clock.now,
    log: (line) => logs.push(line),
    ...(keystoneTimeoutMs !== undefined ? { keystoneTimeoutMs } : {}),
  });
  const server = await startAuthTestServer(authenticator, endpoints);
  cleanup.push(() => server.close());
  return { server, logs, clock };
}

/** An HTTP server that answers every request with `answer`: Keystone gone wrong. */
async function startOddKeystone(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A URL where nothing listens any more. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('Keystone v3 login', () => {
  it('obtains a project-scoped token and sends it as X-Auth-Token', async () => {
    const { server, logs } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', {
      user: 'alice',
      password: PASSWORD,
      project: 'demo',
      domain: 'Default',
    });
    expect(answer.status, answer.body).toBe(204);
    expect(answer.body).toBe('');
    expect(keystone.requests()).toEqual(['POST /v3/auth/tokens?nocatalog']);
    const [token] = keystone.issuedTokens();
    const cookie = cookiePair(answer.setCookie[0]);
    expect(await server.credentials('cloud', cookie)).toEqual({ 'X-Auth-Token': token });
    const state = JSON.parse((await server.request('GET', '/api/session', { cookie })).body);
    expect(state.endpoints.cloud).toEqual({
      loggedIn: true,
      user: 'alice',
      project: 'demo',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(logs).toEqual(['session: cloud: keystone v3 login accepted']);
  });

  it('binds Max-Age to the token expiry', async () => {
    const short = await startKeystoneStandIn({ users, tokenTtlSeconds: 600 });
    cleanup.push(() => short.close());
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${short.url}/v3/` })]);
    const answer = await server.post('/api/session/cloud/login', {
      user: 'alice',
      password: PASSWORD,
      project: 'demo',
      domain: 'Default',
    });
    expect(answer.status).toBe(204);
    const maxAge = Number(cookieAttributes(answer.setCookie[0] ?? '')['max-age']);
    expect(maxAge).toBeGreaterThan(590);
    expect(maxAge).toBeLessThanOrEqual(600);
  });

  it('adds X-Auth-Project-ID when the endpoint wants it (occi-os)', async () => {
    const { server } = await start([
      keystoneEndpoint('os', { version: 'v3', url: `${keystone.url}/v3`, sendProjectId: true }),
    ]);
    const cookie = cookiePair(
      (
        await server.post('/api/session/os/login', {
          user: 'alice',
          password: PASSWORD,
          project: 'demo',
          domain: 'Default',
        })
      ).setCookie[0],
    );
    expect(await server.credentials('os', cookie)).toEqual({
      'X-Auth-Token': keystone.issuedTokens()[0],
      'X-Auth-Project-ID': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
  });

  it('takes project and domain from the configuration when fixed there', async () => {
    const { server } = await start([
      keystoneEndpoint('egi', { version: 'v3', url: `${keystone.url}/v3`, project: 'science', domain: 'EGI' }),
    ]);
    expect((await server.post('/api/session/egi/login', { user: 'carol', password: 'carol-secret' })).status).toBe(204);
    // Repeating the configured value is fine; contradicting it is not.
    const same = await server.post('/api/session/egi/login', {
      user: 'carol',
      password: 'carol-secret',
      project: 'science',
    });
    expect(same.status).toBe(204);
    const other = await server.post('/api/session/egi/login', {
      user: 'carol',
      password: 'carol-secret',
      project: 'x',
    });
    expect(other.status).toBe(400);
    expect(JSON.parse(other.body)).toEqual({
      error: "project is fixed by the server's configuration",
      field: 'project',
    });
    expect(keystone.requests()).toHaveLength(2);
  });

  it.each([
    [{ password: PASSWORD, project: 'demo', domain: 'Default' }, 'user'],
    [{ user: 'alice', project: 'demo', domain: 'Default' }, 'password'],
    [{ user: 'alice', password: PASSWORD, domain: 'Default' }, 'project'],
    [{ user: 'alice', password: PASSWORD, project: 'demo' }, 'domain'],
    [{ user: 'alice', password: PASSWORD, project: 'demo\r\nX: y', domain: 'Default' }, 'project'],
    [{ user: 'alice', password: PASSWORD, project: 'demo', domain: 7 }, 'domain'],
  ])('refuses %j with 400 naming the field, without calling Keystone', async (body, field) => {
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).field).toBe(field);
    expect(keystone.requests()).toEqual([]);
  });

  it.each([
    ['a wrong password', { user: 'alice', password: 'wrong', project: 'demo', domain: 'Default' }],
    ['an unknown user', { user: 'mallory', password: PASSWORD, project: 'demo', domain: 'Default' }],
    ['a project not theirs', { user: 'alice', password: PASSWORD, project: 'science', domain: 'Default' }],
    ['the wrong domain', { user: 'alice', password: PASSWORD, project: 'demo', domain: 'EGI' }],
  ])('answers 401 to %s, as Keystone did', async (_, body) => {
    const { server, logs } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', body);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Keystone did not accept this user name, password and project' });
    expect(answer.setCookie).toEqual([]);
    expect(logs).toEqual(['session: cloud: keystone v3 login failed: Keystone answered 401']);
  });

  it('keeps an existing session when a login fails', async () => {
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const good = { user: 'alice', password: PASSWORD, project: 'demo', domain: 'Default' };
    const cookie = cookiePair((await server.post('/api/session/cloud/login', good)).setCookie[0]);
    const bad = await server.post('/api/session/cloud/login', { ...good, password: 'wrong' }, cookie);
    expect(bad.status).toBe(401);
    expect(await server.credentials('cloud', cookie)).not.toBeNull();
  });
});

describe('several Keystone logins at once', () => {
  it('fit one cookie under 4 KB: six Keystone endpoints and two basic ones', async () => {
    const many = [
      ...Array.from({ length: 6 }, (_, n) =>
        keystoneEndpoint(`keystone-cloud-${n}`, {
          version: n % 2 ? 'v2.0' : 'v3',
          url: `${keystone.url}/${n % 2 ? 'v2.0' : 'v3'}`,
        }),
      ),
      ...Array.from(
        { length: 2 },
        (_, n): EndpointConfig => ({
          id: `basic-site-${n}`,
          title: 'basic',
          url: new URL('http://127.0.0.1:9/'),
          auth: { mode: 'basic' },
          tls: { insecure: false },
        }),
      ),
    ];
    const { server } = await start(many);
    let cookie: string | undefined;
    let setCookie = '';
    for (const { id } of many) {
      const body = id.startsWith('basic')
        ? { user: 'a-rather-long-user-name@example.org', password: 'p'.repeat(40) }
        : { user: 'alice', password: PASSWORD, project: 'demo', domain: 'Default' };
      const answer = await server.post(`/api/session/${id}/login`, body, cookie);
      expect(answer.status, answer.body).toBe(204);
      setCookie = answer.setCookie[0] ?? '';
      cookie = cookiePair(setCookie);
    }
    expect(Buffer.byteLength(setCookie)).toBeLessThan(4096);
    for (const { id } of many) expect(await server.credentials(id, cookie), id).not.toBeNull();
    expect(new Set(keystone.issuedTokens()).size).toBe(6);
  });
});

describe('Keystone v2.0 login (the occi-os guide)', () => {
  it('obtains a tenant-scoped token from /v2.0/tokens', async () => {
    const { server } = await start([
      keystoneEndpoint('legacy', { version: 'v2.0', url: `${keystone.url}/v2.0`, sendProjectId: true }),
    ]);
    // v2.0 has no domains: none is asked for, and one given is ignored.
    const answer = await server.post('/api/session/legacy/login', {
      user: 'alice',
      password: PASSWORD,
      project: 'demo',
      domain: 'ignored',
    });
    expect(answer.status, answer.body).toBe(204);
    expect(keystone.requests()).toEqual(['POST /v2.0/tokens']);
    const cookie = cookiePair(answer.setCookie[0]);
    expect(await server.credentials('legacy', cookie)).toEqual({
      'X-Auth-Token': keystone.issuedTokens()[0],
      'X-Auth-Project-ID': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
  });

  it('answers 401 to a wrong password and 400 to a missing tenant', async () => {
    const { server } = await start([keystoneEndpoint('legacy', { version: 'v2.0', url: `${keystone.url}/v2.0/` })]);
    const wrong = await server.post('/api/session/legacy/login', { user: 'alice', password: 'nope', project: 'demo' });
    expect(wrong.status).toBe(401);
    const missing = await server.post('/api/session/legacy/login', { user: 'alice', password: PASSWORD });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).field).toBe('project');
  });
});

describe('expiry of a Keystone token', () => {
  it('is no credential from 30 s before it expires: the proxy answers 401 and the console asks again', async () => {
    const { server, clock } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', {
      user: 'alice',
      password: PASSWORD,
      project: 'demo',
      domain: 'Default',
    });
    const cookie = cookiePair(answer.setCookie[0]);
    const expiresAt = Date.parse(
      JSON.parse((await server.request('GET', '/api/session', { cookie })).body).endpoints.cloud.expiresAt,
    );
    clock.now = expiresAt - EXPIRY_SKEW_MS - 1;
    expect(await server.credentials('cloud', cookie)).not.toBeNull();
    clock.now = expiresAt - EXPIRY_SKEW_MS;
    expect(await server.credentials('cloud', cookie)).toBeNull();
    const state = JSON.parse((await server.request('GET', '/api/session', { cookie })).body);
    expect(state.endpoints.cloud).toEqual({ loggedIn: false });
  });

  it('is dropped by credentialsRejected when the cloud answers 401 earlier', async () => {
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', {
      user: 'alice',
      password: PASSWORD,
      project: 'demo',
      domain: 'Default',
    });
    const rejectedCookie = await server.rejected('cloud', cookiePair(answer.setCookie[0]));
    expect(rejectedCookie).toMatch(/^occi_session=; Path=\/; Max-Age=0;/);
  });
});

describe('Keystone gone wrong', () => {
  const login = { user: 'alice', password: PASSWORD, project: 'demo', domain: 'Default' };

  it('answers 502 when Keystone is down', async () => {
    const { server, logs } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${await deadUrl()}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(/^Keystone could not be reached: .*ECONNREFUSED/);
    expect(logs[0]).toMatch(/ECONNREFUSED/);
  });

  it('answers 502 when Keystone does not answer in time', async () => {
    const url = await startOddKeystone(() => {
      // never answers
    });
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${url}/v3` })], 200);
    const started = Date.now();
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toBe('Keystone could not be reached: no answer within 0.2 s');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['a body that is not JSON', 201, { 'X-Subject-Token': 'tok' }, '<html>It works!</html>', /not JSON/],
    [
      'no X-Subject-Token',
      201,
      {},
      JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00Z' } }),
      /X-Subject-Token/,
    ],
    [
      'a token that could break a header',
      201,
      { 'X-Subject-Token': 'abc def' },
      JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00Z', project: { id: 'p' } } }),
      /X-Subject-Token/,
    ],
    [
      'an unscoped token',
      201,
      { 'X-Subject-Token': 'tok' },
      JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00Z' } }),
      /project id/,
    ],
    ['no expiry', 201, { 'X-Subject-Token': 'tok' }, JSON.stringify({ token: { project: { id: 'p' } } }), /expiry/],
    [
      'an expired token',
      201,
      { 'X-Subject-Token': 'tok' },
      JSON.stringify({ token: { expires_at: '2001-01-01T00:00:00Z', project: { id: 'p' } } }),
      /already expired/,
    ],
    ['a server error', 500, {}, '{}', /answered 500/],
    ['a redirect', 302, { Location: 'http://elsewhere.example/' }, '', /answered 302/],
    ['not found', 404, {}, '{"error":{"code":404}}', /answered 404/],
  ])('answers 502 to %s', async (_, status, headers, body, pattern) => {
    const url = await startOddKeystone((_request, response) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(body);
    });
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(pattern);
    expect(answer.setCookie).toEqual([]);
  });

  it('answers 502 to a v2.0 answer without a tenant', async () => {
    const url = await startOddKeystone((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ access: { token: { id: 'tok', expires: '2099-01-01T00:00:00Z' } } }));
    });
    const { server } = await start([keystoneEndpoint('legacy', { version: 'v2.0', url: `${url}/v2.0` })]);
    const answer = await server.post('/api/session/legacy/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(/tenant id/);
  });

  it('refuses a token too large for the cookie (PKI tokens) with 502', async () => {
    const url = await startOddKeystone((_request, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': `MII${'A'.repeat(5000)}` });
      response.end(JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00Z', project: { id: 'p' } } }));
    });
    const { server } = await start([keystoneEndpoint('cloud', { version: 'v3', url: `${url}/v3` })]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(/too large/);
  });
});

describe('Keystone over TLS', () => {
  const login = { user: 'alice', password: PASSWORD, project: 'demo', domain: 'Default' };

  it("trusts the endpoint's CA file beside the default CAs", async () => {
    const secure = await startKeystoneStandIn({
      users,
      tls: { key: tlsFile('server.key'), cert: tlsFile('server.crt') },
    });
    cleanup.push(() => secure.close());
    expect(secure.url).toMatch(/^https:/);
    const caFile = fileURLToPath(new URL('ca.crt', tlsDirectory));
    const { server } = await start([
      keystoneEndpoint('cloud', { version: 'v3', url: `${secure.url}/v3` }, { caFile, insecure: false }),
    ]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status, answer.body).toBe(204);
  });

  it('refuses an unknown CA with 502, even for an endpoint marked insecure', async () => {
    const secure = await startKeystoneStandIn({
      users,
      tls: { key: tlsFile('server.key'), cert: tlsFile('server.crt') },
    });
    cleanup.push(() => secure.close());
    const { server } = await start([
      keystoneEndpoint('cloud', { version: 'v3', url: `${secure.url}/v3` }, { insecure: true }),
    ]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(/certificate/);
    expect(secure.requests()).toEqual([]);
  });

  it('answers 502 when the CA file cannot be read', async () => {
    const secure = await startKeystoneStandIn({
      users,
      tls: { key: tlsFile('server.key'), cert: tlsFile('server.crt') },
    });
    cleanup.push(() => secure.close());
    const { server } = await start([
      keystoneEndpoint(
        'cloud',
        { version: 'v3', url: `${secure.url}/v3` },
        { caFile: '/nonexistent/ca.pem', insecure: false },
      ),
    ]);
    const answer = await server.post('/api/session/cloud/login', login);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error).toMatch(/CA file/);
  });
});

describe('secrets in Keystone logins', () => {
  it('never appear in an answer, a log line or the cookie', async () => {
    const { server, logs } = await start([
      keystoneEndpoint('cloud', { version: 'v3', url: `${keystone.url}/v3` }),
      keystoneEndpoint('down', { version: 'v3', url: `${await deadUrl()}/v3` }),
    ]);
    const bodies: string[] = [];
    const good = { user: 'alice', password: PASSWORD, project: 'demo', domain: 'Default' };
    const ok = await server.post('/api/session/cloud/login', good);
    bodies.push(ok.body);
    const cookie = cookiePair(ok.setCookie[0]);
    bodies.push((await server.post('/api/session/cloud/login', { ...good, password: `${PASSWORD}x` })).body);
    bodies.push((await server.post('/api/session/down/login', good)).body);
    bodies.push((await server.request('GET', '/api/session', { cookie })).body);
    bodies.push((await server.request('POST', '/api/session/cloud/logout', { cookie })).body);
    const [token] = keystone.issuedTokens();
    expect(token).toBeDefined();
    const everything = [...bodies, ...logs, cookie, Buffer.from(cookie.slice(13), 'base64url').toString('latin1')].join(
      '\n',
    );
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });
});

describe('helpers', () => {
  it('tokensUrl puts auth/tokens or tokens under the configured URL', () => {
    const v3 = (url: string) => tokensUrl({ mode: 'keystone', version: 'v3', url: new URL(url) }).href;
    const v2 = (url: string) => tokensUrl({ mode: 'keystone', version: 'v2.0', url: new URL(url) }).href;
    expect(v3('https://ks.example:5000/v3')).toBe('https://ks.example:5000/v3/auth/tokens?nocatalog');
    expect(v3('https://ks.example/identity/v3/?x=1#y')).toBe('https://ks.example/identity/v3/auth/tokens?nocatalog');
    expect(v2('http://10.211.55.27:35357/v2.0')).toBe('http://10.211.55.27:35357/v2.0/tokens');
  });

  it('parseKeystoneTime reads the times Keystone writes, as UTC', () => {
    expect(parseKeystoneTime('2019-11-09T13:21:08.000000Z')).toBe(Date.UTC(2019, 10, 9, 13, 21, 8));
    expect(parseKeystoneTime('2014-01-31T15:30:58Z')).toBe(Date.UTC(2014, 0, 31, 15, 30, 58));
    expect(parseKeystoneTime('2014-01-31T15:30:58')).toBe(Date.UTC(2014, 0, 31, 15, 30, 58));
    expect(parseKeystoneTime('2014-01-31T15:30:58+01:00')).toBe(Date.UTC(2014, 0, 31, 14, 30, 58));
    for (const junk of [undefined, 42, '', 'tomorrow', '2014-13-45T99:99:99Z'])
      expect(parseKeystoneTime(junk)).toBeNull();
  });
});
