import { readFileSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { EndpointConfig } from './endpoint-config.ts';
import {
  fakeAuthenticator,
  type Running,
  send,
  sendRaw,
  sleep,
  startTestProxy,
  startUpstream,
  statusOf,
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

interface Seen {
  readonly url: string;
  readonly method: string;
  readonly rawHeaders: string[];
  readonly body: string;
}

/** An upstream that records what reached it and answers with `respond`. */
async function recordingUpstream(
  respond: (req: IncomingMessage, res: import('node:http').ServerResponse) => void = (_req, res) => res.end('ok'),
) {
  const seen: Seen[] = [];
  const upstream = await track(
    startUpstream((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          url: req.url ?? '',
          method: req.method ?? '',
          rawHeaders: req.rawHeaders,
          body: Buffer.concat(chunks).toString(),
        });
        respond(req, res);
      });
    }),
  );
  return { upstream, seen };
}

function values(raw: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.toLowerCase() === name.toLowerCase()) out.push(raw[i + 1] as string);
  return out;
}

function names(raw: readonly string[]): string[] {
  return raw.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
}

describe('forwarding headers', () => {
  it('keeps repeated request lines as separate lines, drops hop-by-hop and browser credentials, adds the real ones', async () => {
    const { upstream, seen } = await recordingUpstream();
    const endpoint = testEndpoint('site', `${upstream.url}/occi1.1/`, {
      mode: 'fixed-token',
      token: 'server-token-123',
    });
    const proxy = await track(startTestProxy(testConfig([endpoint])));

    const ok = await send(
      proxy.port,
      'POST',
      '/occi/site/compute/?filter=a&x=1',
      [
        'Content-Type',
        'text/occi',
        'Category',
        'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'Category',
        'small; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
        'X-OCCI-Attribute',
        'occi.core.title="one"',
        'X-OCCI-Attribute',
        'occi.compute.cores=2',
        'Connection',
        'keep-alive, X-Drop-Me',
        'X-Drop-Me',
        'secret-hop',
        'Keep-Alive',
        'timeout=5',
        'TE',
        'trailers',
        'Proxy-Authorization',
        'Basic cHJveHk6cHJveHk=',
        'Cookie',
        'occi_session=browser-session-cookie',
        'Authorization',
        'Bearer browser-token',
        'X-Auth-Token',
        'browser-token',
        'X-Auth-Project-ID',
        'browser-project',
        'Content-Length',
        '4',
      ],
      'body',
    );
    expect(ok.status).toBe(200);
    expect(seen).toHaveLength(1);
    const got = seen[0] as Seen;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/occi1.1/compute/?filter=a&x=1');
    expect(got.body).toBe('body');
    expect(values(got.rawHeaders, 'Category')).toEqual([
      'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
      'small; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
    ]);
    expect(values(got.rawHeaders, 'X-OCCI-Attribute')).toEqual(['occi.core.title="one"', 'occi.compute.cores=2']);
    expect(values(got.rawHeaders, 'Host')).toEqual([`127.0.0.1:${upstream.port}`]);
    expect(values(got.rawHeaders, 'X-Auth-Token')).toEqual(['server-token-123']);
    expect(values(got.rawHeaders, 'Content-Length')).toEqual(['4']);
    const received = names(got.rawHeaders);
    for (const dropped of ['x-drop-me', 'te', 'proxy-authorization', 'cookie', 'authorization', 'x-auth-project-id']) {
      expect(received).not.toContain(dropped);
    }
    // Node's agent adds its own `Connection: keep-alive` for the proxy's hop; the client's list is gone.
    expect(values(got.rawHeaders, 'Connection')).toEqual(['keep-alive']);
    expect(JSON.stringify(got.rawHeaders)).not.toContain('browser');
  });

  it('keeps repeated response lines exactly and strips hop-by-hop, Set-Cookie and what Connection names', async () => {
    const { upstream } = await recordingUpstream((_req, res) => {
      res.writeHead(200, 'Fine', [
        'Content-Type',
        'text/plain',
        'Category',
        'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'Category',
        'network; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'Link',
        '</compute/1?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
        'Link',
        '</compute/1?action=restart>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#restart"',
        'X-OCCI-Location',
        'http://cloud/compute/1',
        'X-OCCI-Location',
        'http://cloud/compute/2',
        'Location',
        '/compute/1',
        'Connection',
        'X-Upstream-Hop',
        'X-Upstream-Hop',
        'private',
        'Keep-Alive',
        'timeout=99',
        'Proxy-Authenticate',
        'Basic',
        'Set-Cookie',
        'cloud=1; Path=/',
        'Strict-Transport-Security',
        'max-age=1000',
        'Content-Length',
        '2',
      ]);
      res.end('ok');
    });
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const response = await send(proxy.port, 'GET', '/occi/site/compute/1');
    expect(response.status).toBe(200);
    expect(response.text).toBe('ok');
    expect(response.header('Category')).toHaveLength(2);
    expect(response.header('Link')).toEqual([
      '</compute/1?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
      '</compute/1?action=restart>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#restart"',
    ]);
    expect(response.header('X-OCCI-Location')).toEqual(['http://cloud/compute/1', 'http://cloud/compute/2']);
    expect(response.header('Location')).toEqual(['/compute/1']);
    expect(response.header('Content-Length')).toEqual(['2']);
    const received = names(response.rawHeaders);
    for (const dropped of ['x-upstream-hop', 'proxy-authenticate', 'set-cookie', 'strict-transport-security']) {
      expect(received).not.toContain(dropped);
    }
    expect(response.header('Keep-Alive')).not.toContain('timeout=99');
    expect(response.header('X-Content-Type-Options')).toEqual(['nosniff']);
    expect(response.header('Content-Security-Policy')[0]).toContain('sandbox');
  });

  it('drops a cloud’s CORS grant and answers preflights itself, granting nothing', async () => {
    const { upstream, seen } = await recordingUpstream((_req, res) => {
      res.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'X-Auth-Token',
      });
      res.end('ok');
    });
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const read = await send(proxy.port, 'GET', '/occi/site/-/', ['Origin', 'http://evil.example']);
    expect(read.status).toBe(200);
    for (const name of [
      'Access-Control-Allow-Origin',
      'Access-Control-Allow-Credentials',
      'Access-Control-Expose-Headers',
    ])
      expect(read.header(name)).toEqual([]);
    const preflight = await send(proxy.port, 'OPTIONS', '/occi/site/compute/', [
      'Origin',
      'http://evil.example',
      'Access-Control-Request-Method',
      'DELETE',
    ]);
    expect(preflight.status).toBe(204);
    expect(preflight.header('Access-Control-Allow-Origin')).toEqual([]);
    expect(preflight.header('Access-Control-Allow-Methods')).toEqual([]);
    // Only the GET reached the cloud: the preflight was the proxy's to answer.
    expect(seen.map((request) => request.method)).toEqual(['GET']);
  });

  it('strips Upgrade: the proxy never switches protocols on the upstream', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const raw = await sendRaw(
      proxy.port,
      `GET /occi/site/-/ HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
      300,
    );
    // With no 'upgrade' listener, Node hands the request over as a plain one: forwarded without Upgrade.
    expect(statusOf(raw)).toBe(200);
    expect(seen).toHaveLength(1);
    expect(names((seen[0] as Seen).rawHeaders)).not.toContain('upgrade');
  });

  it('passes the user agent-chosen body framing on: chunked bodies stay chunked upstream', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const raw = await sendRaw(
      proxy.port,
      `DELETE /occi/site/compute/ HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
    );
    expect(statusOf(raw)).toBe(200);
    expect((seen[0] as Seen).body).toBe('hello');
    expect(values((seen[0] as Seen).rawHeaders, 'Transfer-Encoding')).toEqual(['chunked']);
  });
});

describe('streaming and bodies', () => {
  it('streams the answer: the client sees the first chunk before the upstream writes the last', async () => {
    let clientSawFirst: () => void = () => undefined;
    const sawFirst = new Promise<void>((resolve) => {
      clientSawFirst = resolve;
    });
    const upstream = await track(
      startUpstream((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('first\n');
        // Only once the client has the first chunk: a buffering proxy would deadlock here.
        void sawFirst.then(() => res.end('last\n'));
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const chunks = await new Promise<string[]>((resolve, reject) => {
      request({ port: proxy.port, host: '127.0.0.1', path: '/occi/site/compute/' }, (res) => {
        const got: string[] = [];
        res.on('data', (chunk: Buffer) => {
          got.push(chunk.toString());
          if (got.length === 1) clientSawFirst();
        });
        res.on('end', () => resolve(got));
      })
        .on('error', reject)
        .end();
    });
    expect(chunks.join('')).toBe('first\nlast\n');
    expect(chunks[0]).toBe('first\n');
  });

  it('streams the request body: the upstream reads the first chunk before the client sends the last', async () => {
    let upstreamSawFirst: () => void = () => undefined;
    const sawFirst = new Promise<void>((resolve) => {
      upstreamSawFirst = resolve;
    });
    const upstream = await track(
      startUpstream((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => {
          body += chunk.toString();
          upstreamSawFirst();
        });
        req.on('end', () => res.end(`got ${body}`));
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(
        { port: proxy.port, host: '127.0.0.1', method: 'POST', path: '/occi/site/compute/' },
        (res) => {
          let got = '';
          res.on('data', (chunk: Buffer) => {
            got += chunk.toString();
          });
          res.on('end', () => resolve(got));
        },
      );
      req.on('error', reject);
      req.write('one,');
      void sawFirst.then(() => req.end('two'));
    });
    expect(text).toBe('got one,two');
  });

  it('passes a gzip body through untouched, with its Content-Encoding and Content-Length', async () => {
    const plain = 'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n'.repeat(50);
    const zipped = gzipSync(plain);
    const { upstream, seen } = await recordingUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip', 'Content-Length': zipped.length });
      res.end(zipped);
    });
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const response = await send(proxy.port, 'GET', '/occi/site/-/', ['Accept-Encoding', 'gzip, br']);
    expect(response.body.equals(zipped)).toBe(true);
    expect(response.header('Content-Encoding')).toEqual(['gzip']);
    expect(response.header('Content-Length')).toEqual([String(zipped.length)]);
    expect(values((seen[0] as Seen).rawHeaders, 'Accept-Encoding')).toEqual(['gzip, br']);
  });

  it('passes redirects on without following them', async () => {
    const { upstream, seen } = await recordingUpstream((_req, res) => {
      res.writeHead(302, { Location: 'http://elsewhere.example/compute/' });
      res.end();
    });
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const response = await send(proxy.port, 'GET', '/occi/site/compute');
    expect(response.status).toBe(302);
    expect(response.header('Location')).toEqual(['http://elsewhere.example/compute/']);
    expect(seen).toHaveLength(1);
  });

  it('answers HEAD and 204 without a body', async () => {
    const { upstream } = await recordingUpstream((req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': '1234', 'Content-Type': 'text/plain' });
        res.end();
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const head = await send(proxy.port, 'HEAD', '/occi/site/compute/');
    expect(head.status).toBe(200);
    expect(head.header('Content-Length')).toEqual(['1234']);
    expect(head.body.length).toBe(0);
    const deleted = await send(proxy.port, 'DELETE', '/occi/site/compute/1');
    expect(deleted.status).toBe(204);
  });

  it('refuses TRACE, which would echo the injected credentials back to the page', async () => {
    const { upstream, seen } = await recordingUpstream();
    const endpoint = testEndpoint('site', `${upstream.url}/`, { mode: 'fixed-token', token: 'tok' });
    const proxy = await track(startTestProxy(testConfig([endpoint])));
    const response = await send(proxy.port, 'TRACE', '/occi/site/');
    expect(response.status).toBe(405);
    expect(seen).toHaveLength(0);
  });
});

describe('credentials', () => {
  it('adds the credentials of the authenticator and never sends the browser its own', async () => {
    const { upstream, seen } = await recordingUpstream();
    const authenticator = fakeAuthenticator({ site: { 'X-Auth-Token': 'keystone-token', 'X-Auth-Project-ID': 'p1' } });
    const endpoint = testEndpoint('site', `${upstream.url}/`, {
      mode: 'keystone',
      version: 'v3',
      url: new URL('http://127.0.0.1:1/v3/'),
    });
    const proxy = await track(startTestProxy(testConfig([endpoint]), authenticator));
    const response = await send(proxy.port, 'GET', '/occi/site/-/', ['Cookie', 'occi_session=abc; other=1']);
    expect(response.status).toBe(200);
    const headers = (seen[0] as Seen).rawHeaders;
    expect(values(headers, 'X-Auth-Token')).toEqual(['keystone-token']);
    expect(values(headers, 'X-Auth-Project-ID')).toEqual(['p1']);
    expect(names(headers)).not.toContain('cookie');
    expect(JSON.stringify(response.rawHeaders)).not.toContain('keystone-token');
    expect(response.text).not.toContain('keystone-token');
  });

  it('answers 401 "login required" without contacting the endpoint when there are no credentials', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(
      startTestProxy(
        testConfig([testEndpoint('site', `${upstream.url}/`, { mode: 'user-token' })]),
        fakeAuthenticator({ site: null }),
      ),
    );
    const response = await send(proxy.port, 'GET', '/occi/site/-/');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toEqual({ error: 'login required', endpoint: 'site' });
    expect(response.header('WWW-Authenticate')[0]).not.toMatch(/^basic/i);
    expect(seen).toHaveLength(0);
  });

  it("passes the upstream's 401 on with its Keystone challenge and tells the authenticator", async () => {
    const { upstream } = await recordingUpstream((_req, res) => {
      res.writeHead(401, [
        'WWW-Authenticate',
        'Keystone uri="https://keystone.example.org:5000/v3"',
        'WWW-Authenticate',
        'Basic realm="cloud"',
        'Set-Cookie',
        'cloud-session=1',
        'Content-Length',
        '0',
      ]);
      res.end();
    });
    const authenticator = fakeAuthenticator({ site: { 'X-Auth-Token': 'expired' } });
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`, { mode: 'user-token' })]), authenticator),
    );
    const response = await send(proxy.port, 'GET', '/occi/site/compute/');
    expect(response.status).toBe(401);
    expect(response.header('WWW-Authenticate')).toEqual(['Keystone uri="https://keystone.example.org:5000/v3"']);
    // A Basic challenge would make the browser show its own password dialog over the console.
    expect(response.header('X-Upstream-WWW-Authenticate')).toEqual(['Basic realm="cloud"']);
    expect(response.header('Set-Cookie')).toEqual(['occi_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict']);
    expect(authenticator.rejected).toEqual(['site']);
  });
});

describe('failures in words', () => {
  it('answers 502 naming the endpoint when nothing listens', async () => {
    const closed = await startUpstream((_req, res) => res.end());
    await closed.close();
    const proxy = await track(startTestProxy(testConfig([testEndpoint('gone', `${closed.url}/`)])));
    const response = await send(proxy.port, 'GET', '/occi/gone/-/');
    expect(response.status).toBe(502);
    expect(response.header('Content-Type')[0]).toMatch(/^text\/plain/);
    expect(response.text).toContain('"gone"');
    expect(response.text).toContain('refused the connection');
  });

  it('answers 502 when the upstream resets the connection', async () => {
    const upstream = await track(startUpstream((req) => req.socket.destroy()));
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    const response = await send(proxy.port, 'POST', '/occi/site/compute/', [], 'x');
    expect(response.status).toBe(502);
    expect(response.text).toContain('"site"');
  });

  it('answers 504 when the upstream sends nothing within the first-byte time-out', async () => {
    const upstream = await track(startUpstream(() => undefined));
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('slow', `${upstream.url}/`)], { limits: { firstByteTimeoutMs: 150 } })),
    );
    const started = Date.now();
    const response = await send(proxy.port, 'GET', '/occi/slow/-/');
    expect(response.status).toBe(504);
    expect(response.text).toContain('"slow"');
    expect(response.text).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('cuts an answer that outlasts the total time-out', async () => {
    const upstream = await track(
      startUpstream((_req, res) => {
        res.writeHead(200);
        res.write('partial');
      }),
    );
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('slow', `${upstream.url}/`)], { limits: { totalTimeoutMs: 200 } })),
    );
    const outcome = await new Promise<string>((resolve) => {
      request({ port: proxy.port, host: '127.0.0.1', path: '/occi/slow/-/' }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve('ended'));
        res.on('error', () => resolve('cut'));
        res.on('aborted', () => resolve('cut'));
      })
        .on('error', () => resolve('cut'))
        .end();
    });
    expect(outcome).toBe('cut');
    await sleep(50);
    expect(proxy.logs.at(-1)).toMatch(/ 200 .* incomplete$/);
  });

  it('aborts the upstream request when the client goes away', async () => {
    let upstreamGotRequest: () => void = () => undefined;
    const gotRequest = new Promise<void>((resolve) => {
      upstreamGotRequest = resolve;
    });
    const upstreamSawClose = new Promise<void>((resolve) => {
      void track(
        startUpstream((_req, res) => {
          res.on('close', () => resolve());
          upstreamGotRequest();
        }),
      ).then(async (upstream) => {
        const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
        const req = request({ port: proxy.port, host: '127.0.0.1', path: '/occi/site/compute/' });
        req.on('error', () => undefined);
        req.end();
        await gotRequest;
        req.destroy();
      });
    });
    await expect(
      Promise.race([upstreamSawClose.then(() => 'closed'), sleep(2000).then(() => 'still open')]),
    ).resolves.toBe('closed');
  });
});

describe('limits', () => {
  it('answers 413 for a declared body over the limit without contacting the endpoint', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxBodyBytes: 1000 } })),
    );
    const response = await send(proxy.port, 'POST', '/occi/site/compute/', [], 'x'.repeat(1001));
    expect(response.status).toBe(413);
    expect(response.text).toContain('1000 bytes');
    expect(seen).toHaveLength(0);
  });

  it('refuses a body declared too large before the client sends it (Expect: 100-continue)', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxBodyBytes: 1000 } })),
    );
    const raw = await sendRaw(
      proxy.port,
      `PUT /occi/site/compute/1 HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect(raw).not.toContain('100 Continue');
    expect(statusOf(raw)).toBe(413);
    expect(seen).toHaveLength(0);

    const accepted = await sendRaw(
      proxy.port,
      `PUT /occi/site/compute/1 HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\nhello`,
    );
    expect(accepted).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(seen.map((request) => request.body)).toEqual(['hello']);
  });

  it('answers 413 when a chunked body grows over the limit, and aborts the upstream request', async () => {
    const upstreamClosed = { value: false };
    const upstream = await track(
      startUpstream((req, res) => {
        req.resume();
        res.on('close', () => {
          upstreamClosed.value = true;
        });
      }),
    );
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxBodyBytes: 1000 } })),
    );
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { port: proxy.port, host: '127.0.0.1', method: 'POST', path: '/occi/site/compute/' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('x'.repeat(600));
      setTimeout(() => req.write('x'.repeat(600)), 50);
    });
    expect(status).toBe(413);
    await sleep(100);
    expect(upstreamClosed.value).toBe(true);
  });

  it('answers 431 in words when the request headers are too large', async () => {
    const { upstream, seen } = await recordingUpstream();
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxHeaderBytes: 2048 } })),
    );
    const raw = await sendRaw(
      proxy.port,
      `GET /occi/site/-/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-OCCI-Attribute: ${'a'.repeat(4096)}\r\n\r\n`,
    );
    expect(statusOf(raw)).toBe(431);
    expect(raw).toContain('OCCI_MAX_HEADER_BYTES');
    expect(seen).toHaveLength(0);
  });

  it('answers 502 when the upstream headers exceed their limit', async () => {
    const { upstream } = await recordingUpstream((_req, res) => {
      res.writeHead(200, { 'X-OCCI-Attribute': 'a'.repeat(4096) });
      res.end();
    });
    const proxy = await track(
      startTestProxy(
        testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxUpstreamHeaderBytes: 1024 } }),
      ),
    );
    const response = await send(proxy.port, 'GET', '/occi/site/-/');
    expect(response.status).toBe(502);
    expect(response.text).toContain('OCCI_MAX_UPSTREAM_HEADER_BYTES');
  });
});

describe('TLS per endpoint', () => {
  const tlsDir = fileURLToPath(new URL('./test-support/tls/', import.meta.url));
  const file = (name: string) => `${tlsDir}${name}`;

  async function httpsUpstream(requestCert: boolean) {
    const server = createHttpsServer(
      {
        cert: readFileSync(file('server.crt')),
        key: readFileSync(file('server.key')),
        ca: readFileSync(file('ca.crt')),
        requestCert,
        rejectUnauthorized: requestCert,
      },
      (req, res) => {
        const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.end(`hello ${peer.subject?.CN ?? 'anonymous'}`);
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    return `https://127.0.0.1:${port}/`;
  }

  function tlsEndpoint(id: string, url: string, tls: EndpointConfig['tls']): EndpointConfig {
    return { ...testEndpoint(id, url), tls };
  }

  it('refuses an unknown CA with a 502 that says TLS, trusts a configured CA, and skips checks only when insecure', async () => {
    const url = await httpsUpstream(false);
    const proxy = await track(
      startTestProxy(
        testConfig([
          tlsEndpoint('strict', url, { insecure: false }),
          tlsEndpoint('with-ca', url, { insecure: false, caFile: file('ca.crt') }),
          tlsEndpoint('insecure', url, { insecure: true }),
        ]),
      ),
    );
    const strict = await send(proxy.port, 'GET', '/occi/strict/-/');
    expect(strict.status).toBe(502);
    expect(strict.text).toContain('"strict"');
    expect(strict.text).toContain('TLS');
    expect((await send(proxy.port, 'GET', '/occi/with-ca/-/')).text).toBe('hello anonymous');
    expect((await send(proxy.port, 'GET', '/occi/insecure/-/')).text).toBe('hello anonymous');
  });

  it('presents the client certificate of an X.509 site', async () => {
    const url = await httpsUpstream(true);
    const proxy = await track(
      startTestProxy(
        testConfig([
          tlsEndpoint('x509', url, {
            insecure: false,
            caFile: file('ca.crt'),
            certFile: file('client.crt'),
            keyFile: file('client.key'),
          }),
          tlsEndpoint('no-cert', url, { insecure: false, caFile: file('ca.crt') }),
        ]),
      ),
    );
    expect((await send(proxy.port, 'GET', '/occi/x509/-/')).text).toBe('hello occi-console-test-user');
    expect((await send(proxy.port, 'GET', '/occi/no-cert/-/')).status).toBe(502);
  });
});

describe('keep-alive to the upstream', () => {
  it('reuses connections', async () => {
    const sockets = new Set<unknown>();
    const upstream = await track(
      startUpstream((req, res) => {
        sockets.add(req.socket);
        res.end('ok');
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    for (let i = 0; i < 5; i++) expect((await send(proxy.port, 'GET', '/occi/site/-/')).status).toBe(200);
    expect(sockets.size).toBe(1);
  });

  it('sends a GET again, once, when a kept-alive connection turns out closed; never a POST', async () => {
    // Closes a connection when a second request arrives on it: the race of an upstream closing an idle
    // connection just as the proxy reuses it, made certain.
    const served = new WeakSet<object>();
    const upstream = await track(
      startUpstream((req, res) => {
        if (served.has(req.socket)) {
          req.socket.destroy();
          return;
        }
        served.add(req.socket);
        req.resume();
        req.on('end', () => res.end('ok'));
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    expect((await send(proxy.port, 'GET', '/occi/site/-/')).status).toBe(200);
    expect((await send(proxy.port, 'GET', '/occi/site/-/')).status).toBe(200);
    expect((await send(proxy.port, 'POST', '/occi/site/compute/', [], 'body')).status).toBe(502);
  });
});
