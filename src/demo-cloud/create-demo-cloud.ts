/**
 * The embedded demo cloud: an OCCI 1.2 provider over an in-memory store, served as one function
 * `(request: Request) => Promise<Response>`. Web-standard APIs only, so the same code answers in
 * an msw service worker, in msw's Node server and behind the `node:http` adapter.
 */
import { occiVersions, renderingOf, SUPPORTED_OCCI_VERSIONS } from '../occi/index.ts';
import { demoCategories } from './demo-categories.ts';
import type { DemoCloud, DemoCloudOptions, DemoSeed } from './demo-cloud-options.ts';
import type { DemoContext, RequestContext } from './demo-context.ts';
import { createIdGenerator } from './generate-id.ts';
import { handleKindCollection } from './handle-collection.ts';
import { handleEntity } from './handle-entity.ts';
import { handleMixinCollection } from './handle-mixin-collection.ts';
import { handleQueryInterface } from './handle-query-interface.ts';
import { type Negotiated, negotiateResponse } from './negotiate-response.ts';
import { occiErrorResponse } from './occi-error-response.ts';
import { isOcciHttpError, OcciHttpError } from './occi-http-error.ts';
import { NO_CONTENT, occiResponse } from './occi-response.ts';
import { profileCategories } from './profile-categories.ts';
import { quirkBehaviourOf } from './quirks/quirk-behaviour-of.ts';
import { hasBody, readRequestBody } from './read-request-body.ts';
import { ALLOWED_METHODS, type Route, routeRequest } from './route-request.ts';
import { seedResources } from './seed-resources.ts';
import { seedTenant } from './seed-tenant.ts';
import { DemoStore } from './store.ts';

export const DEFAULT_ACTION_DELAY_MS = 1500;

function seedEntities(seed: DemoSeed) {
  if (seed === 'tenant') return seedTenant();
  if (seed === 'empty') return [];
  return seedResources(seed.resources);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Accepts a version this server speaks; a client asking only for a higher one gets 501 (GFD.185). */
function checkVersion(request: Request): void {
  const versions = occiVersions(request.headers.get('user-agent'));
  if (versions.length === 0 || versions.some((version) => SUPPORTED_OCCI_VERSIONS.includes(version))) return;
  if (versions.every((version) => Number(version) > 1.2)) {
    throw new OcciHttpError(501, `this server speaks OCCI/1.2 and OCCI/1.1, not OCCI/${versions.join(', OCCI/')}`);
  }
}

/**
 * What the profile's server refuses before reading a request: pyssf's collections and `/-/`
 * without their trailing slash (404, captures 144 to 146), ooi's and rOCCI-server 2's mixin
 * collections (ooi has none: 404; rOCCI-server 2: 501, captures 16, 17), and OCCI JSON bodies
 * where the server has no JSON parser (pyssf: 500, captures 30, 55, 63).
 */
function refuseUnserved(context: RequestContext, route: Route): void {
  const { behaviour, url } = context;
  const collection = route.target !== 'entity' && route.target !== 'none';
  if (behaviour.trailingSlashRequired && collection && !url.pathname.endsWith('/')) {
    throw new OcciHttpError(404, `Resource not found: '${url.pathname}'`);
  }
  if (route.target === 'mixin-collection' && behaviour.mixinCollections === 'not-found') {
    throw new OcciHttpError(404, 'The resource could not be found.');
  }
  if (route.target === 'mixin-collection' && behaviour.mixinCollections === 'not-implemented') {
    throw new OcciHttpError(501, 'Requested functionality is not implemented');
  }
  const json = hasBody(context.body) && renderingOf(context.body.contentType) === 'application/occi+json';
  if (json && !behaviour.jsonWrites) {
    throw new OcciHttpError(500, 'A server error occurred. Please contact the administrator.');
  }
}

function dispatch(context: RequestContext, route: Route): Response {
  switch (route.target) {
    case 'query-interface':
      return handleQueryInterface(context);
    case 'kind-collection':
      return handleKindCollection(context, route);
    case 'mixin-collection':
      return handleMixinCollection(context, route);
    case 'entity':
      return handleEntity(context, route);
    default:
      throw new OcciHttpError(
        404,
        `no OCCI collection or entity at ${context.url.pathname}; the query interface is /-/`,
      );
  }
}

export function createDemoCloud(options: DemoCloudOptions = {}): DemoCloud {
  const behaviour = quirkBehaviourOf(options.profile ?? 'standard');
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const latencyMs = options.latencyMs ?? 0;
  const errorRate = options.errorRate ?? 0;
  const store = new DemoStore(profileCategories(demoCategories, behaviour), now);
  store.seed(seedEntities(options.seed ?? 'tenant'));
  const cloud: DemoContext = {
    store,
    behaviour,
    now,
    actionDelayMs: options.actionDelayMs ?? DEFAULT_ACTION_DELAY_MS,
    newId: createIdGenerator(options.random),
    random,
  };

  async function answer(request: Request, negotiatedFor: (n: Negotiated) => void): Promise<Response> {
    if (latencyMs > 0) await sleep(latencyMs);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const route = routeRequest(url.pathname, store.queryInterface);
    const listing = route.target === 'kind-collection' || route.target === 'mixin-collection';
    let negotiated: Negotiated | undefined;
    let refusal: unknown;
    try {
      negotiated = negotiateResponse(request.headers.get('accept'), listing, behaviour);
      negotiatedFor(negotiated);
    } catch (error) {
      refusal = error;
    }
    if (errorRate > 0 && random() < errorRate) {
      // A failing cloud: half the failures are the backend's (500), half maintenance (503).
      if (random() < 0.5)
        throw new OcciHttpError(500, 'injected failure: the demo cloud was told to fail this request');
      throw new OcciHttpError(503, 'injected failure: the demo cloud is unavailable, try again', {
        headers: [['Retry-After', '1']],
      });
    }
    if (route.target === 'none') {
      throw new OcciHttpError(404, `no OCCI collection or entity at ${url.pathname}; the query interface is /-/`);
    }
    const allowed = ALLOWED_METHODS[route.target];
    if (!allowed.includes(method)) {
      throw new OcciHttpError(405, `${method} is not allowed on ${url.pathname}; allowed: ${allowed.join(', ')}`, {
        headers: [['Allow', allowed.join(', ')]],
      });
    }
    if (negotiated === undefined) throw refusal;
    if (behaviour.versionChecked) checkVersion(request);
    const body = await readRequestBody(request);
    const context: RequestContext = { ...cloud, request, url, method, negotiated, body };
    refuseUnserved(context, route);
    if (method === 'OPTIONS') return occiResponse(context, 200, NO_CONTENT, [['Allow', allowed.join(', ')]]);
    return dispatch(context, route);
  }

  return {
    async handle(request: Request): Promise<Response> {
      let negotiated: Negotiated | undefined;
      const head = request.method.toUpperCase() === 'HEAD';
      try {
        return await answer(request, (n) => {
          negotiated = n;
        });
      } catch (error) {
        try {
          if (isOcciHttpError(error)) {
            // 415 is a body in a type this server does not read: ooi, rOCCI-server 2 and pyssf say 406.
            const status = error.validation
              ? behaviour.validationStatus
              : error.status === 415
                ? behaviour.unreadableBodyStatus
                : error.status;
            return occiErrorResponse(status, error.message, { negotiated, behaviour, headers: error.headers, head });
          }
          const message = error instanceof Error ? error.message : String(error);
          return occiErrorResponse(500, `internal error: ${message}`, { negotiated, behaviour, head });
        } catch {
          return new Response('internal error', {
            status: 500,
            headers: { 'Content-Type': 'text/plain', Server: behaviour.serverHeader },
          });
        }
      }
    },
  };
}
