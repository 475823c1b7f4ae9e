/**
 * `npm run bench` (console part): what the browser downloads, and how long the console takes to
 * show a 1,000-VM list from a server that lists only locations, against the floor: the same
 * requests made from the same page with no UI, at the same parallelism.
 *
 * Bundle sizes are read from `dist/` (run `npm run build` first): the initial JavaScript the
 * index page loads and preloads, and each chunk loaded later, raw and gzipped.
 *
 * The list: the real proxy serves the build and a demo cloud seeded with 1,000 VMs, its actions
 * instant. Chromium (Debian's) opens the list with the rendering set to text/plain, so the
 * server lists locations only and the console reads 1,000 entities, six at a time. The time is
 * from the navigation until the list says it holds 1,000 and no progress is left. The floor is
 * `GET /compute/` then the 1,000 `GET`s with six workers, by `fetch` in the same browser, so the
 * same connection limit and the same proxy apply. Each is run RUNS times, alternating; medians.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { loadConfig } from '../src/proxy/load-config.ts';
import { startProxy } from '../src/proxy/start-proxy.ts';

const VMS = 1_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PARALLELISM = 6;
const DIST = new URL('../dist/', import.meta.url).pathname;

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function bundleSizes(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string));
  const chunks = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.js'));
  const rows = chunks.map((name) => {
    const bytes = readFileSync(join(DIST, 'assets', name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(name) };
  });
  const initialGzip = rows.filter((row) => row.initial).reduce((sum, row) => sum + row.gzip, 0);
  console.log('\nBundle sizes (dist/assets, gzip level 9)');
  console.log(
    `  initial JavaScript: ${kB(initialGzip)} gzip (budget 150 kB: ${initialGzip <= 150 * 1024 ? 'PASS' : 'FAIL'})`,
  );
  for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `  ${row.initial ? 'initial' : 'lazy   '}  ${kB(row.gzip).padStart(9)} gzip  ${kB(row.raw).padStart(9)} raw  ${row.name}`,
    );
  }
}

/**
 * The floor, as page script text: tsx names every function it compiles with a helper the page
 * does not have, so the code is sent as a string. The demo cloud names entities by path; a
 * server may name them absolutely, hence the base URL.
 */
function floorScript(parallelism: number): string {
  return `(async () => {
    const begun = performance.now();
    const text = await (await fetch('/occi/demo/compute/', { headers: { Accept: 'text/plain' } })).text();
    const locations = [...text.matchAll(/X-OCCI-Location:\\s*(\\S+)/gi)].map((m) => new URL(m[1], 'http://server.invalid').pathname);
    if (locations.length === 0) throw new Error('the floor read no locations');
    let next = 0;
    await Promise.all(Array.from({ length: ${parallelism} }, async () => {
      while (next < locations.length) {
        const path = locations[next++];
        await (await fetch('/occi/demo' + path, { headers: { Accept: 'text/plain' } })).text();
      }
    }));
    return performance.now() - begun;
  })()`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function listTimes(): Promise<void> {
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: 'b'.repeat(64) });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const endpoints = loaded.config.endpoints.map((endpoint) => ({
    ...endpoint,
    demoOptions: { ...endpoint.demoOptions, seed: { resources: VMS }, actionDelayMs: 0 },
  }));
  const proxy = await startProxy({ ...loaded.config, endpoints }, { log: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const ui: number[] = [];
  const floor: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      // The page's storage, where the console remembers the rendering chosen for each endpoint.
      await context.addInitScript(() => {
        const page = globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } };
        page.localStorage.setItem(
          'occi-console.renderings',
          JSON.stringify({ negotiated: {}, override: { demo: 'text/plain' } }),
        );
      });
      const page = await context.newPage();
      // The app shell and the query interface first, so both sides start with a warm page.
      await page.goto(`${proxy.url}/endpoints/demo/model`);
      await page.getByRole('heading', { name: /Model of/ }).waitFor();
      const started = Date.now();
      await page.getByRole('link', { name: 'Virtual machines', exact: true }).click();
      await page.getByText(`${VMS} in compute/.`).waitFor({ timeout: 120_000 });
      await page.getByRole('status').filter({ hasText: 'Reading details' }).waitFor({ state: 'detached' });
      ui.push(Date.now() - started);

      floor.push(await page.evaluate<number>(floorScript(PARALLELISM)));
      await context.close();
    }
  } finally {
    await browser.close();
    await proxy.close();
  }
  const u = median(ui);
  const f = median(floor);
  console.log(
    `\nA ${VMS}-VM list from a server that lists locations only (${PARALLELISM} at a time, ${RUNS} runs, medians)`,
  );
  console.log(
    `  console, click to list complete: ${u.toFixed(0)} ms   (runs: ${ui.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  floor, same requests, no UI:     ${f.toFixed(0)} ms   (runs: ${floor.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(`  console / floor: ${(u / f).toFixed(2)}×`);
}

bundleSizes();
await listTimes();
