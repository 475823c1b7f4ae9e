/**
 * msw handlers that put a demo cloud behind the console's proxy path: a request to
 * `/occi/demo/compute/` reaches the cloud as `/compute/`, as it would reach an upstream OCCI
 * server behind the real proxy (src/proxy). The cloud speaks real OCCI through the protocol
 * library, so development and component tests exercise the client's parsers.
 */
import { http } from 'msw';
import type { DemoCloud } from '../demo-cloud/demo-cloud-options.ts';

export const DEMO_CLOUD_PREFIX = '/occi/demo';

/**
 * Where the cloud behind the prefix lives, as the proxy would reach it: the URL the test
 * endpoint list gives the demo endpoint (lib/test-support/console-api-handlers.ts). The cloud
 * names its entities by absolute URL on this origin, as real servers do on theirs.
 */
export const DEMO_CLOUD_UPSTREAM = 'http://127.0.0.1:8787';

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

/**
 * `upstream`: the origin the cloud sees each request on (the page's own origin in development,
 * where the endpoint list names that origin).
 */
export function demoCloudHandlers(cloud: DemoCloud, prefix = DEMO_CLOUD_PREFIX, upstream = DEMO_CLOUD_UPSTREAM) {
  const base = prefix.replace(/\/+$/, '');
  if (!base.startsWith('/')) throw new TypeError(`demoCloudHandlers: the prefix must be a path, got ${prefix}`);
  return [
    // A predicate, not the path `${base}/*`: msw resolves a relative path against `location`,
    // which Node does not have, so in component tests that pattern would match nothing. The
    // predicate matches the path on any origin, in the browser and in Node alike.
    http.all(
      ({ request }) => new URL(request.url).pathname.startsWith(`${base}/`),
      async ({ request }) => cloud.handle(await upstreamRequest(request, base, upstream)),
    ),
  ];
}

/** The same request, addressed as the cloud sees it: on the upstream origin, the prefix gone. */
async function upstreamRequest(request: Request, base: string, upstream: string): Promise<Request> {
  const given = new URL(request.url);
  const url = new URL(`${given.pathname.slice(base.length)}${given.search}`, upstream);
  // The body is read whole: handing a stream from one Request to another needs `duplex`, and an
  // OCCI rendering is small.
  const body = WITHOUT_BODY.has(request.method) ? undefined : await request.arrayBuffer();
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(body === undefined ? {} : { body }),
  });
}
