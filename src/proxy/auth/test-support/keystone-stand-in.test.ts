import { afterEach, describe, expect, it } from 'vitest';
import { type KeystoneStandIn, startKeystoneStandIn } from './keystone-stand-in.ts';

const users = [
  { name: 'alice', password: 'pw', project: 'demo', projectId: 'p-demo' },
  { name: 'carol', password: 'cpw', project: 'science', projectId: 'p-science', domain: 'EGI' },
];

let standIn: KeystoneStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

// The tests read Keystone's JSON loosely, as a client would; the matchers check its shape.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Json = Record<string, any>;

async function post(path: string, body: unknown) {
  standIn ??= await startKeystoneStandIn({ users, tokenTtlSeconds: 120 });
  const response = await fetch(`${standIn.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

const v3 = (name: string, password: string, project: unknown, domain = 'Default') => ({
  auth: {
    identity: { methods: ['password'], password: { user: { name, domain: { name: domain }, password } } },
    ...(project !== undefined ? { scope: { project } } : {}),
  },
});

describe('the Keystone stand-in, v3', () => {
  it('answers 201 with X-Subject-Token and a project-scoped token body', async () => {
    const answer = await post('/v3/auth/tokens', v3('alice', 'pw', { name: 'demo', domain: { name: 'Default' } }));
    expect(answer.status).toBe(201);
    const token = answer.headers.get('x-subject-token');
    expect(token).toMatch(/^gAAAAA[A-Za-z0-9_-]{150,}$/);
    expect(standIn?.issuedTokens()).toEqual([token]);
    expect(answer.body.token).toMatchObject({
      methods: ['password'],
      user: { name: 'alice', domain: { id: 'default', name: 'Default' } },
      project: { id: 'p-demo', name: 'demo', domain: { id: 'default', name: 'Default' } },
    });
    const expires = Date.parse(answer.body.token.expires_at);
    expect(answer.body.token.expires_at).toMatch(/\.\d{6}Z$/);
    expect(expires - Date.now()).toBeGreaterThan(100_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(120_000);
  });

  it('scopes by project id and by domain id too', async () => {
    expect((await post('/v3/auth/tokens', v3('alice', 'pw', { id: 'p-demo' }))).status).toBe(201);
    const byDomainId = v3('carol', 'cpw', { name: 'science', domain: { id: 'egi-id' } });
    expect((await post('/v3/auth/tokens', byDomainId)).status).toBe(401);
    const carol = await post(
      '/v3/auth/tokens',
      v3('carol', 'cpw', { name: 'science', domain: { name: 'EGI' } }, 'EGI'),
    );
    expect(carol.status).toBe(201);
  });

  it("answers 401 with Keystone's error body and challenge", async () => {
    const answer = await post('/v3/auth/tokens', v3('alice', 'wrong', { id: 'p-demo' }));
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
    });
    expect(answer.headers.get('www-authenticate')).toBe(`Keystone uri="${standIn?.url}/v3"`);
    expect((await post('/v3/auth/tokens', v3('alice', 'pw', { id: 'p-science' }))).status).toBe(401);
    expect((await post('/v3/auth/tokens', v3('alice', 'pw', { id: 'p-demo' }, 'EGI'))).status).toBe(401);
    expect(standIn?.issuedTokens()).toHaveLength(0);
  });

  it('answers 400 to a body that is not JSON, 404 elsewhere', async () => {
    expect((await post('/v3/auth/tokens', '{')).status).toBe(400);
    expect((await post('/v3/users', {})).status).toBe(404);
  });
});

describe('the Keystone stand-in, v2.0', () => {
  it('answers 200 with access.token scoped to the tenant', async () => {
    const answer = await post('/v2.0/tokens', {
      auth: { passwordCredentials: { username: 'alice', password: 'pw' }, tenantName: 'demo' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.access.token).toMatchObject({
      id: standIn?.issuedTokens()[0],
      tenant: { id: 'p-demo', name: 'demo', enabled: true },
      expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(answer.body.access.user.username).toBe('alice');
  });

  it('gives an unscoped token without a tenant, and 401 for a wrong password or tenant', async () => {
    const unscoped = await post('/v2.0/tokens', {
      auth: { passwordCredentials: { username: 'alice', password: 'pw' } },
    });
    expect(unscoped.status).toBe(200);
    expect(unscoped.body.access.token.tenant).toBeUndefined();
    const wrong = { auth: { passwordCredentials: { username: 'alice', password: 'x' }, tenantId: 'p-demo' } };
    expect((await post('/v2.0/tokens', wrong)).status).toBe(401);
    const other = { auth: { passwordCredentials: { username: 'alice', password: 'pw' }, tenantName: 'science' } };
    expect((await post('/v2.0/tokens', other)).status).toBe(401);
  });
});
