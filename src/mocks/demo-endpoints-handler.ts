/**
 * The proxy's `GET /api/endpoints` in development, where no proxy runs: Vite's dev server would
 * answer it with index.html, and the start page would have no endpoint to show. The list holds the
 * one endpoint the worker serves, described as the proxy describes its embedded demo cloud; its URL
 * is the page's origin, where the worker's cloud sees each request once `/occi/demo` is taken off.
 */
import { HttpResponse, http } from 'msw';

export function demoEndpointsHandler(origin: string) {
  return http.get('*/api/endpoints', () =>
    HttpResponse.json([
      { id: 'demo', title: 'Demo cloud', url: `${origin}/`, auth: 'none', insecureTls: false, demo: true },
    ]),
  );
}
