/**
 * `npm run bench`, the proxy's part: requests per second and latency (p50, p99) of the same keep-alive
 * client against an upstream on loopback, directly and through the proxy, in the same run.
 *
 * Method. Every server runs in its own process, as in production: the upstream, the proxy (started as
 * `npm start` starts it, its access log written to /dev/null), and a calibration proxy (below). The
 * client (proxy-load-client.ts) keeps its connections alive and has one request in flight on each. Each
 * case warms up, then measures, in turns taken with the other cases of its table (direct, bare, proxy,
 * direct, ...), so that other programs on the machine weigh on all three alike; each server reports its
 * CPU time per request.
 *
 * Two upstreams, because the ratio depends on what the upstream costs:
 * - trivial: a node:http server answering a fixed 461-byte body with no work behind it. The proxy then
 *   does about twice the upstream's work per request (it is an HTTP server and an HTTP client), so its
 *   throughput cannot come near the upstream's: this case shows the proxy's own cost, not what a user
 *   sees.
 * - demo cloud: the embedded OCCI provider over HTTP (serve-demo-cloud.ts), which routes, negotiates and
 *   renders each answer as an OCCI server does, asked for its query interface (`GET /-/`) and for one
 *   compute entity. Real clouds (OpenStack behind ooi, rOCCI-server) do far more per request than that.
 *
 * The calibration: the barest node:http proxy there is (`http.request` + `pipe`, no checks, no timers,
 * no log). What it loses against direct is what this machine charges for one more process and two more
 * loopback hops; what the proxy loses against it is the proxy's own work. On a 2-core machine the
 * proxied cases run three busy processes on two cores: part of the gap is that.
 *
 * Targets (issue 4): through the proxy at least 80% of direct throughput (judged with many connections,
 * where throughput is the limit) and under 1 ms added at p50 (judged with one connection, where there is
 * no queueing to hide or inflate it). Each is judged for each upstream and printed with PASS or FAIL.
 *
 * Environment: BENCH_MEASURE_MS (default 3000), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 16),
 * BENCH_CLIENT (`raw` or `node`, see proxy-load-client.ts).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  reportCpuOnRequest,
  serveBareProxy,
  serveDemoCloudUpstream,
  serveProxy,
  serveTrivialUpstream,
} from './proxy-bench-servers.ts';
import { type ClientKind, type LoadResult, percentile, runLoad } from './proxy-load-client.ts';

const WARM_UP_MS = 700;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 3000);
/** Each case's measuring time is split into this many turns, taken in turn with the other cases. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Warm-up of the later turns: the connections are new, the servers already warm. */
const ROUND_WARM_UP_MS = 200;
const MANY = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CLIENT: ClientKind = process.env.BENCH_CLIENT === 'node' ? 'node' : 'raw';
const THROUGHPUT_TARGET = 0.8;
const ADDED_P50_TARGET_MS = 1;

interface Server {
  readonly process: ChildProcess;
  readonly port: number;
}

function child(role: string, ...args: string[]): Promise<Server> {
  return new Promise((resolve, reject) => {
    const started = fork(fileURLToPath(import.meta.url), [`--role=${role}`, ...args], { stdio: 'inherit' });
    started.once('message', (message) => resolve({ process: started, port: (message as { port: number }).port }));
    started.unref();
    started.once('error', reject);
    started.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** Runs one case while the server answering the client counts its CPU time. */
function measure(server: Server, path: string, connections: number, warmUpMs: number): Promise<[LoadResult, number]> {
  server.process.send('start');
  return runLoad({
    port: server.port,
    path,
    connections,
    warmUpMs,
    measureMs: MEASURE_MS / ROUNDS,
    client: CLIENT,
  }).then(
    (result) =>
      new Promise((resolve) => {
        server.process.once('message', (message) => resolve([result, (message as { cpuMicros: number }).cpuMicros]));
        server.process.send('stop');
      }),
  );
}

/** A GET on loopback: status and body, for finding a path to measure and the size of its answer. */
function fetchText(port: number, path: string, accept: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { Accept: accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

interface Row {
  readonly label: 'direct' | 'bare' | 'proxy';
  readonly connections: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** CPU of the server process the client talks to, per request. */
  readonly cpuMicros: number;
}

interface Scenario {
  readonly title: string;
  readonly upstream: Server;
  readonly bare: Server;
  readonly proxy: Server;
  /** The path on the upstream; through the proxies it is under /occi/default. */
  readonly path: string;
}

interface Verdict {
  readonly title: string;
  readonly ratio: number;
  readonly bareRatio: number;
  readonly addedP50Ms: number;
  readonly errors: number;
}

async function runScenario(scenario: Scenario): Promise<Verdict> {
  const rows: Row[] = [];
  for (const connections of [1, MANY]) {
    const cases = [
      { label: 'direct', server: scenario.upstream, path: scenario.path },
      { label: 'bare', server: scenario.bare, path: `/occi/default${scenario.path}` },
      { label: 'proxy', server: scenario.proxy, path: `/occi/default${scenario.path}` },
    ] as const;
    const totals = cases.map(() => ({
      requests: 0,
      allRequests: 0,
      seconds: 0,
      errors: 0,
      cpu: 0,
      latencies: [] as number[],
    }));
    // In turns, so that a change in what else the machine runs weighs on the three cases alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { server, path }] of cases.entries()) {
        const [result, cpu] = await measure(server, path, connections, round === 0 ? WARM_UP_MS : ROUND_WARM_UP_MS);
        const total = totals[i] as (typeof totals)[number];
        total.requests += result.requests;
        total.allRequests += result.allRequests;
        total.seconds += result.seconds;
        total.errors += result.errors;
        total.cpu += cpu;
        for (const ms of result.latenciesMs) total.latencies.push(ms);
      }
    }
    for (const [i, { label }] of cases.entries()) {
      const total = totals[i] as (typeof totals)[number];
      const latencies = Float64Array.from(total.latencies).sort();
      rows.push({
        label,
        connections,
        rps: total.requests / total.seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors: total.errors,
        cpuMicros: total.cpu / total.allRequests,
      });
    }
  }
  const find = (label: Row['label'], connections: number): Row => {
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
  const verdict: Verdict = {
    title: scenario.title,
    ratio: pn.rps / dn.rps,
    bareRatio: bn.rps / dn.rps,
    addedP50Ms: p1.p50 - d1.p50,
    errors: rows.reduce((sum, row) => sum + row.errors, 0),
  };

  console.log(`\n### ${scenario.title}\n`);
  console.log('| case   | connections |    req/s | p50 ms | p99 ms | server CPU µs/req | errors |');
  console.log('| ------ | ----------: | -------: | -----: | -----: | ----------------: | -----: |');
  for (const row of rows) {
    console.log(
      `| ${row.label.padEnd(6)} | ${String(row.connections).padStart(11)} | ${row.rps.toFixed(0).padStart(8)} | ${row.p50.toFixed(3).padStart(6)} | ${row.p99.toFixed(3).padStart(6)} | ${row.cpuMicros.toFixed(0).padStart(17)} | ${String(row.errors).padStart(6)} |`,
    );
  }
  console.log('');
  console.log(
    `throughput through the proxy: ${percent(verdict.ratio)} of direct with ${MANY} connections (${percent(p1.rps / d1.rps)} with 1); target >= ${percent(THROUGHPUT_TARGET)}: ${passOrFail(verdict.ratio >= THROUGHPUT_TARGET)}`,
  );
  console.log(
    `  calibration: the bare pipe proxy reaches ${percent(verdict.bareRatio)} (${percent(b1.rps / d1.rps)} with 1); the proxy reaches ${percent(pn.rps / bn.rps)} of the bare proxy, with ${(pn.cpuMicros - bn.cpuMicros).toFixed(0)} µs more CPU per request`,
  );
  console.log(
    `added p50 latency with 1 connection: ${micros(verdict.addedP50Ms)} (bare: ${micros(b1.p50 - d1.p50)}); target < ${ADDED_P50_TARGET_MS} ms: ${passOrFail(verdict.addedP50Ms < ADDED_P50_TARGET_MS)}`,
  );
  console.log(`  with ${MANY} connections: ${micros(pn.p50 - dn.p50)} (bare: ${micros(bn.p50 - dn.p50)})`);
  if (verdict.errors > 0) console.log(`FAIL: ${verdict.errors} answers were not 200`);
  return verdict;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const micros = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const passOrFail = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const servers: Server[] = [];
  const start = async (role: string, ...args: string[]) => {
    const server = await child(role, ...args);
    servers.push(server);
    return server;
  };
  const verdicts: Verdict[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const trivial = await start('trivial-upstream');
    const demo = await start('demo-cloud-upstream');
    const trivialUrl = `http://127.0.0.1:${trivial.port}/`;
    const demoUrl = `http://127.0.0.1:${demo.port}/`;
    const [trivialBare, trivialProxy, demoBare, demoProxy] = [
      await start('bare', trivialUrl),
      await start('proxy', trivialUrl),
      await start('bare', demoUrl),
      await start('proxy', demoUrl),
    ];
    const entity = (await fetchText(demo.port, '/compute/', 'text/uri-list')).body.split('\n')[0]?.trim() ?? '';
    if (!entity.startsWith('/compute/')) throw new Error(`the demo cloud listed no compute: ${JSON.stringify(entity)}`);
    const size = async (port: number, path: string) =>
      Buffer.byteLength((await fetchText(port, path, 'text/plain')).body);

    console.log(
      `\nProxy: GET on loopback, text/plain answers; ${MEASURE_MS / 1000} s per case in ${ROUNDS} turns taken in turn with the other cases, after ${WARM_UP_MS} ms of warm-up (${ROUND_WARM_UP_MS} ms for later turns); client: ${CLIENT === 'raw' ? 'raw keep-alive sockets' : "Node's http.request with a keep-alive agent"}`,
    );
    console.log(
      'direct: the upstream itself; bare: a pipe-only node:http proxy (calibration); proxy: this proxy. Server CPU is that of the process the client talks to.',
    );
    const scenarios: Scenario[] = [
      {
        title: `trivial upstream: GET /compute/6f0b3c2e, a fixed ${await size(trivial.port, '/compute/6f0b3c2e')}-byte answer with no work behind it`,
        upstream: trivial,
        bare: trivialBare,
        proxy: trivialProxy,
        path: '/compute/6f0b3c2e',
      },
      {
        title: `demo cloud: GET /-/, the query interface (${await size(demo.port, '/-/')} bytes)`,
        upstream: demo,
        bare: demoBare,
        proxy: demoProxy,
        path: '/-/',
      },
      {
        title: `demo cloud: GET ${entity}, one compute entity (${await size(demo.port, entity)} bytes)`,
        upstream: demo,
        bare: demoBare,
        proxy: demoProxy,
        path: entity,
      },
    ];
    for (const scenario of scenarios) verdicts.push(await runScenario(scenario));
  } finally {
    for (const server of servers) server.process.kill();
  }

  console.log(
    `\n### Proxy verdicts (targets: >= ${percent(THROUGHPUT_TARGET)} of direct throughput, < ${ADDED_P50_TARGET_MS} ms added at p50)\n`,
  );
  console.log('| upstream and request | throughput | bare proxy | added p50 | verdict |');
  console.log('| -------------------- | ---------: | ---------: | --------: | ------- |');
  for (const verdict of verdicts) {
    const throughput = verdict.ratio >= THROUGHPUT_TARGET;
    const latency = verdict.addedP50Ms < ADDED_P50_TARGET_MS;
    const parts = [`throughput ${passOrFail(throughput)}`, `p50 ${passOrFail(latency)}`];
    if (verdict.errors > 0) parts.push(`${verdict.errors} errors FAIL`);
    console.log(
      `| ${verdict.title.split(',')[0]} | ${percent(verdict.ratio)} | ${percent(verdict.bareRatio)} | ${micros(verdict.addedP50Ms)} | ${parts.join(', ')} |`,
    );
  }
  for (const verdict of verdicts) {
    if (verdict.ratio >= THROUGHPUT_TARGET || verdict.bareRatio >= THROUGHPUT_TARGET) continue;
    // Measured, not assumed: the calibration proxy ran against the same upstream in the same turns.
    console.log(
      `\n${verdict.title.split(',')[0]}: the throughput target is missed, and the bare pipe proxy, which does nothing but forward, misses it too (${percent(verdict.bareRatio)}): on this machine, this upstream costs less per request than the two HTTP exchanges any node:http proxy makes for each one.`,
    );
  }
  const loadAfter = loadavg()[0] ?? 0;
  console.log(
    `\nmachine load average (1 min) before and after: ${loadBefore.toFixed(2)}, ${loadAfter.toFixed(2)}; other programs running at the same time lower every figure and widen p99.`,
  );
}

const role = process.argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
const upstreamArgument = process.argv[3] as string;
if (role === undefined) await main();
else {
  reportCpuOnRequest();
  if (role === 'trivial-upstream') await serveTrivialUpstream();
  else if (role === 'demo-cloud-upstream') await serveDemoCloudUpstream();
  else if (role === 'bare') await serveBareProxy(upstreamArgument);
  else if (role === 'proxy') await serveProxy(upstreamArgument);
  else throw new Error(`unknown role ${role}`);
}
