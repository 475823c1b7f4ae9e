/**
 * The whole server as `npm start` runs it: configuration from the environment, the embedded demo cloud
 * behind the same forwarding path as any cloud, the real credentials layer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';
import { type RunningProxy, startProxy } from './start-proxy.ts';
import { type Running, send, startUpstream } from './test-support/proxy-test-kit.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function start(env: NodeJS.ProcessEnv, logs: string[] = []): Promise<RunningProxy> {
  // No app folder: the tests need not wait for the real build to be compressed.
  const loaded = loadConfig({ PORT: '0', OCCI_APP_DIR: '/nonexistent-occi-console-dist', ...env });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const proxy = await startProxy(loaded.config, { log: (line) => logs.push(line) });
  closers.push(() => proxy.close());
  return proxy;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

describe('startProxy', () => {
  it('serves the demo cloud as endpoint demo through the forwarding path', async () => {
    const proxy = await start({ OCCI_DEMO_PROFILE: 'standard' });
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = portOf(proxy.url);

    const endpoints = JSON.parse((await send(port, 'GET', '/api/endpoints')).text);
    expect(endpoints).toEqual([
      expect.objectContaining({
        id: 'demo',
        demo: true,
        auth: 'none',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      }),
    ]);
    expect(endpoints[0].url).not.toBe(`${proxy.url}/`);

    const discovery = await send(port, 'GET', '/occi/demo/-/', ['Accept', 'text/plain']);
    expect(discovery.status).toBe(200);
    expect(discovery.text).toContain('Category: compute;');
    const health = await send(port, 'GET', '/healthz');
    expect(health.text.trim()).toBe('ok');
  });

  it('shares sessions between two instances with the same SESSION_SECRET', async () => {
    const tokens: string[] = [];
    const upstream: Running = await startUpstream((req, res) => {
      tokens.push(String(req.headers['x-auth-token']));
      res.end('ok');
    });
    closers.push(() => upstream.close());
    const env = {
      OCCI_ENDPOINT: `${upstream.url}/`,
      OCCI_AUTH: 'user-token',
      SESSION_SECRET: 'c0ffee'.repeat(11),
    };
    const first = portOf((await start(env)).url);
    const second = portOf((await start(env)).url);

    expect((await send(second, 'GET', '/occi/default/-/')).status).toBe(401);
    const login = await send(
      first,
      'POST',
      '/api/session/default/login',
      ['Host', `127.0.0.1:${first}`, 'Origin', `http://127.0.0.1:${first}`, 'Content-Type', 'application/json'],
      JSON.stringify({ token: 'pasted-token-1' }),
    );
    expect(login.status).toBe(204);
    const cookie = (login.header('Set-Cookie')[0] ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^occi_session=/);
    expect(cookie).not.toContain('pasted-token-1');

    const elsewhere = await send(second, 'GET', '/occi/default/-/', ['Cookie', cookie]);
    expect(elsewhere.status).toBe(200);
    expect(tokens).toEqual(['pasted-token-1']);
  });

  it('never logs a secret of the configuration', async () => {
    const logs: string[] = [];
    const upstream = await startUpstream((_req, res) => res.end('ok'));
    closers.push(() => upstream.close());
    const proxy = await start({ OCCI_ENDPOINT: `${upstream.url}/`, OCCI_AUTH_TOKEN: 'fixed-secret-77' }, logs);
    const port = portOf(proxy.url);
    await send(port, 'GET', '/occi/default/compute/?x=1');
    await send(port, 'GET', '/api/endpoints');
    await send(port, 'GET', '/api/session');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(logs.join('\n')).not.toContain('fixed-secret-77');
  });
});
