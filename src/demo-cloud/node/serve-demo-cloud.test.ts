/**
 * The node:http adapter over real HTTP, with node:http requests (not fetch), so repeated header
 * lines stay visible in both directions, and raw sockets for what no HTTP client would send.
 */
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCloud } from '../create-demo-cloud.ts';
import type { DemoCloud } from '../demo-cloud-options.ts';
import { parseDemoCloudArgs } from './demo-cloud-cli.ts';
import { DEFAULT_MAX_BODY_BYTES, type ServedDemoCloud, serveDemoCloud } from './serve-demo-cloud.ts';

interface Exchange {
  readonly status: number;
  /** Every header line as it came, names as sent. */
  readonly rawHeaders: readonly string[];
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One request with node:http; an array value sends one header line per element. */
function send(
  url: string,
  options: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: string | Buffer },
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            rawHeaders: res.rawHeaders,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Bytes straight onto a socket; resolves with everything the server wrote before it closed. */
function sendRaw(url: string, bytes: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const socket = connect(Number(target.port), target.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.end(), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer is fine; the answer is what matters.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
  });
}

/** Header values of one name, line by line, from rawHeaders. */
function lines(exchange: Exchange, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < exchange.rawHeaders.length; i += 2) {
    if (exchange.rawHeaders[i]?.toLowerCase() === name.toLowerCase()) values.push(exchange.rawHeaders[i + 1] ?? '');
  }
  return values;
}

const COMPUTE = 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"';
const TINY = 'm1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"';
const CIRROS = 'cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"';

describe('serveDemoCloud with the real demo cloud', () => {
  let served: ServedDemoCloud;
  beforeAll(async () => {
    served = await serveDemoCloud(createDemoCloud({ actionDelayMs: 0 }), { port: 0 });
  });
  afterAll(() => served.close());

  it('listens on a free port of 127.0.0.1 and says where', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.url).not.toMatch(/:0$/);
  });

  it('serves the query interface at /-/', async () => {
    const answer = await send(served.url, { path: '/-/', headers: { Accept: 'text/plain' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toContain('Category: compute;');
    expect(answer.body).toContain('scheme="http://schemas.ogf.org/occi/infrastructure#"');
    expect(answer.headers.server).toContain('OCCI/1.2');
  });

  it('writes OCCI header names as servers spell them, not in lower case', async () => {
    const answer = await send(served.url, { path: '/-/', headers: { Accept: 'text/occi' } });
    expect(answer.status).toBe(200);
    const names = new Set(answer.rawHeaders.filter((_, i) => i % 2 === 0));
    expect(names).toContain('Category');
    expect(names).toContain('Content-Type');
  });

  it('creates a VM from a text/occi request with a separate Category line per category', async () => {
    const answer = await send(served.url, {
      method: 'POST',
      path: '/compute/',
      headers: { 'Content-Type': 'text/occi', Category: [COMPUTE, TINY, CIRROS] },
    });
    expect(answer.status).toBe(201);
    expect(lines(answer, 'Location')).toHaveLength(1);
    expect(answer.headers.location).toMatch(/\/compute\/[^/]+$/);

    const location = new URL(answer.headers.location as string, served.url);
    const created = await send(served.url, { path: location.pathname, headers: { Accept: 'text/plain' } });
    expect(created.status).toBe(200);
    expect(created.body).toContain('m1.tiny');
    expect(created.body).toContain('cirros-0.3.0-x86_64-blank');
  });

  it('creates a VM when the categories come comma-joined on one line, as browsers send them', async () => {
    const answer = await send(served.url, {
      method: 'POST',
      path: '/compute/',
      headers: { 'Content-Type': 'text/occi', Category: `${COMPUTE}, ${TINY}, ${CIRROS}` },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toMatch(/\/compute\/[^/]+$/);
  });

  it('reads a header literally named occi.storage.size, which curl cannot send but node:http can', async () => {
    const answer = await send(served.url, {
      method: 'POST',
      path: '/storage/',
      headers: {
        'Content-Type': 'text/occi',
        Category: 'storage; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'occi.storage.size': '1.0',
      },
    });
    expect(answer.status).toBe(201);
    const location = new URL(answer.headers.location as string, served.url);
    const created = await send(served.url, { path: location.pathname, headers: { Accept: 'text/plain' } });
    expect(created.body).toMatch(/occi\.storage\.size=1(\.0)?\b/);
  });

  it('builds absolute URLs from the Host the client used', async () => {
    const answer = await send(served.url, {
      path: '/compute/',
      headers: { Accept: 'text/uri-list', Host: 'cloud.example:8787' },
    });
    expect(answer.status).toBe(200);
    const uris = answer.body.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^(http:\/\/cloud\.example:8787)?\/compute\//);
  });

  it('answers a body over the limit with 413 and keeps serving', async () => {
    const answer = await send(served.url, {
      method: 'POST',
      path: '/compute/',
      headers: { 'Content-Type': 'text/plain', Category: COMPUTE },
      body: Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 'a'),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toContain(String(DEFAULT_MAX_BODY_BYTES));
    expect((await send(served.url, { path: '/-/' })).status).toBe(200);
  });

  it('refuses an oversized body announced with Expect: 100-continue before it is sent', async () => {
    const answer = await sendRaw(
      served.url,
      `POST /compute/ HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nExpect: 100-continue\r\n` +
        `Content-Length: ${DEFAULT_MAX_BODY_BYTES + 1}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toContain('100 Continue');
  });

  it.each([
    ['garbage instead of a request line', 'GARBAGE\r\n\r\n'],
    ['a header line without a colon', 'GET /-/ HTTP/1.1\r\nHost: x\r\nthis is no header\r\n\r\n'],
    ['a control character in a header value', 'GET /-/ HTTP/1.1\r\nHost: x\r\nCategory: a\u0001b\r\n\r\n'],
    [
      'a request target that is neither a path nor a URL',
      'GET compute HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ],
    ['the asterisk request target', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a Host that is not a host', 'GET /-/ HTTP/1.1\r\nHost: a b/c@d\r\nConnection: close\r\n\r\n'],
    ['a method the fetch API refuses', 'TRACE /-/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a body shorter than its Content-Length', 'POST /compute/ HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nab'],
    ['an invalid chunked body', 'POST /compute/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a Content-Length that is not a number', 'POST /compute/ HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n'],
  ])('survives %s and keeps serving', async (_, bytes) => {
    const answer = await sendRaw(served.url, bytes, 300);
    if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
    expect((await send(served.url, { path: '/-/' })).status).toBe(200);
  });

  it.each([
    ['OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '400 Bad Request'],
    ['TRACE /-/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '501 Not Implemented'],
    // A Host that cannot be a host: the URL falls back to the server's own address.
    ['GET /-/ HTTP/1.1\r\nHost: a b/c@d\r\nConnection: close\r\n\r\n', '200 OK'],
    // The absolute form a client sends to a proxy.
    ['GET http://cloud.example/-/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '200 OK'],
  ])('answers %j with %s', async (bytes, status) => {
    expect(await sendRaw(served.url, bytes)).toMatch(new RegExp(`^HTTP/1\\.1 ${status}\r\n`));
  });

  it('answers what the parser rejects with a plain-text 400', async () => {
    const answer = await sendRaw(served.url, 'GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: text/plain');
  });

  it('survives a client that goes away before its body is complete', async () => {
    await new Promise<void>((resolve, reject) => {
      const target = new URL(served.url);
      const socket = connect(Number(target.port), target.hostname, () => {
        socket.write('POST /compute/ HTTP/1.1\r\nHost: x\r\nContent-Type: text/occi\r\nContent-Length: 100\r\n\r\nab');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', reject);
    });
    expect((await send(served.url, { path: '/-/' })).status).toBe(200);
  });
});

describe('serveDemoCloud, what it hands the cloud', () => {
  let seen: Request[] = [];
  let answerWith: (request: Request) => Promise<Response> = async () => new Response('ok');
  const cloud: DemoCloud = {
    handle: async (request) => {
      seen.push(request.clone());
      return answerWith(request);
    },
  };
  let served: ServedDemoCloud;
  beforeAll(async () => {
    served = await serveDemoCloud(cloud, { port: 0, maxBodyBytes: 1_000 });
  });
  afterAll(() => served.close());
  afterEach(() => {
    seen = [];
    answerWith = async () => new Response('ok');
  });

  it('keeps every repeated header line (Headers joins them with ", ")', async () => {
    await send(served.url, {
      method: 'POST',
      path: '/compute/',
      headers: { Category: ['a; scheme="s#"', 'b; scheme="s#"'], 'X-OCCI-Attribute': ['x=1', 'y="2"'] },
    });
    expect(seen[0]?.headers.get('category')).toBe('a; scheme="s#", b; scheme="s#"');
    expect(seen[0]?.headers.get('x-occi-attribute')).toBe('x=1, y="2"');
  });

  it('hands over method, absolute URL with query, and body; not the hop-by-hop headers', async () => {
    await send(served.url, {
      method: 'PUT',
      path: '/compute/1?action=stop',
      headers: { 'Content-Type': 'text/plain', Connection: 'keep-alive', 'X-Auth-Token': 't' },
      body: 'Category: stop',
    });
    const request = seen[0] as Request;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`${served.url}/compute/1?action=stop`);
    expect(request.headers.get('x-auth-token')).toBe('t');
    expect(request.headers.has('connection')).toBe(false);
    expect(request.headers.has('content-length')).toBe(false);
    expect(await request.text()).toBe('Category: stop');
  });

  it('keeps a path that starts with // a path', async () => {
    await send(served.url, { path: '//compute/' });
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('//compute/');
    expect(new URL(seen[0]?.url ?? '').host).toBe(new URL(served.url).host);
  });

  it('writes status, every header and the body; repeated response values arrive joined', async () => {
    answerWith = async () => {
      const headers = new Headers({ 'Content-Type': 'text/plain' });
      headers.append('Category', 'a; scheme="s#"');
      headers.append('Category', 'b; scheme="s#"');
      headers.append('X-OCCI-Location', '/compute/1');
      return new Response('Category: a; scheme="s#"\n', { status: 201, headers });
    };
    const answer = await send(served.url, { path: '/x' });
    expect(answer.status).toBe(201);
    expect(lines(answer, 'Category')).toEqual(['a; scheme="s#", b; scheme="s#"']);
    expect(lines(answer, 'X-OCCI-Location')).toEqual(['/compute/1']);
    expect(answer.body).toBe('Category: a; scheme="s#"\n');
  });

  it('sends no body for HEAD and for 204', async () => {
    answerWith = async () => new Response('not for HEAD', { headers: { 'Content-Type': 'text/plain' } });
    const head = await send(served.url, { method: 'HEAD', path: '/-/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    answerWith = async () => new Response(null, { status: 204 });
    const empty = await send(served.url, { path: '/compute/' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBe('');
  });

  it('answers 500 in text/plain when the cloud throws, and keeps serving', async () => {
    answerWith = async () => {
      throw new Error('store exploded');
    };
    const answer = await send(served.url, { path: '/-/' });
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toContain('store exploded');
    answerWith = async () => new Response('ok');
    expect((await send(served.url, { path: '/-/' })).status).toBe(200);
  });

  it('answers 413 for a chunked body that grows past the limit, without calling the cloud', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const target = new URL(served.url);
      const req = httpRequest(
        { host: target.hostname, port: target.port, method: 'POST', path: '/compute/', agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // No Content-Length: node sends it chunked, so the limit is found while reading.
      for (let i = 0; i < 5; i += 1) req.write(Buffer.alloc(400, 'a'));
      req.end();
    });
    expect(answer).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('accepts a body exactly at the limit', async () => {
    const answer = await send(served.url, { method: 'POST', path: '/x', body: Buffer.alloc(1_000, 'a') });
    expect(answer.status).toBe(200);
    expect((await seen[0]?.arrayBuffer())?.byteLength).toBe(1_000);
  });

  it('close() ends idle keep-alive connections instead of waiting for them', async () => {
    const other = await serveDemoCloud(cloud, { port: 0 });
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const target = new URL(other.url);
      httpRequest({ host: target.hostname, port: target.port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = Date.now();
    await other.close();
    agent.destroy();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('parseDemoCloudArgs', () => {
  it('gives the defaults with no arguments', () => {
    expect(parseDemoCloudArgs([])).toEqual({
      ok: true,
      help: false,
      options: { port: 8787, host: '127.0.0.1', cloud: { profile: 'standard', seed: 'tenant' } },
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseDemoCloudArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--profile',
        'rocci',
        '--seed',
        '1000',
        '--action-delay',
        '0',
        '--latency=250',
        '--error-rate',
        '0.25',
      ]),
    ).toEqual({
      ok: true,
      help: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        cloud: { profile: 'rocci', seed: { resources: 1000 }, actionDelayMs: 0, latencyMs: 250, errorRate: 0.25 },
      },
    });
    const empty = parseDemoCloudArgs(['--seed', 'empty']);
    expect(empty.ok && !empty.help && empty.options.cloud.seed).toBe('empty');
  });

  it('asks for help with --help or -h', () => {
    expect(parseDemoCloudArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseDemoCloudArgs(['-h', '--port', 'nonsense'])).toEqual({ ok: true, help: true });
  });

  it('lists every wrong value at once', () => {
    const parsed = parseDemoCloudArgs([
      '--port',
      '70000',
      '--profile',
      'openstack',
      '--seed',
      '10001',
      '--action-delay',
      '-1',
      '--latency',
      'slow',
      '--error-rate',
      '1.5',
      '--host',
      '',
    ]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      '--port: "70000" is not a port number from 0 to 65535',
      '--host: "" is not an address',
      '--profile: "openstack" is not one of standard, ooi, rocci, pyssf',
      '--seed: "10001" is not tenant, empty, or a whole number from 0 to 10000',
      '--action-delay: "-1" is not a number of milliseconds from 0 to 86400000',
      '--latency: "slow" is not a number of milliseconds from 0 to 86400000',
      '--error-rate: "1.5" is not a number from 0 to 1',
    ]);
  });

  it.each([
    [['--port', '80.5'], '--port: "80.5" is not a port number from 0 to 65535'],
    [['--port', ''], '--port: "" is not a port number from 0 to 65535'],
    [['--seed', 'lots'], '--seed: "lots" is not tenant, empty, or a whole number from 0 to 10000'],
    [['--error-rate', ''], '--error-rate: "" is not a number from 0 to 1'],
    [['--error-rate', 'NaN'], '--error-rate: "NaN" is not a number from 0 to 1'],
    [['--latency', 'Infinity'], '--latency: "Infinity" is not a number of milliseconds from 0 to 86400000'],
    [['--port'], '--port needs a value'],
    [['--verbose'], 'unknown option --verbose'],
    [['-p', '80'], 'unknown option -p'],
    [['8787'], 'unexpected argument "8787" (options start with --)'],
    [['--help=yes'], '--help takes no value'],
  ])('refuses %j', (argv, error) => {
    const parsed = parseDemoCloudArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContain(error);
  });
});
