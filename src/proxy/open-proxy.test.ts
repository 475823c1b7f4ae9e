/**
 * A request can never choose where it goes: every trick below either reaches the configured endpoint
 * (under its own URL) or is refused, and the "evil" server, a real one listening on loopback, never
 * sees a single request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Running,
  send,
  sendRaw,
  startTestProxy,
  startUpstream,
  statusOf,
  type TestProxy,
  testConfig,
  testEndpoint,
} from './test-support/proxy-test-kit.ts';

let target: Running;
let evil: Running;
let proxy: TestProxy;
const targetSaw: { url: string; host: string; headers: string[] }[] = [];
const evilSaw: string[] = [];

beforeAll(async () => {
  target = await startUpstream((req, res) => {
    targetSaw.push({ url: req.url ?? '', host: req.headers.host ?? '', headers: req.rawHeaders });
    res.end('target');
  });
  evil = await startUpstream((req, res) => {
    evilSaw.push(req.url ?? '');
    res.end('evil');
  });
  proxy = await startTestProxy(testConfig([testEndpoint('site', `${target.url}/base/`)]));
});

afterAll(async () => {
  await Promise.all([proxy.close(), target.close(), evil.close()]);
  // The one assertion every test here shares.
  expect(evilSaw).toEqual([]);
});

describe('paths that try to leave the endpoint are refused with 400', () => {
  const evilHost = () => `127.0.0.1:${evil.port}`;
  const attempts: [string, () => string][] = [
    ['dot-dot', () => '/occi/site/../../x'],
    ['dot-dot at the end', () => '/occi/site/compute/..'],
    ['a dot segment', () => '/occi/site/./compute/'],
    ['dot-dot as the id', () => '/occi/../api/endpoints'],
    ['encoded dot-dot', () => '/occi/site/%2e%2e/%2e%2e/x'],
    ['upper-case encoded dot-dot', () => '/occi/site/%2E%2E/x'],
    ['half-encoded dot-dot', () => '/occi/site/.%2e/x'],
    ['double-encoded dot-dot', () => '/occi/site/%252e%252e/x'],
    ['encoded slash', () => '/occi/site/..%2f..%2fx'],
    ['encoded slashes making //host', () => `/occi/site/%2f%2f${evilHost()}/`],
    ['a leading // in the rest', () => `/occi/site//${evilHost()}/x`],
    ['an empty segment', () => '/occi/site/compute//x'],
    ['backslash', () => `/occi/site/\\\\${evilHost()}\\x`],
    ['encoded backslash', () => `/occi/site/%5c%5c${evilHost()}/x`],
    ['an @ (user information)', () => `/occi/site/@${evilHost()}/x`],
    ['an @ in the id', () => `/occi/site@${evilHost()}/x`],
    ['an encoded @', () => `/occi/site/%40${evilHost()}/x`],
    ['an encoded NUL', () => '/occi/site/x%00y'],
    ['an encoded line feed', () => '/occi/site/x%0d%0aHost:%20evil'],
    ['a malformed escape', () => '/occi/site/x%zz'],
    ['an encoded question mark', () => '/occi/site/x%3f'],
  ];
  for (const [name, path] of attempts) {
    it(name, async () => {
      const raw = await sendRaw(
        proxy.port,
        `GET ${path()} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\n\r\n`,
      );
      expect(statusOf(raw)).toBe(400);
      expect(raw).not.toContain('target');
    });
  }
});

describe('request targets and headers that name another host', () => {
  it('refuses an absolute-form request target (a forward-proxy request)', async () => {
    const raw = await sendRaw(
      proxy.port,
      `GET http://127.0.0.1:${evil.port}/occi/site/x HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(raw)).toBe(400);
    expect(raw).toContain('not an open proxy');
  });

  it('never tunnels CONNECT', async () => {
    const raw = await sendRaw(
      proxy.port,
      `CONNECT 127.0.0.1:${evil.port} HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\n\r\n`,
      500,
    );
    expect(raw.startsWith('HTTP/1.1 200')).toBe(false);
  });

  it('treats //host outside /occi/ as a path of the app, never as a host', async () => {
    const response = await send(proxy.port, 'GET', `//127.0.0.1:${evil.port}/`);
    expect(response.text).not.toContain('evil');
  });

  it('ignores Host, X-Forwarded-* and Forwarded for routing and never passes them on', async () => {
    targetSaw.length = 0;
    const response = await send(proxy.port, 'GET', '/occi/site/compute/', [
      'Host',
      `127.0.0.1:${evil.port}`,
      'X-Forwarded-Host',
      `127.0.0.1:${evil.port}`,
      'X-Forwarded-Proto',
      'https',
      'X-Forwarded-For',
      '10.0.0.1',
      'X-Forwarded-Port',
      String(evil.port),
      'Forwarded',
      `host=127.0.0.1:${evil.port};proto=https`,
      'X-Real-IP',
      '10.0.0.1',
    ]);
    expect(response.text).toBe('target');
    const saw = targetSaw[0];
    expect(saw?.url).toBe('/base/compute/');
    expect(saw?.host).toBe(`127.0.0.1:${target.port}`);
    const names = (saw?.headers ?? []).filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
    expect(
      names.filter((name) => name.startsWith('x-forwarded') || name === 'forwarded' || name === 'x-real-ip'),
    ).toEqual([]);
  });

  it('answers 421 for a Host that is not the console (DNS rebinding)', async () => {
    const response = await send(proxy.port, 'GET', '/occi/site/compute/', ['Host', 'evil.example:8080']);
    expect(response.status).toBe(421);
  });

  it('keeps a query string a query string, however it looks', async () => {
    targetSaw.length = 0;
    const query = `?next=http://127.0.0.1:${evil.port}//x/../&u=a@b`;
    const response = await send(proxy.port, 'GET', `/occi/site/compute/${query}`);
    expect(response.text).toBe('target');
    expect(targetSaw[0]?.url).toBe(`/base/compute/${query}`);
  });

  it('answers 404 for an endpoint id that is not configured', async () => {
    for (const path of ['/occi/nope/-/', '/occi/SITE/-/', '/occi/site-2/', '/occi/', '/occi']) {
      const response = await send(proxy.port, 'GET', path);
      expect(response.status, path).toBe(404);
      expect(response.text).not.toContain('target');
    }
  });

  it('forwards an ordinary path under the endpoint URL, with the id and the rest', async () => {
    targetSaw.length = 0;
    const response = await send(proxy.port, 'GET', '/occi/site/compute/a%20b;v=1');
    expect(response.status).toBe(200);
    expect(targetSaw[0]?.url).toBe('/base/compute/a%20b;v=1');
    expect((await send(proxy.port, 'GET', '/occi/site')).status).toBe(200);
    expect(targetSaw[1]?.url).toBe('/base/');
  });
});
