/**
 * `npm run conformance` end to end: a real demo cloud over HTTP on a free port, the command line
 * run once as a process (exit status and JSON on stdout), and its `main` for the other cases.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCloud } from '../src/demo-cloud/create-demo-cloud.ts';
import { type ServedDemoCloud, serveDemoCloud } from '../src/demo-cloud/node/serve-demo-cloud.ts';
import type { ConformanceReport } from '../src/features/conformance/suite/conformance-types.ts';
import { main } from './conformance.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let standard: ServedDemoCloud;
let ooi: ServedDemoCloud;

beforeAll(async () => {
  standard = await serveDemoCloud(createDemoCloud({ profile: 'standard', actionDelayMs: 0 }), { port: 0 });
  ooi = await serveDemoCloud(createDemoCloud({ profile: 'ooi', actionDelayMs: 0 }), { port: 0 });
});

afterAll(async () => {
  await standard.close();
  await ooi.close();
});

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/conformance.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function captured() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
    },
  };
}

describe('npm run conformance', () => {
  it('exits 1 against the ooi profile, with the report as JSON on stdout and the time on stderr', async () => {
    const { code, stdout, stderr } = await run([`${ooi.url}/`, '--allow-changes', '--json']);
    expect(code, stderr).toBe(1);
    const report = JSON.parse(stdout) as ConformanceReport;
    expect(report.failed).toBe(13);
    expect(report.results.filter((r) => r.outcome === 'fail').map((r) => r.id)).toContain(
      'changes.create-bare-compute',
    );
    expect(report.results.every((r) => r.exchanges.length > 0 || r.outcome !== 'fail')).toBe(true);
    expect(report.cleanup.leftBehind).toEqual([]);
    expect(stderr).toMatch(/^conformance: 30 checks, 16 passed, 13 failed, 1 skipped in \d+ ms$/m);
  }, 90_000);

  it('exits 0 against the standard profile and prints the table with the total time', async () => {
    const { out, io } = captured();
    expect(await main([standard.url, '--allow-changes'], io)).toBe(0);
    expect(out.stdout).toContain(`OCCI conformance of ${standard.url}/ (changes allowed)`);
    expect(out.stdout).toMatch(/^ {2}PASS {2}changes\.delete +A compute is deleted/m);
    expect(out.stdout).toMatch(/\n30 checks: 30 passed, 0 failed, 0 skipped in \d+ ms\n$/);
  });

  it('sends the token with every request', async () => {
    const tokens: (string | null)[] = [];
    const fetchWithSpy: typeof fetch = (input, init) => {
      tokens.push(new Headers(init?.headers).get('x-auth-token'));
      return fetch(input, init);
    };
    const { io } = captured();
    expect(await main([standard.url, '--token', 'tok-123', '--json'], { ...io, fetch: fetchWithSpy })).toBe(0);
    expect(tokens.length).toBeGreaterThan(10);
    expect(new Set(tokens)).toEqual(new Set(['tok-123']));
  });

  it('exits 2 with the usage on bad usage, and 0 with it on --help', async () => {
    const bad = captured();
    expect(await main(['--allow-changes'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/^conformance: the endpoint URL is missing\n\nusage: npm run conformance -- <url>/);
    const help = captured();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^usage: /);
  });
});
