import { delay, HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer } from '../mocks/node.ts';
import { isOcciParseError, type Resource, typeId } from '../occi/index.ts';
import { describeError } from './describe-error.ts';
import { createExchangeLog } from './exchange-log.ts';
import { createOcciClient, type OcciClientOptions } from './occi-client.ts';
import { isOcciHttpError, isOcciNetworkError, isOcciTimeoutError } from './occi-errors.ts';
import { createRenderingStore } from './rendering-preference.ts';
import { endpointsHandler } from './test-support/console-api-handlers.ts';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const COMPUTE = typeId('http://schemas.ogf.org/occi/infrastructure#', 'compute');

function client(options: Partial<OcciClientOptions> = {}) {
  const log = createExchangeLog();
  return {
    log,
    client: createOcciClient({
      log,
      baseUrl: 'http://console.test/',
      renderings: createRenderingStore(undefined),
      ...options,
    }),
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('the occi client', () => {
  it('reads the query interface in OCCI JSON, remembers it and records the exchange', async () => {
    const { client: c, log } = client();
    const answer = await c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read the model' });
    expect(answer.status).toBe(200);
    expect(answer.rendering).toBe('application/occi+json');
    expect(answer.model?.kinds.map((k) => k.scheme + k.term)).toContain(COMPUTE);
    expect(c.renderingFor('demo')).toEqual({ mediaType: 'application/occi+json', source: 'negotiated' });
    const [exchange] = log.snapshot();
    expect(exchange).toMatchObject({
      endpoint: 'demo',
      method: 'GET',
      url: '/occi/demo/-/',
      purpose: 'Read the model',
    });
    expect(exchange?.requestHeaders[0]?.[1]).toMatch(/^application\/occi\+json/);
    expect(exchange?.response?.status).toBe(200);
    expect(exchange?.response?.body).toContain('"kinds"');
    expect(exchange?.response?.headers.some(([name]) => name === 'server')).toBe(true);
  });

  it('falls back to text/plain when the server refuses JSON with 406, and remembers it', async () => {
    server.use(
      http.all('*/occi/demo/*', ({ request }) =>
        (request.headers.get('accept') ?? '').startsWith('application/occi+json')
          ? new HttpResponse('no JSON here', { status: 406, headers: { 'Content-Type': 'text/plain' } })
          : undefined,
      ),
    );
    const { client: c, log } = client();
    const answer = await c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read the model' });
    expect(answer.rendering).toBe('text/plain');
    expect(answer.model?.kinds.length).toBeGreaterThan(3);
    expect(c.renderingFor('demo')).toEqual({ mediaType: 'text/plain', source: 'negotiated' });
    expect(log.snapshot().map((e) => e.response?.status)).toEqual([406, 200]);
  });

  it('reports a 500 with the server’s X-OCCI-Error and a hint', async () => {
    server.use(
      http.get('*/occi/demo/compute/', () =>
        HttpResponse.text('boom', {
          status: 500,
          statusText: 'Internal Server Error',
          headers: { 'X-OCCI-Error': 'the store is on fire' },
        }),
      ),
    );
    const { client: c } = client();
    const error = await failure(
      c.request('demo', { path: 'compute/', structure: 'entity-collection', purpose: 'List' }),
    );
    expect(isOcciHttpError(error)).toBe(true);
    if (!isOcciHttpError(error)) return;
    expect(error.status).toBe(500);
    expect(error.serverMessage).toBe('the store is on fire');
    expect(error.hint).toMatch(/try again/);
  });

  it('reads the message of a JSON error report (409 state conflict)', async () => {
    server.use(
      http.post('*/occi/demo/compute/x', () =>
        HttpResponse.json({ code: 409, message: 'web-01 is already running' }, { status: 409, statusText: 'Conflict' }),
      ),
    );
    const { client: c } = client();
    const error = await failure(c.request('demo', { method: 'POST', path: '/compute/x', purpose: 'Start web-01' }));
    // The status is shown anyway: the report's own copy of it is not repeated.
    expect(isOcciHttpError(error) && error.serverMessage).toBe('web-01 is already running');
    expect(isOcciHttpError(error) && error.hint).toMatch(/state conflict/);
    expect(describeError(error).detail).toBe('The server says: web-01 is already running');
  });

  it('tells the proxy’s own answers from the cloud’s', async () => {
    server.use(
      http.get('*/occi/demo/compute/', () =>
        HttpResponse.text('504 Gateway Timeout: The endpoint "demo" sent no answer within 3000 ms.\n', {
          status: 504,
          statusText: 'Gateway Timeout',
          headers: { 'X-Console-Proxy-Answer': '1' },
        }),
      ),
    );
    const { client: c } = client();
    const error = await failure(c.request('demo', { path: 'compute/', structure: 'location-list', purpose: 'List' }));
    expect(isOcciHttpError(error) && error.fromProxy).toBe(true);
    expect(describeError(error)).toMatchObject({
      title: '504 Gateway Timeout',
      detail: 'The console\'s proxy says: The endpoint "demo" sent no answer within 3000 ms.',
    });

    server.use(
      http.get('*/occi/demo/compute/', () =>
        HttpResponse.text('upstream busy', { status: 503, statusText: 'Service Unavailable' }),
      ),
    );
    const cloud = await failure(c.request('demo', { path: 'compute/', structure: 'location-list', purpose: 'List' }));
    expect(isOcciHttpError(cloud) && cloud.fromProxy).toBe(false);
    expect(describeError(cloud).detail).toBe('The server says: upstream busy');
  });

  it('says when a gateway answers with an HTML page', async () => {
    server.use(
      http.get('*/occi/demo/-/', () =>
        HttpResponse.html('<!doctype html><html><head><title>Bad Gateway</title></head><body>nginx</body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
      ),
    );
    const { client: c } = client();
    const error = await failure(c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read' }));
    expect(isOcciHttpError(error) && error.serverMessage).toBe(
      'the answer is an HTML page titled "Bad Gateway", not an OCCI message',
    );
    expect(isOcciHttpError(error) && error.hint).toMatch(/proxy.*"demo"/);
  });

  it('passes a malformed answer on as OcciParseError with its position', async () => {
    server.use(
      http.get('*/occi/demo/-/', () =>
        HttpResponse.text('{"kinds": [', { headers: { 'Content-Type': 'application/occi+json' } }),
      ),
    );
    const { client: c } = client();
    const error = await failure(c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read' }));
    expect(isOcciParseError(error)).toBe(true);
    expect(isOcciParseError(error) && error.line).toBe(1);
  });

  it('times out with OcciTimeoutError and records the failure', async () => {
    server.use(
      http.get('*/occi/demo/-/', async () => {
        await delay('infinite');
        return HttpResponse.text('');
      }),
    );
    const { client: c, log } = client({ timeoutMs: 50 });
    const error = await failure(c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read' }));
    expect(isOcciTimeoutError(error)).toBe(true);
    expect(log.snapshot()[0]?.failure).toMatch(/timed out/);
  });

  it('names the exchange each failure came from: an error status, a malformed answer, no answer', async () => {
    const { client: c, log } = client({ timeoutMs: 50 });
    server.use(http.get('*/occi/demo/compute/1', () => HttpResponse.text('nope', { status: 409 })));
    server.use(
      http.get('*/occi/demo/compute/2', () =>
        HttpResponse.text('Category: x;', { headers: { 'Content-Type': 'text/plain' } }),
      ),
    );
    server.use(http.get('*/occi/demo/compute/3', () => HttpResponse.error()));
    c.setRenderingOverride('demo', 'text/plain');
    for (const n of [1, 2, 3]) {
      const error = await failure(c.request('demo', { path: `compute/${n}`, structure: 'entity', purpose: 'Read' }));
      const exchange = log.snapshot().find((e) => e.url.endsWith(`/compute/${n}`));
      expect(c.exchangeOf(error)).toBe(exchange?.id);
    }
    expect(c.exchangeOf(new Error('not from the client'))).toBeUndefined();
  });

  it('reports a network failure as OcciNetworkError', async () => {
    server.use(http.get('*/occi/demo/-/', () => HttpResponse.error()));
    const { client: c } = client();
    const error = await failure(c.request('demo', { path: '-/', structure: 'categories', purpose: 'Read' }));
    expect(isOcciNetworkError(error)).toBe(true);
  });

  it('maps the server’s absolute URLs to proxy paths and back', async () => {
    server.use(endpointsHandler());
    const { client: c, log } = client();
    const answer = await c.request('demo', {
      path: 'http://127.0.0.1:8787/compute/',
      structure: 'entity-collection',
      purpose: 'List compute',
    });
    expect(answer.status).toBe(200);
    expect(log.snapshot().at(-1)?.url).toBe('/occi/demo/compute/');
    expect(c.toServerUrl('demo', '/occi/demo/compute/x')).toBe('http://127.0.0.1:8787/compute/x');
    expect(c.toProxyPath('demo', 'http://127.0.0.1:8787/compute/x')).toBe('/occi/demo/compute/x');
  });

  it('sends text/occi in headers, comma-joined, when the user chooses it', async () => {
    let sent: Headers | undefined;
    server.use(
      http.post('*/occi/demo/compute/', ({ request }) => {
        sent = request.headers;
        // No answer: the demo cloud's handler answers.
        return undefined;
      }),
    );
    const { client: c } = client();
    c.setRenderingOverride('demo', 'text/occi');
    const vm: Resource = {
      entityType: 'resource',
      kind: COMPUTE,
      mixins: [
        'http://schemas.openstack.org/template/resource#m1.tiny',
        'http://schemas.openstack.org/template/os#cirros-0.3.0-x86_64-blank',
      ],
      attributes: new Map([['occi.core.title', 'web-09']]),
      actions: [],
      links: [],
    };
    const answer = await c.request('demo', {
      method: 'POST',
      path: 'compute/',
      body: { structure: 'entity', model: vm },
      purpose: 'Create web-09',
    });
    expect(answer.status).toBe(201);
    expect(sent?.get('content-type')).toBe('text/occi');
    expect(sent?.get('category')).toMatch(/^compute; .*, m1\.tiny; .*, cirros-0\.3\.0-x86_64-blank; /);
  });

  it('probes an endpoint: reachable, its OCCI versions and renderings', async () => {
    const { client: c } = client();
    const probe = await c.probeEndpoint('demo');
    expect(probe.occiVersions).toEqual(['1.2']);
    expect(probe.renderings).toEqual(['application/occi+json', 'text/plain']);
  });

  it('turns a refused login into an OcciHttpError with the proxy’s words', async () => {
    server.use(
      http.post('*/api/session/demo/login', () =>
        HttpResponse.json(
          { error: 'Keystone did not accept this user name' },
          { status: 401, statusText: 'Unauthorized' },
        ),
      ),
    );
    const { client: c, log } = client();
    const error = await failure(c.login('demo', { user: 'ann', password: 'secret' }));
    expect(isOcciHttpError(error) && error.serverMessage).toBe('Keystone did not accept this user name');
    expect(log.snapshot()[0]?.requestBody).not.toContain('secret');
  });
  describe('raw', () => {
    it('returns an error status unparsed, with the headers as received, recorded like any request', async () => {
      let sent: Headers | undefined;
      server.use(
        http.get('*/occi/demo/compute/nowhere', ({ request }) => {
          sent = request.headers;
          return HttpResponse.text('no such thing', { status: 404, headers: { 'X-OCCI-Error': 'not found' } });
        }),
      );
      const { client: c, log } = client();
      const answer = await c.raw('demo', {
        method: 'GET',
        path: 'compute/nowhere',
        headers: { Accept: 'text/plain' },
        purpose: 'Conformance: read a missing entity',
      });
      expect(answer.status).toBe(404);
      expect(answer.body).toBe('no such thing');
      expect(answer.headers).toContainEqual(['x-occi-error', 'not found']);
      expect(sent?.get('accept')).toBe('text/plain');
      const [exchange] = log.snapshot();
      expect(answer.exchangeId).toBe(exchange?.id);
      expect(exchange).toMatchObject({
        method: 'GET',
        url: '/occi/demo/compute/nowhere',
        purpose: 'Conformance: read a missing entity',
        requestHeaders: [['Accept', 'text/plain']],
      });
      expect(exchange?.response?.status).toBe(404);
    });

    it('sends a body as written and leaves the rendering negotiated for the endpoint alone', async () => {
      // The created VM's location is absolute on the cloud: reading it there needs the endpoint's URL.
      server.use(endpointsHandler());
      const { client: c, log } = client();
      const answer = await c.raw('demo', {
        method: 'POST',
        path: 'compute/',
        headers: { 'Content-Type': 'text/plain', Accept: 'text/plain' },
        body: [
          'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
          'X-OCCI-Attribute: occi.core.title="raw-01"',
        ].join('\n'),
        purpose: 'Conformance: create a VM',
      });
      expect(answer.status).toBe(201);
      const location = answer.headers.find(([name]) => name === 'location')?.[1];
      expect(location).toMatch(/\/compute\/[0-9a-f-]+$/);
      expect(log.snapshot()[0]?.requestBody).toContain('occi.core.title="raw-01"');
      expect(c.renderingFor('demo').source).toBe('default');
      const read = await c.raw('demo', {
        method: 'GET',
        path: location ?? '',
        headers: { Accept: 'text/plain' },
        purpose: 'Conformance: read it back',
      });
      expect(read.status).toBe(200);
      expect(read.body).toContain('raw-01');
    });

    it('reaches a server URL on the endpoint and refuses one on another server without sending it', async () => {
      server.use(endpointsHandler());
      const { client: c, log } = client();
      const answer = await c.raw('demo', {
        method: 'GET',
        path: 'http://127.0.0.1:8787/-/',
        headers: { Accept: 'text/plain' },
        purpose: 'Read',
      });
      expect(answer.status).toBe(200);
      expect(log.snapshot().at(-1)?.url).toBe('/occi/demo/-/');
      const before = log.snapshot().length;
      const error = await failure(
        c.raw('demo', { method: 'GET', path: 'http://elsewhere.test/-/', headers: {}, purpose: 'Read' }),
      );
      expect(isOcciHttpError(error) && error.status).toBe(400);
      expect(log.snapshot()).toHaveLength(before);
    });

    it.each(['../victim/compute/1', '%2e%2e/victim/compute/1', 'compute/../../victim/compute/1'])(
      'never sends %s, which the browser would resolve into another endpoint',
      async (location) => {
        const seen: string[] = [];
        const { client: c, log } = client({
          fetch: async (input, init) => {
            seen.push(String(input));
            return globalThis.fetch(input, init);
          },
        });
        const error = await failure(c.request('demo', { method: 'DELETE', path: location, purpose: 'Delete it' }));
        expect(isOcciHttpError(error) && error.status).toBe(400);
        expect(String(error)).toMatch(/outside endpoint "demo"/);
        expect(seen).toEqual([]);
        expect(log.snapshot()).toHaveLength(0);
      },
    );

    it('rejects only when there is no answer: network failure, time-out, cancelled', async () => {
      server.use(http.get('*/occi/demo/broken', () => HttpResponse.error()));
      server.use(
        http.get('*/occi/demo/slow', async () => {
          await delay('infinite');
          return HttpResponse.text('');
        }),
      );
      const { client: c, log } = client({ timeoutMs: 100 });
      const raw = (path: string, signal?: AbortSignal) =>
        c.raw('demo', { method: 'GET', path, headers: {}, purpose: 'Read', ...(signal && { signal }) });
      expect(isOcciNetworkError(await failure(raw('broken')))).toBe(true);
      expect(isOcciTimeoutError(await failure(raw('slow')))).toBe(true);
      const controller = new AbortController();
      const cancelled = failure(raw('slow', controller.signal));
      controller.abort();
      const error = await cancelled;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('AbortError');
      expect(log.snapshot().map((e) => e.failure)).toEqual([
        expect.stringMatching(/^network failure/),
        expect.stringMatching(/timed out/),
        'cancelled by the console',
      ]);
    });
  });
});
