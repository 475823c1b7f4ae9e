/**
 * The servers of the proxy benchmark, each started in its own process (as in production, where the
 * cloud, the proxy and the browser are three programs): it listens on a loopback port and sends that
 * port to the parent. Each also reports its CPU time between the parent's `start` and `stop` messages.
 */
import { openSync, writeSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the trivial upstream answers: a small compute entity in text/plain, always the same bytes. */
export const TRIVIAL_BODY = [
  'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
  'X-OCCI-Attribute: occi.core.id="6f0b3c2e-8a31-4c8e-9a4e-1c0a2b6f7d10"',
  'X-OCCI-Attribute: occi.core.title="web-1"',
  'X-OCCI-Attribute: occi.compute.cores=2',
  'X-OCCI-Attribute: occi.compute.memory=4.0',
  'X-OCCI-Attribute: occi.compute.state="active"',
  'Link: </compute/6f0b3c2e-8a31-4c8e-9a4e-1c0a2b6f7d10?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
  '',
].join('\n');

function announce(port: number): void {
  process.send?.({ port });
}

/** The least an upstream can do: the same fixed body for every request, with no work behind it. */
export async function serveTrivialUpstream(): Promise<void> {
  const body = Buffer.from(TRIVIAL_BODY);
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, [
      'Content-Type',
      'text/plain; charset=utf-8',
      'Server',
      'OCCI/1.2 bench-upstream',
      'Content-Length',
      String(body.length),
    ]);
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  announce((server.address() as AddressInfo).port);
}

/**
 * An upstream that does the work an OCCI server does: the embedded demo cloud (the seeded tenant) over
 * HTTP, exactly as `npm run demo-cloud` serves it. It routes, negotiates and renders every answer.
 */
export async function serveDemoCloudUpstream(): Promise<void> {
  const { createDemoCloud } = await import('../src/demo-cloud/create-demo-cloud.ts');
  const { serveDemoCloud } = await import('../src/demo-cloud/node/serve-demo-cloud.ts');
  const served = await serveDemoCloud(createDemoCloud({ actionDelayMs: 0 }), { port: 0, host: '127.0.0.1' });
  announce(Number(new URL(served.url).port));
}

/** The proxy, started as `npm start` starts it, its access log batched as there, into /dev/null. */
export async function serveProxy(upstreamUrl: string): Promise<void> {
  const { loadConfig } = await import('../src/proxy/load-config.ts');
  const { startProxy } = await import('../src/proxy/start-proxy.ts');
  const { createBatchedLog } = await import('../src/proxy/batched-log.ts');
  const loaded = loadConfig({
    OCCI_ENDPOINT: upstreamUrl,
    PORT: '0',
    SESSION_SECRET: '00'.repeat(32),
    OCCI_APP_DIR: '/nonexistent-occi-console-dist',
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  // One synchronous write per batch: what process.stdout does for files and pipes on Linux.
  const sink = openSync('/dev/null', 'w');
  const proxy = await startProxy(loaded.config, { log: createBatchedLog((text) => writeSync(sink, text)) });
  announce(Number(new URL(proxy.url).port));
}

/**
 * The calibration: the least a node:http proxy can do (`http.request` + `pipe` over a keep-alive agent;
 * no checks, no timers, no log, no header filtering). What it loses against direct is the price of one
 * more process and two more loopback hops on this machine, which no proxy written on node:http avoids.
 */
export async function serveBareProxy(upstreamUrl: string): Promise<void> {
  const upstream = new URL(upstreamUrl);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const outgoing = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: (req.url ?? '/').replace('/occi/default', ''),
        headers: { host: upstream.host, accept: req.headers.accept ?? '*/*' },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  announce((server.address() as AddressInfo).port);
}

/** CPU time (user + system) between the parent's `start` and `stop`, sent back on `stop`. */
export function reportCpuOnRequest(): void {
  let since = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'start') since = process.cpuUsage();
    if (message === 'stop') {
      const used = process.cpuUsage(since);
      process.send?.({ cpuMicros: used.user + used.system });
    }
  });
}
