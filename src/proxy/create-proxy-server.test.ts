import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Authenticator } from './auth/authenticator.ts';
import type { EndpointConfig } from './endpoint-config.ts';
import { crossOriginRefusal, isAllowedHost } from './same-origin.ts';
import {
  fakeAuthenticator,
  type Running,
  send,
  startTestProxy,
  startUpstream,
  testConfig,
  testEndpoint,
} from './test-support/proxy-test-kit.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
async function track<T extends Running>(running: Promise<T>): Promise<T> {
  const value = await running;
  closers.push(() => value.close());
  return value;
}

const SECRET = 'fixed-secret-token-4f9a1c';
const CERT = fileURLToPath(new URL('./test-support/tls/client.crt', import.meta.url));
const KEY = fileURLToPath(new URL('./test-support/tls/client.key', import.meta.url));

describe('routes', () => {
  it('answers /healthz', async () => {
    const proxy = await track(startTestProxy(testConfig([])));
    const response = await send(proxy.port, 'GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.text.trim()).toBe('ok');
  });

  it('lists the endpoints without a secret, ever', async () => {
    const endpoints: EndpointConfig[] = [
      testEndpoint('fixed', 'https://cloud.example.org:8787/', { mode: 'fixed-token', token: SECRET }),
      testEndpoint('ks', 'https://cloud2.example.org/occi/', {
        mode: 'keystone',
        version: 'v3',
        url: new URL('https://keystone.example.org:5000/v3/'),
        project: 'tenant-a',
      }),
      {
        ...testEndpoint('x509', 'https://fedcloud.example.org:11443/'),
        tls: { insecure: true, certFile: CERT, keyFile: KEY },
      },
    ];
    const proxy = await track(startTestProxy(testConfig(endpoints)));
    const response = await send(proxy.port, 'GET', '/api/endpoints');
    expect(response.status).toBe(200);
    expect(response.header('Content-Type')[0]).toMatch(/^application\/json/);
    expect(JSON.parse(response.text)).toEqual([
      {
        id: 'fixed',
        title: 'Test fixed',
        url: 'https://cloud.example.org:8787/',
        auth: 'fixed-token',
        insecureTls: false,
        demo: false,
      },
      {
        id: 'ks',
        title: 'Test ks',
        url: 'https://cloud2.example.org/occi/',
        auth: 'keystone',
        login: { version: 'v3', needsProject: false, needsDomain: true },
        insecureTls: false,
        demo: false,
      },
      {
        id: 'x509',
        title: 'Test x509',
        url: 'https://fedcloud.example.org:11443/',
        auth: 'none',
        insecureTls: true,
        demo: false,
      },
    ]);
    const everything = JSON.stringify(response.rawHeaders) + response.text;
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('client.');
  });

  it('logs one line per request with the path but never the query string, a header value or a token', async () => {
    const upstream = await track(startUpstream((_req, res) => res.end('ok')));
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`, { mode: 'fixed-token', token: SECRET })])),
    );
    await send(proxy.port, 'GET', '/occi/site/compute/?token=query-secret', ['Cookie', 'occi_session=cookie-secret']);
    await send(proxy.port, 'GET', '/healthz');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.logs).toHaveLength(2);
    expect(proxy.logs[0]).toMatch(/^\S+Z GET site \/occi\/site\/compute\/ 200 \d+\.\dms 2B$/);
    expect(proxy.logs[1]).toMatch(/ GET - \/healthz 200 /);
    const all = proxy.logs.join('\n');
    for (const secret of [SECRET, 'query-secret', 'cookie-secret']) expect(all).not.toContain(secret);
  });

  it('delegates /api/session/ to the authenticator and answers JSON 404 for other /api/ paths', async () => {
    const authenticator: Authenticator = {
      ...fakeAuthenticator(),
      handleApi: async (req, res) => {
        if (req.url !== '/api/session') return false;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"endpoints":{}}');
        return true;
      },
    };
    const proxy = await track(startTestProxy(testConfig([]), authenticator));
    expect((await send(proxy.port, 'GET', '/api/session')).text).toBe('{"endpoints":{}}');
    const other = await send(proxy.port, 'GET', '/api/session/x/whatever');
    expect(other.status).toBe(404);
    const unknown = await send(proxy.port, 'GET', '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: 'not found' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.logs[0]).toMatch(/ GET - \/api\/session 200 \S+ 16B$/);
  });
});

describe('cross-origin requests', () => {
  async function proxyWithUpstream(overrides: Parameters<typeof testConfig>[1] = {}) {
    const seen: string[] = [];
    const upstream = await track(
      startUpstream((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        req.resume();
        req.on('end', () => res.end('ok'));
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], overrides)));
    return { proxy, seen };
  }

  it('refuses state-changing requests from another origin, before anything reaches the endpoint', async () => {
    const { proxy, seen } = await proxyWithUpstream();
    const host = `127.0.0.1:${proxy.port}`;
    const attempts: string[][] = [
      ['Origin', 'http://evil.example'],
      ['Origin', `http://127.0.0.1:${proxy.port + 1}`],
      ['Origin', 'null'],
      ['Sec-Fetch-Site', 'cross-site'],
      ['Sec-Fetch-Site', 'same-site'],
      ['Referer', 'http://evil.example/page'],
      ['Origin', `http://${host}`, 'Sec-Fetch-Site', 'cross-site'],
    ];
    for (const headers of attempts) {
      for (const [method, path] of [
        ['POST', '/occi/site/compute/'],
        ['DELETE', '/occi/site/compute/1'],
        ['PUT', '/occi/site/compute/1'],
        ['POST', '/api/session/site/login'],
      ] as const) {
        const response = await send(proxy.port, method, path, ['Host', host, ...headers], 'x');
        expect(response.status, `${method} ${path} ${headers.join(': ')}`).toBe(403);
      }
    }
    expect(seen).toEqual([]);
  });

  it('lets same-origin requests, reads from anywhere, and non-browser clients through', async () => {
    const { proxy, seen } = await proxyWithUpstream();
    const host = `127.0.0.1:${proxy.port}`;
    const own = ['Origin', `http://${host}`, 'Sec-Fetch-Site', 'same-origin'];
    expect((await send(proxy.port, 'POST', '/occi/site/compute/', ['Host', host, ...own], 'x')).status).toBe(200);
    // Behind a TLS-terminating balancer the browser's origin is https with the same host.
    expect(
      (await send(proxy.port, 'POST', '/occi/site/compute/', ['Host', host, 'Origin', `https://${host}`], 'x')).status,
    ).toBe(200);
    expect(
      (await send(proxy.port, 'GET', '/occi/site/-/', ['Host', host, 'Origin', 'http://evil.example'])).status,
    ).toBe(200);
    expect((await send(proxy.port, 'DELETE', '/occi/site/compute/1', ['Host', host])).status).toBe(200);
    expect(seen).toEqual(['POST /compute/', 'POST /compute/', 'GET /-/', 'DELETE /compute/1']);
  });

  it('with OCCI_PUBLIC_ORIGIN, accepts that origin and its host only', async () => {
    const { proxy } = await proxyWithUpstream({ publicOrigin: 'https://console.example.org', host: '0.0.0.0' });
    const post = (headers: string[]) => send(proxy.port, 'POST', '/occi/site/compute/', headers, 'x');
    expect((await post(['Host', 'console.example.org', 'Origin', 'https://console.example.org'])).status).toBe(200);
    expect((await post(['Host', 'console.example.org', 'Origin', 'http://console.example.org'])).status).toBe(403);
    expect((await post(['Host', 'other.example.org', 'Origin', 'https://other.example.org'])).status).toBe(421);
  });
});

describe('same-origin rules', () => {
  const loopback = { listenHost: '127.0.0.1' };
  it('accepts loopback names always and other names only when the proxy cannot know its own', () => {
    expect(isAllowedHost('127.0.0.1:8080', loopback)).toBe(true);
    expect(isAllowedHost('localhost:8080', loopback)).toBe(true);
    expect(isAllowedHost('[::1]:8080', loopback)).toBe(true);
    expect(isAllowedHost('attacker.example:8080', loopback)).toBe(false);
    expect(isAllowedHost(undefined, loopback)).toBe(false);
    expect(isAllowedHost('console.example.org', { listenHost: '0.0.0.0' })).toBe(true);
    expect(
      isAllowedHost('console.example.org', { listenHost: '0.0.0.0', publicOrigin: 'https://console.example.org' }),
    ).toBe(true);
    expect(
      isAllowedHost('other.example.org', { listenHost: '0.0.0.0', publicOrigin: 'https://console.example.org' }),
    ).toBe(false);
  });

  it('compares Origin with the Host, default ports included', () => {
    const open = { listenHost: '0.0.0.0' };
    expect(crossOriginRefusal('POST', { host: 'c.example', origin: 'https://c.example' }, open)).toBeNull();
    expect(crossOriginRefusal('POST', { host: 'c.example:443', origin: 'https://c.example' }, open)).toBeNull();
    expect(crossOriginRefusal('POST', { host: 'c.example:80', origin: 'http://c.example' }, open)).toBeNull();
    expect(crossOriginRefusal('POST', { host: 'c.example:8443', origin: 'https://c.example' }, open)).not.toBeNull();
    expect(crossOriginRefusal('POST', { host: 'c.example', origin: 'ftp://c.example' }, open)).not.toBeNull();
    expect(crossOriginRefusal('POST', { host: 'c.example', referer: 'https://c.example/compute/1' }, open)).toBeNull();
    expect(crossOriginRefusal('GET', { host: 'c.example', origin: 'https://evil.example' }, open)).toBeNull();
    expect(crossOriginRefusal('PATCH', { host: 'c.example', origin: 'https://evil.example' }, open)).not.toBeNull();
  });
});

describe('answers that are not forwarded', () => {
  it('refuse an unknown endpoint in words, without a secret', async () => {
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('a', 'http://127.0.0.1:9/', { mode: 'fixed-token', token: SECRET })])),
    );
    const response = await send(proxy.port, 'GET', '/occi/b/compute/');
    expect(response.status).toBe(404);
    expect(response.text).toContain('"b"');
    expect(response.text).not.toContain(SECRET);
  });
});
