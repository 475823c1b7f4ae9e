/**
 * `npm run bench` (second part): requests per second of the demo cloud over real HTTP, through
 * the node:http adapter, for `GET /compute/` with 1,000 VMs (as locations in text/plain and as
 * full JSON) and for a create (POST /compute/ in text/occi).
 *
 * The server runs in a child process so the clients' own work (on the other core of a 2-core
 * box) does not count against it. Each case: a fresh cloud seeded with 1,000 VMs, actions
 * instant, a warm-up, then CONCURRENCY clients over a keep-alive agent for DURATION_MS.
 * Everything is bounded: a request times out, a case stops at its deadline, the whole run has a
 * hard limit, and the child dies with its parent. First, how long seeding the largest tenant
 * (10,000 VMs, `--seed 10000`) takes: the best of five runs after a warm-up.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { DemoCloudOptions } from '../src/demo-cloud/demo-cloud-options.ts';
import { MAX_SEED_RESOURCES, seedResources } from '../src/demo-cloud/seed-resources.ts';

const SEEDED_VMS = 1_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3_000);
const WARM_UP_MS = 500;
const REQUEST_TIMEOUT_MS = 10_000;
const RUN_LIMIT_MS = 120_000;

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly expect: number;
}

const CASES: readonly Case[] = [
  {
    name: `GET /compute/, ${SEEDED_VMS} VMs as locations (text/plain)`,
    method: 'GET',
    path: '/compute/',
    headers: { Accept: 'text/plain' },
    expect: 200,
  },
  {
    name: `GET /compute/, ${SEEDED_VMS} full VMs (application/occi+json)`,
    method: 'GET',
    path: '/compute/',
    headers: { Accept: 'application/occi+json' },
    expect: 200,
  },
  {
    name: 'POST /compute/ create (text/occi: compute, m1.tiny, cirros)',
    method: 'POST',
    path: '/compute/',
    headers: {
      'Content-Type': 'text/occi',
      Category: [
        'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'm1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
        'cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"',
      ],
    },
    expect: 201,
  },
];

// ---------------------------------------------------------------------------------------------
// The server side, in the child process.

type ToChild = { readonly type: 'serve'; readonly options: DemoCloudOptions } | { readonly type: 'stop' };
type FromChild = { readonly type: 'serving'; readonly url: string } | { readonly type: 'stopped' };

async function serveInChild(): Promise<void> {
  const { createDemoCloud } = await import('../src/demo-cloud/create-demo-cloud.ts');
  const { serveDemoCloud } = await import('../src/demo-cloud/node/serve-demo-cloud.ts');
  let close: (() => Promise<void>) | undefined;
  const reply = (message: FromChild) => process.send?.(message);
  process.on('message', async (message: ToChild) => {
    await close?.();
    close = undefined;
    if (message.type === 'stop') {
      reply({ type: 'stopped' });
      process.exit(0);
    }
    const served = await serveDemoCloud(createDemoCloud(message.options), { port: 0, host: '127.0.0.1' });
    close = served.close;
    reply({ type: 'serving', url: served.url });
  });
  // The parent is gone (finished, crashed or killed): so is the reason to run.
  process.on('disconnect', () => process.exit(0));
}

function ask(child: ChildProcess, message: ToChild, answer: FromChild['type']): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FromChild) => {
      if (reply.type !== answer) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null) => reject(new Error(`the server process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

// ---------------------------------------------------------------------------------------------
// The client side.

interface Sample {
  readonly ms: number;
  readonly bytes: number;
  readonly ok: boolean;
}

function once(agent: Agent, url: URL, benchCase: Case): Promise<Sample> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: benchCase.method,
        path: benchCase.path,
        headers: benchCase.headers,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () =>
          resolve({ ms: performance.now() - started, bytes, ok: res.statusCode === benchCase.expect }),
        );
        res.on('error', () => resolve({ ms: performance.now() - started, bytes, ok: false }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve({ ms: performance.now() - started, bytes: 0, ok: false }));
    req.end();
  });
}

/** CONCURRENCY clients, each sending its next request as soon as the last one is answered. */
async function load(agent: Agent, url: URL, benchCase: Case, durationMs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = performance.now() + durationMs;
  const client = async () => {
    while (performance.now() < deadline) samples.push(await once(agent, url, benchCase));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return samples;
}

interface Row {
  readonly case: string;
  readonly requests: number;
  readonly failed: number;
  readonly seconds: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  readonly bytes: number;
}

async function measure(child: ChildProcess, benchCase: Case): Promise<Row> {
  // A fresh cloud per case, so the creates of one case do not grow the collection of another.
  const serving = await ask(
    child,
    { type: 'serve', options: { seed: { resources: SEEDED_VMS }, actionDelayMs: 0 } },
    'serving',
  );
  if (serving.type !== 'serving') throw new Error('unexpected answer from the server process');
  const url = new URL(serving.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await load(agent, url, benchCase, WARM_UP_MS);
    const started = performance.now();
    const samples = await load(agent, url, benchCase, DURATION_MS);
    const seconds = (performance.now() - started) / 1000;
    const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    return {
      case: benchCase.name,
      requests: samples.length,
      failed: samples.filter((sample) => !sample.ok).length,
      seconds,
      meanMs: times.reduce((sum, ms) => sum + ms, 0) / Math.max(1, times.length),
      p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? Number.NaN,
      bytes: samples.reduce((sum, sample) => sum + sample.bytes, 0),
    };
  } finally {
    agent.destroy();
  }
}

function seedingMs(): number {
  seedResources(MAX_SEED_RESOURCES); // warm up the JIT
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    seedResources(MAX_SEED_RESOURCES);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  console.log(`seeding ${MAX_SEED_RESOURCES} VMs: ${seedingMs().toFixed(1)} ms (best of 5)`);
  // fork() keeps tsx's loader (process.execArgv), so the child runs this TypeScript file too.
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, DEMO_CLOUD_BENCH_ROLE: 'server' } });
  const limit = setTimeout(() => {
    console.error(`demo cloud bench: gave up after ${RUN_LIMIT_MS / 1000} s`);
    child.kill();
    process.exit(1);
  }, RUN_LIMIT_MS);
  limit.unref();
  try {
    const rows: Row[] = [];
    for (const benchCase of CASES) rows.push(await measure(child, benchCase));
    await ask(child, { type: 'stop' }, 'stopped');

    console.log(
      `\nOCCI demo cloud over HTTP (node:http adapter), Node ${process.version}: ${CONCURRENCY} keep-alive clients, ` +
        `${DURATION_MS / 1000} s per case after ${WARM_UP_MS} ms of warm-up, server in its own process`,
    );
    console.table(
      rows.map((row) => ({
        case: row.case,
        'requests/s': Math.round(row.requests / row.seconds),
        'mean (ms)': row.meanMs.toFixed(2),
        'p95 (ms)': row.p95Ms.toFixed(2),
        'MB/s': (row.bytes / 1e6 / row.seconds).toFixed(1),
        'kB/answer': (row.bytes / 1e3 / Math.max(1, row.requests)).toFixed(1),
        failed: row.failed,
      })),
    );
    const failed = rows.filter((row) => row.failed > 0);
    if (failed.length > 0) {
      console.error(`demo cloud bench: unexpected statuses or errors in ${failed.map((row) => row.case).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(limit);
    if (child.exitCode === null) child.kill();
  }
}

if (process.env.DEMO_CLOUD_BENCH_ROLE === 'server') await serveInChild();
else await main();
