/**
 * The development worker's `/api/endpoints`, with msw/node: the console reads its endpoints there
 * before it sends anything to `/occi/demo/`, so the entry has the shape the proxy gives it.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEndpointsHandler } from './demo-endpoints-handler.ts';

const ORIGIN = 'http://127.0.0.1:5173';

describe('demoEndpointsHandler', () => {
  const server = setupServer(demoEndpointsHandler(ORIGIN));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('lists the demo endpoint, open to all, at the page’s origin', async () => {
    const response = await fetch(`${ORIGIN}/api/endpoints`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual([
      { id: 'demo', title: 'Demo cloud', url: `${ORIGIN}/`, auth: 'none', insecureTls: false, demo: true },
    ]);
  });
});
