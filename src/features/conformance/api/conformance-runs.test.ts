import { delay, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeLog } from '../../../lib/exchange-log.ts';
import { createOcciClient, type OcciClient } from '../../../lib/occi-client.ts';
import { createRenderingStore } from '../../../lib/rendering-preference.ts';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { CONFORMANCE_CHECKS } from '../suite/conformance-checks.ts';
import { type ConformanceRun, conformanceRuns, NOT_RUN } from './conformance-runs.ts';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler()));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function newClient(): OcciClient {
  return createOcciClient({
    log: createExchangeLog(),
    baseUrl: 'http://console.test/',
    renderings: createRenderingStore(undefined),
  });
}

/** Every state the endpoint's run goes through, until it has ended. */
function follow(client: OcciClient, endpointId: string): { states: ConformanceRun[]; ended: Promise<ConformanceRun> } {
  const runs = conformanceRuns(client);
  const states: ConformanceRun[] = [];
  const ended = new Promise<ConformanceRun>((resolve) => {
    const stop = runs.subscribe(() => {
      const run = runs.get(endpointId);
      if (states.at(-1) !== run) states.push(run);
      if (run.status !== 'running') {
        stop();
        resolve(run);
      }
    });
  });
  return { states, ended };
}

describe('the conformance runs', () => {
  it('collect the results as they come, in the order of the checks, and keep the report', async () => {
    const client = newClient();
    const runs = conformanceRuns(client);
    expect(runs.get('demo')).toBe(NOT_RUN);
    const { states, ended } = follow(client, 'demo');
    runs.start('demo', false);
    const run = await ended;
    expect(run.status).toBe('done');
    expect(run.results.map((result) => result.id)).toEqual(CONFORMANCE_CHECKS.map((check) => check.id));
    expect(run.report?.results).toEqual(run.results);
    // Each check is seen under way, then its result is added, one at a time.
    const grown = states.map((state) => state.results.length);
    expect(grown).toEqual([...grown].sort((a, b) => a - b));
    const seenRunning = new Set(states.map((state) => state.running));
    const reading = CONFORMANCE_CHECKS.filter((check) => check.group !== 'changes');
    expect(reading.filter((check) => !seenRunning.has(check.id))).toEqual([]);
    expect(runs.get('demo')).toBe(run);
    expect(runs.get('elsewhere')).toBe(NOT_RUN);
    expect(conformanceRuns(client)).toBe(runs);
    expect(conformanceRuns(newClient()).get('demo')).toBe(NOT_RUN);
  });

  it('ignore a second start while one runs, and start afresh once it has ended', async () => {
    const client = newClient();
    const runs = conformanceRuns(client);
    const first = follow(client, 'demo');
    runs.start('demo', false);
    runs.start('demo', true);
    expect(runs.get('demo').allowChanges).toBe(false);
    expect((await first.ended).report?.skipped).toBeGreaterThan(0);
    const second = follow(client, 'demo');
    runs.start('demo', true);
    expect(runs.get('demo')).toMatchObject({ status: 'running', allowChanges: true, results: [], report: undefined });
    expect((await second.ended).report).toMatchObject({ failed: 0, skipped: 0 });
  });

  it('cancel: says so at once, and ends as cancelled once the request under way is given up', async () => {
    server.use(
      http.all('*/occi/demo/*', async () => {
        await delay('infinite');
        return undefined;
      }),
    );
    const client = newClient();
    const runs = conformanceRuns(client);
    const { ended } = follow(client, 'demo');
    runs.start('demo', false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    runs.cancel('demo');
    expect(runs.get('demo')).toMatchObject({ status: 'running', cancelling: true });
    const run = await ended;
    expect(run).toMatchObject({ status: 'cancelled', cancelling: false, running: undefined });
    expect(run.results.length).toBeLessThan(CONFORMANCE_CHECKS.length);
    expect(client.log.snapshot().map((exchange) => exchange.failure)).toContain('cancelled by the console');
  });
});
