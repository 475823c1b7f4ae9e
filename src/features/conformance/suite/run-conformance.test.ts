/**
 * The runner: results in order with their exchanges, nothing but GET without allowChanges, clear
 * failures (not a crash) from a server that answers garbage or from a transport that gets no
 * answer, and a cancel that stops the run and still cleans up.
 */
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CHECKS } from './conformance-checks.ts';
import type { CheckDefinition, CheckResult, ProbeResponse, Transport } from './conformance-types.ts';
import {
  CHANGES_NOT_ALLOWED,
  type ConformanceAbortedError,
  isConformanceAborted,
  runConformance,
} from './run-conformance.ts';
import { demoServer, demoTransport, inventory, recording, useDemoCloud } from './test-support/demo-endpoint.ts';

const server = demoServer();

function byId(results: readonly CheckResult[]): Map<string, CheckResult> {
  return new Map(results.map((r) => [r.id, r]));
}

describe('runConformance', () => {
  it('without allowChanges sends only GETs and skips every change check', async () => {
    useDemoCloud(server);
    const { transport, requests } = recording(demoTransport().transport);
    const report = await runConformance({ transport, allowChanges: false });
    expect(requests.length).toBeGreaterThan(10);
    expect(new Set(requests.map((r) => r.method))).toEqual(new Set(['GET']));
    const changes = report.results.filter((r) => r.group === 'changes');
    expect(changes.length).toBeGreaterThan(0);
    for (const result of changes) {
      expect(result).toMatchObject({ outcome: 'skip', reason: CHANGES_NOT_ALLOWED, exchanges: [] });
    }
    expect(report.cleanup).toEqual({ removed: [], leftBehind: [] });
  });

  it('reports in the order of CONFORMANCE_CHECKS, calling onStart and onResult for each, with its exchanges', async () => {
    useDemoCloud(server);
    const started: CheckDefinition[] = [];
    const ended: CheckResult[] = [];
    const report = await runConformance({
      transport: demoTransport().transport,
      allowChanges: false,
      onStart: (check) => started.push(check),
      onResult: (result) => {
        expect(started.at(-1)?.id).toBe(result.id);
        ended.push(result);
      },
    });
    expect(started).toEqual(CONFORMANCE_CHECKS);
    expect(ended).toEqual(report.results);
    expect(report.passed + report.failed + report.skipped).toBe(CONFORMANCE_CHECKS.length);
    const results = byId(report.results);
    // The fetch transport numbers its exchanges from 1: the query interface is the first request.
    expect(results.get('discovery.query-interface')?.exchanges).toEqual([1]);
    // A check that judges earlier answers cites their exchanges.
    expect(results.get('discovery.server-version')?.exchanges.length).toBeGreaterThan(3);
    expect(results.get('reading.entity')?.exchanges.length).toBe(6);
    for (const result of report.results) expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('gives clear failures, not a crash, when the server answers an HTML page to everything', async () => {
    const transport: Transport = async () => ({
      status: 200,
      headers: [['content-type', 'text/html; charset=utf-8']],
      body: '<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>',
    });
    const report = await runConformance({ transport, allowChanges: true });
    const results = byId(report.results);
    expect(results.get('discovery.query-interface')).toMatchObject({ outcome: 'fail' });
    expect(results.get('discovery.query-interface')?.reason).toMatch(/text\/html, not an OCCI rendering/);
    expect(results.get('discovery.renderings')).toMatchObject({ outcome: 'fail' });
    expect(results.get('discovery.server-version')?.reason).toMatch(/no Server header/);
    expect(results.get('reading.collection')).toMatchObject({
      outcome: 'skip',
      reason: 'needs a readable query interface (discovery.query-interface)',
    });
    for (const result of report.results) {
      expect(result.reason).not.toMatch(/could not finish/);
      expect(['fail', 'skip']).toContain(result.outcome);
    }
  });

  it("fails the check whose request gets no answer, in the transport's words, and goes on", async () => {
    const transport: Transport = async (request) => {
      throw new Error(`connect ECONNREFUSED 127.0.0.1:9 (${request.method} ${request.path})`);
    };
    const report = await runConformance({ transport, allowChanges: false });
    const first = report.results[0] as CheckResult;
    expect(first).toMatchObject({ id: 'discovery.query-interface', outcome: 'fail' });
    expect(first.reason).toBe('GET -/ got no answer: connect ECONNREFUSED 127.0.0.1:9 (GET -/)');
    expect(report.results).toHaveLength(CONFORMANCE_CHECKS.length);
    expect(byId(report.results).get('discovery.default-rendering')?.reason).toMatch(/ECONNREFUSED/);
  });

  it('a check that throws a bug fails with its message, and the others still run', async () => {
    useDemoCloud(server);
    const transport = demoTransport().transport;
    const broken: Transport = async (request, signal) => {
      const response = await transport(request, signal);
      // An answer with no headers array breaks every header lookup of the check that reads it.
      return request.headers.Accept === '*/*' ? ({ ...response, headers: null } as unknown as ProbeResponse) : response;
    };
    const report = await runConformance({ transport: broken, allowChanges: false });
    const results = byId(report.results);
    expect(results.get('discovery.default-rendering')?.reason).toMatch(/^the check could not finish: /);
    expect(results.get('discovery.infrastructure-kinds')?.outcome).toBe('pass');
  });

  it('stops when the signal aborts, and still removes what it made', async () => {
    useDemoCloud(server);
    const before = await inventory();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runConformance({
      transport: demoTransport().transport,
      allowChanges: true,
      signal: controller.signal,
      onResult: (result) => {
        seen.push(result.id);
        if (result.id === 'changes.create-network') controller.abort();
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConformanceAborted(error)).toBe(true);
    const { report } = error as ConformanceAbortedError;
    expect(report.results.map((r) => r.id)).toEqual(seen);
    expect(seen.at(-1)).toBe('changes.create-network');
    expect(report.cleanup.removed.length).toBeGreaterThanOrEqual(4);
    expect(report.cleanup.leftBehind).toEqual([]);
    expect(await inventory()).toEqual(before);
  });

  it('leaves the check under way without a result when the signal aborts during its request', async () => {
    useDemoCloud(server);
    const controller = new AbortController();
    const transport = demoTransport().transport;
    const aborting: Transport = (request, signal) => {
      const answer = transport(request, signal);
      if (request.method === 'POST' && request.path.endsWith('storage/')) controller.abort(new Error('stop'));
      return answer;
    };
    const error = await runConformance({ transport: aborting, allowChanges: true, signal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const { report } = error as ConformanceAbortedError;
    expect(report.results.at(-1)?.id).toBe('changes.create-compute');
    expect(report.cleanup.leftBehind).toEqual([]);
  });

  it('stops at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { transport, requests } = recording(async () => ({ status: 200, headers: [], body: '' }));
    await expect(runConformance({ transport, allowChanges: true, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
      report: { results: [], cleanup: { removed: [], leftBehind: [] } },
    });
    expect(requests).toEqual([]);
  });
});
