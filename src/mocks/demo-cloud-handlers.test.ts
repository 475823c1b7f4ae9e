/**
 * The msw wrapper with msw/node, as component tests use it: requests under the prefix reach the
 * demo cloud without the prefix; everything else is left alone.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCloud } from '../demo-cloud/create-demo-cloud.ts';
import type { DemoCloud } from '../demo-cloud/demo-cloud-options.ts';
import { demoCloudHandlers } from './demo-cloud-handlers.ts';
import { createDemoServer } from './node.ts';

const COMPUTE = 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"';

describe('demoCloudHandlers', () => {
  const seen: Request[] = [];
  const cloud = createDemoCloud({ actionDelayMs: 0 });
  const watched: DemoCloud = {
    handle: (request) => {
      seen.push(request.clone());
      return cloud.handle(request);
    },
  };
  const server = setupServer(...demoCloudHandlers(watched));
  // Anything the demo cloud does not take ends here, so a test can tell "not intercepted".
  const passedBy: string[] = [];
  server.events.on('request:unhandled', ({ request }) => {
    passedBy.push(request.url);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
    passedBy.length = 0;
  });
  afterAll(() => server.close());

  it('answers the query interface under /occi/demo/-/', async () => {
    const response = await fetch('http://localhost/occi/demo/-/', { headers: { Accept: 'text/plain' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('Category: compute;');
    // The cloud sees the request where the proxy would send it: on its own origin.
    expect(seen[0]?.url).toBe('http://127.0.0.1:8787/-/');
  });

  it('strips the prefix and keeps the query, method, headers and body', async () => {
    const response = await fetch('http://localhost/occi/demo/compute/?x=1', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Auth-Token': 'demo' },
      body: `Category: ${COMPUTE}\n`,
    });
    const request = seen[0] as Request;
    expect(request.url).toBe('http://127.0.0.1:8787/compute/?x=1');
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-auth-token')).toBe('demo');
    expect(await request.text()).toBe(`Category: ${COMPUTE}\n`);
    expect(response.status).toBe(201);
  });

  it('does not intercept a path without the prefix', async () => {
    await fetch('http://localhost/-/').catch(() => undefined);
    await fetch('http://localhost/occi/demonstration/-/').catch(() => undefined);
    await fetch('http://localhost/occi/demo').catch(() => undefined);
    expect(seen).toHaveLength(0);
    expect(passedBy).toEqual([
      'http://localhost/-/',
      'http://localhost/occi/demonstration/-/',
      'http://localhost/occi/demo',
    ]);
  });

  it('takes another prefix', async () => {
    server.use(...demoCloudHandlers(watched, '/occi/other/'));
    const response = await fetch('http://localhost/occi/other/-/');
    expect(response.status).toBe(200);
    // The cloud sees the request where the proxy would send it: on its own origin.
    expect(seen[0]?.url).toBe('http://127.0.0.1:8787/-/');
  });

  it("takes another upstream origin (the page's own, in development)", async () => {
    server.use(...demoCloudHandlers(watched, '/occi/demo', 'http://localhost:5173'));
    await fetch('http://localhost/occi/demo/-/');
    expect(seen[0]?.url).toBe('http://localhost:5173/-/');
  });

  it('lets a test put an error case in front with server.use()', async () => {
    server.use(http.get('http://localhost/occi/demo/compute/', () => HttpResponse.text('down', { status: 503 })));
    expect((await fetch('http://localhost/occi/demo/compute/')).status).toBe(503);
    expect((await fetch('http://localhost/occi/demo/-/')).status).toBe(200);
  });
});

describe('createDemoServer', () => {
  it('serves a fresh cloud per server', async () => {
    const first = createDemoServer({ actionDelayMs: 0 });
    first.listen({ onUnhandledRequest: 'error' });
    try {
      const created = await fetch('http://localhost/occi/demo/compute/', {
        method: 'POST',
        headers: { 'Content-Type': 'text/occi', Category: COMPUTE },
      });
      expect(created.status).toBe(201);
      const location = created.headers.get('location') ?? '';
      const path = new URL(location, 'http://localhost/').pathname;
      expect((await fetch(`http://localhost/occi/demo${path}`)).status).toBe(200);
      first.close();

      const second = createDemoServer();
      second.listen({ onUnhandledRequest: 'error' });
      try {
        expect((await fetch(`http://localhost/occi/demo${path}`)).status).toBe(404);
      } finally {
        second.close();
      }
    } finally {
      first.close();
    }
  });
});
