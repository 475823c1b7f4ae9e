import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, safeRelativePath } from './serve-app.ts';
import { send, sendRaw, startTestProxy, statusOf, type TestProxy, testConfig } from './test-support/proxy-test-kit.ts';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="root"></div></body></html>\n';
const SCRIPT = `export const answer = ${JSON.stringify('occi '.repeat(2000))};\n`;

let base: string;
let proxy: TestProxy;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'occi-console-app-'));
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), SCRIPT);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.env'), 'HIDDEN=1');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  proxy = await startTestProxy(testConfig([], { appDir: dist }));
});

afterAll(async () => {
  await proxy.close();
  rmSync(base, { recursive: true, force: true });
});

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

describe('the built console', () => {
  it('serves index.html with no-cache and every security header', async () => {
    const response = await send(proxy.port, 'GET', '/', ['Accept', 'text/html']);
    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX);
    expect(response.header('Content-Type')).toEqual(['text/html; charset=utf-8']);
    expect(response.header('Cache-Control')).toEqual(['no-cache']);
    expect(response.header('Content-Security-Policy')).toEqual([CSP]);
    expect(response.header('X-Content-Type-Options')).toEqual(['nosniff']);
    expect(response.header('Referrer-Policy')).toEqual(['no-referrer']);
    expect(response.header('X-Frame-Options')).toEqual(['DENY']);
  });

  it('caches hashed assets for a year, immutable', async () => {
    const response = await send(proxy.port, 'GET', '/assets/app-3f9a1c.js');
    expect(response.status).toBe(200);
    expect(response.text).toBe(SCRIPT);
    expect(response.header('Cache-Control')).toEqual(['public, max-age=31536000, immutable']);
    expect(response.header('Content-Type')).toEqual(['text/javascript; charset=utf-8']);
    expect(response.header('Content-Security-Policy')).toEqual([CSP]);
  });

  it('compresses with brotli or gzip as Accept-Encoding allows, and says so in Vary', async () => {
    const br = await send(proxy.port, 'GET', '/assets/app-3f9a1c.js', ['Accept-Encoding', 'gzip, deflate, br']);
    expect(br.header('Content-Encoding')).toEqual(['br']);
    expect(br.header('Vary')).toEqual(['Accept-Encoding']);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(Number(br.header('Content-Length')[0])).toBe(br.body.length);

    const gz = await send(proxy.port, 'GET', '/assets/app-3f9a1c.js', ['Accept-Encoding', 'gzip, br;q=0']);
    expect(gz.header('Content-Encoding')).toEqual(['gzip']);
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await send(proxy.port, 'GET', '/assets/app-3f9a1c.js', ['Accept-Encoding', 'identity']);
    expect(plain.header('Content-Encoding')).toEqual([]);
    expect(plain.text).toBe(SCRIPT);
    expect(plain.header('Vary')).toEqual(['Accept-Encoding']);
  });

  it('answers a deep link that asks for HTML with the app, and other misses with 404', async () => {
    const deep = await send(proxy.port, 'GET', '/endpoints/demo/compute/123', [
      'Accept',
      'text/html,application/xhtml+xml',
    ]);
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(INDEX);
    expect(deep.header('Cache-Control')).toEqual(['no-cache']);
    expect((await send(proxy.port, 'GET', '/endpoints/demo', ['Accept', 'application/json'])).status).toBe(404);
    // A missing hashed asset never gets HTML, even when the request accepts it.
    expect((await send(proxy.port, 'GET', '/assets/gone-123.js', ['Accept', 'text/html'])).status).toBe(404);
  });

  it('revalidates with ETag', async () => {
    const first = await send(proxy.port, 'GET', '/');
    const etag = first.header('ETag')[0] as string;
    const again = await send(proxy.port, 'GET', '/', ['If-None-Match', etag]);
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('reads with GET and HEAD only', async () => {
    expect((await send(proxy.port, 'HEAD', '/favicon.svg')).status).toBe(200);
    expect((await send(proxy.port, 'POST', '/favicon.svg', [], 'x')).status).toBe(405);
  });

  it('never leaves the build folder, nor serves hidden files', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/\\..\\secret.txt',
      '/secret.txt%00.html',
      '/.env',
    ]) {
      const raw = await sendRaw(
        proxy.port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
      );
      expect(raw, path).not.toContain('TOP-SECRET');
      expect(raw, path).not.toContain('HIDDEN');
      expect([400, 404], path).toContain(statusOf(raw));
    }
  });
});

describe('without a build', () => {
  it('says so in words', async () => {
    const bare = await startTestProxy(testConfig([], { appDir: join(tmpdir(), 'occi-console-no-such-dist') }));
    try {
      const response = await send(bare.port, 'GET', '/', ['Accept', 'text/html']);
      expect(response.status).toBe(503);
      expect(response.text).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});

describe('helpers', () => {
  it('chooses an encoding from q-values', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeUndefined();
    expect(chooseEncoding('identity')).toBeUndefined();
  });

  it('keeps request paths inside the build', () => {
    expect(safeRelativePath('/assets/a.js')).toBe('assets/a.js');
    expect(safeRelativePath('/')).toBe('');
    expect(safeRelativePath('/a/../b')).toBeUndefined();
    expect(safeRelativePath('/%2e%2e/b')).toBeUndefined();
    expect(safeRelativePath('/a%5cb')).toBeUndefined();
    expect(safeRelativePath('/%E0%A4%A')).toBeUndefined();
  });
});
