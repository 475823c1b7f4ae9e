/**
 * msw handlers for the proxy's own API (`/api/endpoints`, `/api/session/...`), which the demo
 * cloud does not serve: component tests add them beside `createDemoServer()`.
 */
import { HttpResponse, http } from 'msw';
import type { EndpointInfo } from '../endpoint-info.ts';

export const DEMO_ENDPOINT: EndpointInfo = {
  id: 'demo',
  title: 'Demo cloud (in the console)',
  // Where src/mocks/demo-cloud-handlers.ts puts the test clouds (DEMO_CLOUD_UPSTREAM).
  url: 'http://127.0.0.1:8787/',
  auth: 'none',
  insecureTls: false,
  demo: true,
};

export function endpointsHandler(endpoints: readonly EndpointInfo[] = [DEMO_ENDPOINT]) {
  return http.get('*/api/endpoints', () => HttpResponse.json(endpoints));
}

/** Answers every login with the given status and JSON error (204 with no body for success). */
export function loginHandler(status = 204, error?: string) {
  return http.post('*/api/session/:endpointId/login', () =>
    status === 204 ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({ error }, { status }),
  );
}
