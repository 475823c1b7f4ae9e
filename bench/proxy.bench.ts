/**
 * `npm run bench`, the proxy's part: requests per second and latency (p50, p99) of the same keep-alive
 * client against an upstream on loopback, directly and through the proxy, in the same run.
 *
 * Three processes, as in production three programs: the upstream (a plain node:http server answering a
 * small fixed OCCI text/plain body), the proxy (started as `npm start` starts it, logging to /dev/null),
 * and the client (raw keep-alive sockets, one request in flight per connection, so the client costs
 * little and the servers decide the figures). On a 2-core machine the proxy case runs three busy
 * processes on two cores: part of the gap is that.
 *
 * A third server calibrates: the barest node:http proxy there is (`http.request` + `pipe`, no checks,
 * no timers, no log), in its own process too. What it loses against direct is what this machine charges
 * for one more process and two more loopback hops; what the real proxy loses against it is the proxy's
 * own work. Each proxy also reports its CPU time per request.
 *
 * Targets (issue 4): through the proxy at least 80% of direct throughput (judged with many connections,
 * where throughput is the limit) and under 1 ms added at p50 (judged with one connection, where there is
 * no queueing to hide or inflate it).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { openSync, writeSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const WARM_UP_MS = 700;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 3000);
const MANY = Number(process.env.BENCH_CONNECTIONS ?? 16);
/**
 * `raw` (default): the lightest client, so the servers decide the figures. `node`: Node's own
 * `http.request` with a keep-alive agent, a client as heavy as the proxy's upstream side (the kind of
 * client behind the toolchain note's "4.5k against 5.5k"): direct is then partly client-bound.
 */
const CLIENT = process.env.BENCH_CLIENT === 'node' ? 'node' : 'raw';

const BODY = [
  'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
  'X-OCCI-Attribute: occi.core.id="6f0b3c2e-8a31-4c8e-9a4e-1c0a2b6f7d10"',
  'X-OCCI-Attribute: occi.core.title="web-1"',
  'X-OCCI-Attribute: occi.compute.cores=2',
  'X-OCCI-Attribute: occi.compute.memory=4.0',
  'X-OCCI-Attribute: occi.compute.state="active"',
  'Link: </compute/6f0b3c2e-8a31-4c8e-9a4e-1c0a2b6f7d10?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------
// The two servers, each in its own process.

async function serveUpstream(): Promise<void> {
  const body = Buffer.from(BODY);
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
  process.send?.({ port: (server.address() as AddressInfo).port });
}

async function serveProxy(upstreamUrl: string): Promise<void> {
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
  // The access log is written as `npm start` writes it: batched per turn of the event loop, with one
  // synchronous write (what process.stdout does for files and pipes on Linux), here to /dev/null.
  const sink = openSync('/dev/null', 'w');
  const proxy = await startProxy(loaded.config, { log: createBatchedLog((text) => writeSync(sink, text)) });
  process.send?.({ port: Number(new URL(proxy.url).port) });
}

/** The calibration: the least a node:http proxy can do (no checks, no timers, no log, no limits). */
async function serveBareProxy(upstreamUrl: string): Promise<void> {
  const upstream = new URL(upstreamUrl);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const outgoing = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: (req.url ?? '/').replace('/occi/default', ''),
        headers: { host: upstream.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
}

/** In each server process: CPU time between the parent's 'start' and 'stop', sent back on 'stop'. */
function reportCpuOnRequest(): void {
  let since = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'start') since = process.cpuUsage();
    if (message === 'stop') {
      const used = process.cpuUsage(since);
      process.send?.({ cpuMicros: used.user + used.system });
    }
  });
}

function cpuBetween(server: ChildProcess, run: () => Promise<CaseResult>): Promise<[CaseResult, number]> {
  server.send('start');
  return run().then(
    (result) =>
      new Promise((resolve) => {
        server.once('message', (message) => resolve([result, (message as { cpuMicros: number }).cpuMicros]));
        server.send('stop');
      }),
  );
}

function child(role: string, ...args: string[]): Promise<{ process: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const started = fork(fileURLToPath(import.meta.url), [`--role=${role}`, ...args], { stdio: 'inherit' });
    started.once('message', (message) => resolve({ process: started, port: (message as { port: number }).port }));
    started.unref();
    started.once('error', reject);
    started.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// The client: raw keep-alive connections, one request in flight on each.

interface CaseResult {
  /** Answers received in the measured window. */
  readonly requests: number;
  /** Answers received in all, warm-up included (what the CPU time was spent on). */
  readonly allRequests: number;
  readonly seconds: number;
  readonly latenciesMs: Float64Array;
  readonly errors: number;
}

function runConnection(port: number, request: Buffer, until: () => boolean, onDone: (ms: number, ok: boolean) => void) {
  return new Promise<void>((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    const next = () => {
      if (until()) {
        socket.end();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on('connect', next);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const head = buffer.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
        if (!Number.isFinite(length)) {
          reject(new Error(`an answer without Content-Length:\n${head}`));
          socket.destroy();
          return;
        }
        const total = headEnd + 4 + length;
        if (buffer.length < total) return;
        const ok = head.startsWith('HTTP/1.1 200');
        buffer = buffer.subarray(total);
        onDone(performance.now() - sentAt, ok);
        next();
      }
    });
  });
}

function runNodeConnection(
  agent: Agent,
  port: number,
  path: string,
  until: () => boolean,
  onDone: (ms: number, ok: boolean) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const next = () => {
      if (until()) {
        resolve();
        return;
      }
      const sentAt = performance.now();
      request({ host: '127.0.0.1', port, path, agent, headers: { Accept: 'text/plain' } }, (res) => {
        res.resume();
        res.on('end', () => {
          onDone(performance.now() - sentAt, res.statusCode === 200);
          next();
        });
      })
        .on('error', reject)
        .end();
    };
    next();
  });
}

async function runCase(port: number, path: string, connections: number): Promise<CaseResult> {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/plain\r\n\r\n`);
  let measuring = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  setTimeout(() => {
    measuring = true;
    stopAt = performance.now() + MEASURE_MS;
  }, WARM_UP_MS);
  let measureStart = 0;
  let allRequests = 0;
  const onDone = (ms: number, ok: boolean) => {
    allRequests++;
    if (!measuring) return;
    if (measureStart === 0) measureStart = performance.now();
    latencies.push(ms);
    if (!ok) errors++;
  };
  const until = () => performance.now() >= stopAt || performance.now() - start > WARM_UP_MS + MEASURE_MS * 2;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  await Promise.all(
    Array.from({ length: connections }, () =>
      CLIENT === 'node'
        ? runNodeConnection(agent, port, path, until, onDone)
        : runConnection(port, request, until, onDone),
    ),
  );
  agent.destroy();
  const seconds = (performance.now() - measureStart) / 1000;
  return { requests: latencies.length, allRequests, seconds, latenciesMs: Float64Array.from(latencies).sort(), errors };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Row {
  readonly label: string;
  readonly connections: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** CPU of the server process the client talks to, per request. */
  readonly cpuMicros: number;
}

async function main(): Promise<void> {
  const upstream = await child('upstream');
  const target = `http://127.0.0.1:${upstream.port}/`;
  const [bare, proxy] = [await child('bare', target), await child('proxy', target)];
  const rows: Row[] = [];
  try {
    for (const connections of [1, MANY]) {
      for (const [label, server, path] of [
        ['direct', upstream, '/compute/6f0b3c2e'],
        ['bare', bare, '/occi/default/compute/6f0b3c2e'],
        ['proxy', proxy, '/occi/default/compute/6f0b3c2e'],
      ] as const) {
        const [result, cpu] = await cpuBetween(server.process, () => runCase(server.port, path, connections));
        rows.push({
          label,
          connections,
          rps: result.requests / result.seconds,
          p50: percentile(result.latenciesMs, 50),
          p99: percentile(result.latenciesMs, 99),
          errors: result.errors,
          cpuMicros: cpu / result.allRequests,
        });
      }
    }
  } finally {
    for (const server of [upstream, bare, proxy]) server.process.kill();
  }

  console.log(
    `\nProxy: GET of a ${Buffer.byteLength(BODY)}-byte OCCI text/plain answer on loopback, ${MEASURE_MS / 1000} s per case after ${WARM_UP_MS} ms of warm-up`,
  );
  console.log(
    `client: ${CLIENT === 'raw' ? 'raw keep-alive sockets' : "Node's http.request with a keep-alive agent"}; direct: the upstream itself; bare: a pipe-only node:http proxy (calibration); proxy: this proxy\n`,
  );
  console.log('| case   | connections |    req/s | p50 ms | p99 ms | server CPU µs/req | errors |');
  console.log('| ------ | ----------: | -------: | -----: | -----: | ----------------: | -----: |');
  for (const row of rows) {
    console.log(
      `| ${row.label.padEnd(6)} | ${String(row.connections).padStart(11)} | ${row.rps.toFixed(0).padStart(8)} | ${row.p50.toFixed(3).padStart(6)} | ${row.p99.toFixed(3).padStart(6)} | ${row.cpuMicros.toFixed(0).padStart(17)} | ${String(row.errors).padStart(6)} |`,
    );
  }
  const find = (label: string, connections: number): Row => {
    const row = rows.find((candidate) => candidate.label === label && candidate.connections === connections);
    if (row === undefined) throw new Error(`no ${label} case with ${connections} connections`);
    return row;
  };
  const [d1, b1, p1, dn, bn, pn] = [
    find('direct', 1),
    find('bare', 1),
    find('proxy', 1),
    find('direct', MANY),
    find('bare', MANY),
    find('proxy', MANY),
  ];
  const ratio = pn.rps / dn.rps;
  const addedOne = p1.p50 - d1.p50;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const micros = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log('');
  console.log(
    `throughput through the proxy: ${percent(ratio)} of direct with ${MANY} connections (${percent(p1.rps / d1.rps)} with 1); the bare proxy: ${percent(bn.rps / dn.rps)} (${percent(b1.rps / d1.rps)} with 1)`,
  );
  console.log(
    `added p50 latency: ${micros(addedOne)} with 1 connection (bare: ${micros(b1.p50 - d1.p50)}), ${micros(pn.p50 - dn.p50)} with ${MANY} (bare: ${micros(bn.p50 - dn.p50)})`,
  );
  console.log(
    `the proxy against the bare proxy: ${percent(pn.rps / bn.rps)} of its throughput, ${micros((pn.cpuMicros - bn.cpuMicros) / 1000)} more CPU per request`,
  );
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  const pass = ratio >= 0.8 && addedOne < 1 && errors === 0;
  console.log(
    `verdict: ${pass ? 'PASS' : 'FAIL'} (targets: >= 80% of direct throughput, < 1 ms added at p50${errors > 0 ? `; ${errors} answers were not 200` : ''})`,
  );
}

const role = process.argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
if (role === 'upstream') {
  reportCpuOnRequest();
  await serveUpstream();
} else if (role === 'bare') {
  reportCpuOnRequest();
  await serveBareProxy(process.argv[3] as string);
} else if (role === 'proxy') {
  reportCpuOnRequest();
  await serveProxy(process.argv[3] as string);
} else await main();
