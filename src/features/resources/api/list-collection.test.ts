import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExchangeLog, type ExchangeLog } from '../../../lib/exchange-log.ts';
import { createOcciClient, type OcciClient } from '../../../lib/occi-client.ts';
import { isOcciHttpError } from '../../../lib/occi-errors.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { createRenderingStore } from '../../../lib/rendering-preference.ts';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { type Entity, parseMessage } from '../../../occi/index.ts';
import { DETAIL_CONCURRENCY, listCollection } from './list-collection.ts';
import { type Progress, reportProgress } from './listing-progress.ts';
import { readEntity } from './read-entity.ts';

// The real store, watched: a query function reports progress here and the list reads it.
vi.mock('./listing-progress.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./listing-progress.ts')>();
  return { ...actual, reportProgress: vi.fn(actual.reportProgress) };
});

const VMS = 20;
const server = createDemoServer({ actionDelayMs: 0, seed: { resources: VMS } });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.use(endpointsHandler()));
afterEach(() => {
  server.resetHandlers();
  vi.mocked(reportProgress).mockClear();
});
afterAll(() => server.close());

const ENTITY_PATH = /^\/occi\/demo\/compute\/[^/?]+$/;

interface Setup {
  readonly client: OcciClient;
  readonly queryClient: QueryClient;
  readonly log: ExchangeLog;
  /** The most entity reads that were under way at once. */
  readonly maxInFlight: () => number;
}

/**
 * A client as the app makes one, whose fetch holds each entity read a little (the first ones
 * longest, so they finish out of order) and counts how many are under way at once.
 */
async function setup(rendering?: 'text/plain', onReadStart?: (count: number) => void): Promise<Setup> {
  let inFlight = 0;
  let max = 0;
  let started = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if (!ENTITY_PATH.test(path)) return globalThis.fetch(input, init);
    inFlight += 1;
    max = Math.max(max, inFlight);
    const delay = Math.max(1, 12 - started++);
    onReadStart?.(started);
    try {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return await globalThis.fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const log = createExchangeLog();
  const client = createOcciClient({ log, renderings: createRenderingStore(undefined), timeoutMs: 5000, fetch });
  if (rendering !== undefined) client.setRenderingOverride('demo', rendering);
  // As the app does before any list: the endpoint's URL maps the server's absolute locations.
  await client.fetchEndpoints();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, queryClient, log, maxInFlight: () => max };
}

const occiExchanges = (log: ExchangeLog) => log.snapshot().filter((exchange) => exchange.url.startsWith('/occi/'));
const reads = (log: ExchangeLog) => occiExchanges(log).filter((exchange) => ENTITY_PATH.test(exchange.url));
const locations = (entities: readonly Entity[]) => entities.map((entity) => entity.location);

/** The order the server listed the collection in, from the listing's answer as recorded. */
function listedOrder(log: ExchangeLog): string[] {
  const listing = occiExchanges(log).find((exchange) => exchange.url === '/occi/demo/compute/');
  if (listing?.response === undefined) throw new Error('no listing recorded');
  const contentType = listing.response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  const model = parseMessage('entity-collection', {
    contentType,
    headers: listing.response.headers,
    body: listing.response.body,
  });
  return model.locations.map((location) => location.replace(/^(https?:\/\/[^/]+)?\//, ''));
}

const progressCalls = () =>
  vi
    .mocked(reportProgress)
    .mock.calls.filter(([endpoint, location]) => endpoint === 'demo' && location === 'compute/')
    .map(([, , progress]) => progress);

describe('listCollection', () => {
  it('gets full entities in one request from a server that answers in OCCI JSON', async () => {
    const { client, queryClient, log } = await setup();
    const listing = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(occiExchanges(log)).toHaveLength(1);
    expect(listing.entities).toHaveLength(VMS);
    expect(listing).toMatchObject({ location: 'compute/', failures: [], locationsOnly: false, detailsRead: 0 });
    for (const entity of listing.entities) {
      expect(entity.location).toMatch(/^compute\/[0-9a-f-]+$/);
      expect(entity.location).toBe(`compute/${entity.attributes.get('occi.core.id')}`);
      // Each is where its page will look for it.
      expect(queryClient.getQueryData<Entity>(queryKeys.entity('demo', entity.location ?? ''))?.kind).toBe(entity.kind);
    }
    expect(progressCalls()).toEqual([]);
  });

  it('places each entity at its own path when the server makes that path its occi.core.id (pyssf)', async () => {
    server.use(...freshDemoHandlers({ profile: 'pyssf', actionDelayMs: 0, seed: { resources: 3 } }));
    const { client, queryClient } = await setup();
    const listing = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(listing.entities).toHaveLength(3);
    for (const entity of listing.entities) {
      expect(entity.location).toMatch(/^compute\/[0-9a-f-]+$/);
      expect(entity.attributes.get('occi.core.id')).toBe(`/${entity.location}`);
      // The location is one the server answers at.
      const read = await readEntity(client, 'demo', entity.location ?? '');
      expect(read.attributes.get('occi.core.title')).toBe(entity.attributes.get('occi.core.title'));
    }
  });

  it('reads each entity whose entry gives its name only (ooi), and keeps no half entity for its page', async () => {
    server.use(...freshDemoHandlers({ profile: 'ooi', actionDelayMs: 0, seed: { resources: 3 } }));
    const { client, queryClient, log } = await setup();
    const listing = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(listing).toMatchObject({ partialEntries: true, locationsOnly: false, detailsRead: 3, failures: [] });
    expect(reads(log)).toHaveLength(3);
    for (const entity of listing.entities) {
      expect(entity.attributes.get('occi.compute.state')).toBeDefined();
      expect(entity.mixins.length).toBeGreaterThan(0);
      const stored = queryClient.getQueryData<Entity>(queryKeys.entity('demo', entity.location ?? ''));
      expect(stored?.attributes.get('occi.compute.state')).toBe(entity.attributes.get('occi.compute.state'));
    }
  });

  it('reads each entity after a listing of locations, six at a time, in the server’s order', async () => {
    const { client, queryClient, log, maxInFlight } = await setup('text/plain');
    const listing = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(listing.locationsOnly).toBe(true);
    expect(listing.failures).toEqual([]);
    expect(listing.detailsRead).toBe(VMS);
    expect(reads(log)).toHaveLength(VMS);
    expect(occiExchanges(log)).toHaveLength(VMS + 1);
    expect(DETAIL_CONCURRENCY).toBe(6);
    expect(maxInFlight()).toBe(DETAIL_CONCURRENCY);
    const order = listedOrder(log);
    expect(order).toHaveLength(VMS);
    expect(locations(listing.entities)).toEqual(order);
    for (const entity of listing.entities) {
      expect(entity.attributes.get('occi.core.id')).toBe(entity.location?.split('/').at(-1));
    }
  });

  it('reports progress up to done === total, then clears it', async () => {
    const { client, queryClient } = await setup('text/plain');
    await listCollection(client, queryClient, 'demo', 'compute/');
    const calls = progressCalls();
    expect(calls[0]).toEqual({ done: 0, total: VMS });
    expect(calls.at(-2)).toEqual({ done: VMS, total: VMS });
    expect(calls.at(-1)).toBeUndefined();
    const dones = calls.slice(0, -1).map((progress) => (progress as Progress).done);
    expect(dones).toEqual(Array.from({ length: VMS + 1 }, (_, index) => index));
  });

  it('reads no entity again on the next listing unless it was invalidated or is on its way somewhere', async () => {
    const { client, queryClient, log } = await setup('text/plain');
    const first = await listCollection(client, queryClient, 'demo', 'compute/');
    log.clear();
    vi.mocked(reportProgress).mockClear();

    const again = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(occiExchanges(log).map((exchange) => exchange.url)).toEqual(['/occi/demo/compute/']);
    expect(again.detailsRead).toBe(0);
    expect(locations(again.entities)).toEqual(locations(first.entities));
    // Nothing to read: no progress bar at all.
    expect(progressCalls()).toEqual([]);

    const [changed, moving] = first.entities.map((entity) => entity.location ?? '');
    if (changed === undefined || moving === undefined) throw new Error('too few entities');
    await queryClient.invalidateQueries({ queryKey: queryKeys.entity('demo', changed) });
    const known = queryClient.getQueryData<Entity>(queryKeys.entity('demo', moving)) as Entity;
    queryClient.setQueryData(queryKeys.entity('demo', moving), {
      ...known,
      attributes: new Map(known.attributes)
        .set('occi.compute.state', 'inactive')
        .set('occi.compute.state.message', 'booting'),
    });
    log.clear();

    const third = await listCollection(client, queryClient, 'demo', 'compute/');
    expect(
      reads(log)
        .map((exchange) => exchange.url)
        .sort(),
    ).toEqual([`/occi/demo/${changed}`, `/occi/demo/${moving}`].sort());
    expect(third.detailsRead).toBe(2);
    // What was read replaces what was known: the demo VM is not booting.
    const reread = third.entities.find((entity) => entity.location === moving);
    expect(reread?.attributes.get('occi.compute.state.message')).toBeUndefined();
    expect(queryClient.getQueryState(queryKeys.entity('demo', changed))?.isInvalidated).toBe(false);
  });

  it('lists the others and names the one whose details failed', async () => {
    const { client, queryClient, log } = await setup('text/plain');
    const probe = await listCollection(client, queryClient, 'demo', 'compute/');
    const broken = probe.entities[3]?.location ?? '';
    server.use(
      http.get(
        ({ request }) => new URL(request.url).pathname === `/occi/demo/${broken}`,
        () => new HttpResponse('the hypervisor is on fire', { status: 500, headers: { 'Content-Type': 'text/plain' } }),
      ),
    );
    const fresh = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    vi.mocked(reportProgress).mockClear();
    log.clear();

    const listing = await listCollection(client, fresh, 'demo', 'compute/');
    expect(listing.failures).toHaveLength(1);
    const [failure] = listing.failures;
    expect(failure?.location).toBe(broken);
    expect(isOcciHttpError(failure?.error) && failure.error.status).toBe(500);
    expect(listing.entities).toHaveLength(VMS - 1);
    expect(locations(listing.entities)).toEqual(listedOrder(log).filter((location) => location !== broken));
    // Progress counts every detail settled, the failed one too, so the bar gets to its end.
    const calls = progressCalls();
    expect(calls.at(-2)).toEqual({ done: VMS, total: VMS });
    expect(calls.at(-1)).toBeUndefined();
  });

  it.each([
    ['while reads are still to start', 3],
    ['after the last read started', VMS],
  ])('fails when cancelled %s, and clears the progress for good', async (_, abortAt) => {
    const controller = new AbortController();
    const { client, queryClient } = await setup('text/plain', (count) => {
      if (count === abortAt) controller.abort();
    });
    const listing = listCollection(client, queryClient, 'demo', 'compute/', controller.signal);
    await expect(listing).rejects.toMatchObject({ name: 'AbortError' });
    expect(progressCalls().at(-1)).toBeUndefined();
    // Reads cut short settle after the listing gave up: none of them shows progress again.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(progressCalls().at(-1)).toBeUndefined();
  });
});
