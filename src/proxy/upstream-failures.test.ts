/**
 * The failures of forwarding that forward-request.test.ts leaves out: each time-out on its own, a host
 * name that does not resolve, and header sizes on both sides of their limits. Real servers on port 0.
 */
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  listen,
  send,
  sendRaw,
  sleep,
  startTestProxy,
  startUpstream,
  statusOf,
  testConfig,
  testEndpoint,
} from './test-support/proxy-test-kit.ts';
import { startUnacceptingListener } from './test-support/unaccepting-listener.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function track<T extends { close(): Promise<void> }>(running: Promise<T>): Promise<T> {
  const value = await running;
  closers.push(() => value.close());
  return value;
}

describe('time-outs', () => {
  it('answers 504 naming the endpoint when the connection is not accepted within the connect time-out', async () => {
    const listener = await track(startUnacceptingListener());
    const proxy = await track(
      startTestProxy(
        testConfig([testEndpoint('stuck', `http://127.0.0.1:${listener.port}/`)], {
          // The other time-outs are far away, so only the connect time-out can answer.
          limits: { connectTimeoutMs: 150, firstByteTimeoutMs: 10_000, totalTimeoutMs: 10_000 },
        }),
      ),
    );
    const started = Date.now();
    const response = await send(proxy.port, 'GET', '/occi/stuck/-/');
    expect(response.status).toBe(504);
    expect(response.header('Content-Type')[0]).toMatch(/^text\/plain/);
    expect(response.text).toContain(`"stuck" (http://127.0.0.1:${listener.port})`);
    expect(response.text).toContain('did not accept a connection within 150 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
    await sleep(20);
    expect(proxy.logs.at(-1)).toMatch(/ GET stuck \/occi\/stuck\/-\/ 504 /);
  });

  it('answers 504 at the total time-out when the upstream has accepted the request but sent nothing', async () => {
    const upstream = await track(startUpstream(() => undefined));
    const proxy = await track(
      startTestProxy(
        testConfig([testEndpoint('slow', `${upstream.url}/`)], {
          limits: { firstByteTimeoutMs: 10_000, totalTimeoutMs: 150 },
        }),
      ),
    );
    const started = Date.now();
    const response = await send(proxy.port, 'GET', '/occi/slow/-/');
    expect(response.status).toBe(504);
    expect(response.text).toContain('"slow"');
    expect(response.text).toContain('did not complete its answer within 150 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts the total time-out from the start, through a body that trickles in', async () => {
    // The body never ends, so the first-byte time-out (which starts once the request is sent) never
    // starts: the total time-out still ends the exchange.
    const upstream = await track(startUpstream(() => undefined));
    const proxy = await track(
      startTestProxy(
        testConfig([testEndpoint('slow', `${upstream.url}/`)], {
          limits: { firstByteTimeoutMs: 10_000, totalTimeoutMs: 200 },
        }),
      ),
    );
    const raw = await sendRaw(
      proxy.port,
      `POST /occi/slow/compute/ HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n`,
    );
    expect(statusOf(raw)).toBe(504);
    expect(raw).toContain('within 200 ms');
    // The client never finished its body: the connection is closed after the answer, not reused.
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
  });
});

describe('an endpoint whose host name does not resolve', () => {
  it('answers 502 naming the endpoint, its host and the cause', async () => {
    // `.invalid` never resolves (RFC 6761), with or without a network.
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('nowhere', 'http://no-such-host.invalid:8080/occi/')])),
    );
    const response = await send(proxy.port, 'GET', '/occi/nowhere/-/');
    expect(response.status).toBe(502);
    expect(response.header('Content-Type')[0]).toMatch(/^text\/plain/);
    // The proxy's own answer, so the console does not present it as the cloud's words.
    expect(response.header('X-Console-Proxy-Answer')).toEqual(['1']);
    expect(response.text).toContain('"nowhere" (http://no-such-host.invalid:8080)');
    expect(response.text).toMatch(/could not be found: .*\((?:ENOTFOUND|EAI_AGAIN)\)/);
  });
});

describe('header sizes', () => {
  it('raises the request header limit above node’s own default when configured so', async () => {
    // The upstream takes large headers too, so the answer says what the proxy let through.
    const upstream = await track(
      listen(
        createServer({ maxHeaderSize: 128 * 1024 }, (req, res) =>
          res.end(String(req.headers['x-occi-attribute']?.length)),
        ),
      ),
    );
    const proxy = await track(
      startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)], { limits: { maxHeaderBytes: 64 * 1024 } })),
    );
    // 20 KiB: over node's 16 KiB default, under the configured 64 KiB.
    const response = await send(proxy.port, 'GET', '/occi/site/-/', ['X-OCCI-Attribute', 'a'.repeat(20 * 1024)]);
    expect(response.status).toBe(200);
    expect(response.text).toBe(String(20 * 1024));
  });

  it('passes a text/occi answer with 100 KiB of header lines under the default upstream limit', async () => {
    // text/occi puts a whole query interface in header lines; node alone would refuse past 16 KiB.
    const lines = Array.from(
      { length: 1000 },
      (_, i) => `term${i}; scheme="http://example.org/occi#"; ${'x'.repeat(60)}`,
    );
    const upstream = await track(
      startUpstream((_req, res) => {
        res.writeHead(200, ['Content-Type', 'text/occi', ...lines.flatMap((line) => ['Category', line])]);
        res.end();
      }),
    );
    const proxy = await track(startTestProxy(testConfig([testEndpoint('site', `${upstream.url}/`)])));
    // Read raw: node's own client would refuse these headers past 16 KiB.
    const raw = await sendRaw(
      proxy.port,
      `GET /occi/site/-/ HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(raw)).toBe(200);
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const categories = head
      .split('\r\n')
      .filter((line) => line.startsWith('Category: '))
      .map((line) => line.slice('Category: '.length));
    expect(categories).toEqual(lines);
  });
});
