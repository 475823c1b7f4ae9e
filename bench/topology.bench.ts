/**
 * The topology view at the size issue 6 names: 500 nodes and 1,000 edges.
 *
 * Layout: `layoutTopology` (dagre, three fixed columns) on a synthetic tenant of 60 networks,
 * 240 VMs and 200 volumes, each VM with two network interfaces and two to three storage links
 * (1,000 edges). Run RUNS times after a warm-up; the median and the spread are printed.
 *
 * Render (when `dist/` is built and Chromium is at CHROMIUM_PATH, default /usr/bin/chromium): the
 * real proxy serves the build and a demo cloud seeded with 240 VMs, to which the bench adds, by
 * ordinary OCCI POSTs, networks and volumes up to the same 60 / 200 and links up to 1,000.
 * Chromium opens /endpoints/demo/topology and the time is from the navigation until the page says
 * it shows 500 nodes and the first node is drawn (collections read in OCCI JSON, graph built,
 * layout done, flow painted); then the time a state filter takes to apply and draw. Skipped with
 * a note when there is no build or no Chromium. BENCH_SCREENSHOT=<file.png> keeps a screenshot of
 * the first run and prints when each OCCI request was answered; BENCH_SKIP_RENDER=1 skips it.
 *
 *   npx tsx bench/topology.bench.ts            (BENCH_RUNS=9 by default)
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { layoutTopology } from '../src/features/resources/topology/layout-topology.ts';
import type { NodeRole } from '../src/features/resources/topology/topology-graph.ts';
import { loadConfig } from '../src/proxy/load-config.ts';
import { startProxy } from '../src/proxy/start-proxy.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const NETWORKS = 60;
const VMS = 240;
const VOLUMES = 200;
const EDGES = 1_000;

/** A small deterministic generator, so every run lays out the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticTopology(): {
  nodes: { id: string; role: NodeRole }[];
  edges: { source: string; target: string }[];
} {
  const next = random(42);
  const nodes: { id: string; role: NodeRole }[] = [];
  for (let i = 0; i < NETWORKS; i++) nodes.push({ id: `network/${i}`, role: 'network' });
  for (let i = 0; i < VMS; i++) nodes.push({ id: `compute/${i}`, role: 'compute' });
  for (let i = 0; i < VOLUMES; i++) nodes.push({ id: `storage/${i}`, role: 'storage' });
  const edges: { source: string; target: string }[] = [];
  // Two interfaces a VM, mostly on a network near its own (tenants group VMs by network).
  for (let vm = 0; vm < VMS; vm++) {
    const home = Math.floor((vm / VMS) * NETWORKS);
    edges.push({ source: `compute/${vm}`, target: `network/${home}` });
    edges.push({ source: `compute/${vm}`, target: `network/${Math.floor(next() * NETWORKS)}` });
  }
  // The rest are storage links, each volume used by the VMs around its own index.
  while (edges.length < EDGES) {
    const vm = Math.floor(next() * VMS);
    const volume = Math.min(VOLUMES - 1, Math.floor((vm / VMS) * VOLUMES + next() * 8));
    edges.push({ source: `compute/${vm}`, target: `storage/${volume}` });
  }
  return { nodes, edges };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function benchLayout(): void {
  const graph = syntheticTopology();
  layoutTopology(graph);
  const times: number[] = [];
  let size = { width: 0, height: 0 };
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const layout = layoutTopology(graph);
    times.push(performance.now() - start);
    size = { width: layout.width, height: layout.height };
  }
  console.log(
    `topology layout, ${graph.nodes.length} nodes and ${graph.edges.length} edges: median ${median(times).toFixed(0)} ms ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${RUNS} runs); ` +
      `drawing ${size.width.toFixed(0)} x ${size.height.toFixed(0)} px`,
  );
}

const JSON_TYPE = 'application/occi+json';
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';

/** POSTs an entity, answers its location (`/network/<id>`). */
async function post(base: string, collection: string, body: object): Promise<string> {
  const response = await fetch(`${base}${collection}`, {
    method: 'POST',
    headers: { 'content-type': JSON_TYPE, accept: 'text/uri-list' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${collection}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  const location = response.headers.get('location');
  if (location === null) throw new Error(`POST ${collection}: no location`);
  return new URL(location, base).pathname;
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

/** Grows the seeded tenant to 60 networks, 200 volumes and 1,000 links. */
async function growTenant(base: string): Promise<void> {
  const list = async (collection: string) =>
    (await (await fetch(`${base}${collection}`, { headers: { accept: 'text/uri-list' } })).text())
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => new URL(line, base).pathname);
  const prefix = new URL(base).pathname.replace(/\/$/, '');
  // The demo cloud names its entities by server paths (`/compute/<id>`); the proxy's prefix, if any, goes.
  const own = (path: string) => (path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path);
  const vms = (await list('compute/')).map(own);
  const networks = (await list('network/')).filter((path) => !path.includes('/interface/')).map(own);
  const volumes = (await list('storage/')).filter((path) => !path.includes('/link/')).map(own);
  const taken = new Set<string>();
  let links = (await list('network/interface/')).length + (await list('storage/link/')).length;
  const newNetworks = Array.from({ length: NETWORKS - networks.length }, (_, i) => i);
  await inBatches(newNetworks, 8, async (i) =>
    networks.push(
      own(await post(base, 'network/', { kind: `${INFRA}network`, attributes: { 'occi.core.title': `net-${i}` } })),
    ),
  );
  const newVolumes = Array.from({ length: VOLUMES - volumes.length }, (_, i) => i);
  await inBatches(newVolumes, 8, async (i) =>
    volumes.push(
      own(
        await post(base, 'storage/', {
          kind: `${INFRA}storage`,
          attributes: { 'occi.core.title': `vol-${i}`, 'occi.storage.size': 1 },
        }),
      ),
    ),
  );
  const next = random(7);
  const wanted: { kind: string; collection: string; source: string; target: string }[] = [];
  while (links + wanted.length < EDGES) {
    const vm = vms[Math.floor(next() * vms.length)] as string;
    const toNetwork = next() < 0.45;
    const pool = toNetwork ? networks : volumes;
    const target = pool[Math.floor(next() * pool.length)] as string;
    if (taken.has(`${vm} ${target}`)) continue;
    taken.add(`${vm} ${target}`);
    wanted.push(
      toNetwork
        ? { kind: `${INFRA}networkinterface`, collection: 'network/interface/', source: vm, target }
        : { kind: `${INFRA}storagelink`, collection: 'storage/link/', source: vm, target },
    );
  }
  await inBatches(wanted, 8, (link) =>
    post(base, link.collection, {
      kind: link.kind,
      source: { location: link.source },
      target: { location: link.target },
    }).then(() => {
      links += 1;
    }),
  );
}

async function benchRender(): Promise<void> {
  const dist = new URL('../dist/index.html', import.meta.url).pathname;
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(dist) || !existsSync(executablePath)) {
    console.log('topology render: skipped (run `npm run build` first, and have Chromium at CHROMIUM_PATH)');
    return;
  }
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: 'c'.repeat(64) });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const endpoints = loaded.config.endpoints.map((endpoint) => ({
    ...endpoint,
    demoOptions: { ...endpoint.demoOptions, seed: { resources: VMS }, actionDelayMs: 0 },
  }));
  const proxy = await startProxy({ ...loaded.config, endpoints }, { log: () => {} });
  const browser = await chromium.launch({ executablePath, args: ['--disable-dev-shm-usage'] });
  try {
    await growTenant(`${proxy.url}/occi/demo/`);
    const shown: number[] = [];
    const filtered: number[] = [];
    const runs = Math.max(1, Math.min(RUNS, 5));
    let summary = '';
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const start = performance.now();
      await page.goto(`${proxy.url}/endpoints/demo/topology`);
      const status = page.getByText(/^\d+ nodes, \d+ links/);
      await status.waitFor({ timeout: 120_000 });
      await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
      shown.push(performance.now() - start);
      summary = (await status.textContent()) ?? '';
      const shot = process.env.BENCH_SCREENSHOT;
      if (run === 0 && shot !== undefined) {
        await page.waitForTimeout(1000);
        await page.screenshot({ path: shot });
        const timing = await page.evaluate(() =>
          (
            globalThis as unknown as {
              performance: { getEntriesByType(type: string): { name: string; responseEnd: number }[] };
            }
          ).performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/occi/'))
            .map((entry) => `${entry.name.replace(/^.*\/occi\/demo\//, '')} ${entry.responseEnd.toFixed(0)}`),
        );
        console.log(`screenshot in ${shot}; OCCI requests answered at (ms): ${timing.join(', ')}`);
      }
      const filterStart = performance.now();
      await page.getByRole('checkbox', { name: /^active/ }).check();
      await page.getByText(/^\d+ nodes, \d+ links \(of/).waitFor({ timeout: 60_000 });
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            (globalThis as unknown as { requestAnimationFrame(next: () => void): void }).requestAnimationFrame(() =>
              resolve(null),
            ),
          ),
      );
      filtered.push(performance.now() - filterStart);
      await page.close();
    }
    console.log(
      `topology render in Chromium (${summary}): median ${median(shown).toFixed(0)} ms from navigation to drawn; ` +
        `a state filter applied and drawn in ${median(filtered).toFixed(0)} ms (${runs} runs)`,
    );
  } finally {
    await browser.close();
    await proxy.close();
  }
}

benchLayout();
if (process.env.BENCH_SKIP_RENDER === undefined) await benchRender();
