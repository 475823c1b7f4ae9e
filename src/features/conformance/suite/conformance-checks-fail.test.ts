/**
 * Every check can fail: for each one, the standard demo cloud is made to misbehave in one way,
 * and the check must fail (the profile test shows the real deviations; this covers every check,
 * the ones no profile breaks included). The run stops after the check under test.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from './check-kit.ts';
import { CONFORMANCE_CHECKS, SUITE } from './conformance-checks.ts';
import { runConformance } from './run-conformance.ts';
import { demoServer, demoTransport, useDemoCloud } from './test-support/demo-endpoint.ts';

const server = demoServer();

interface Seen {
  readonly method: string;
  /** The path as the cloud sees it: `/compute/x`. */
  readonly path: string;
  readonly accept: string;
  readonly headers: Headers;
  readonly body: string;
}

/** One way of misbehaving: change the request before the cloud sees it, or its answer after. */
interface Breaker {
  readonly request?: (
    seen: Seen,
  ) => (Partial<Pick<Seen, 'method' | 'body'>> & { drop?: string }) | Response | undefined;
  readonly response?: (seen: Seen, response: Response, body: string) => Response | undefined;
}

const TEXT = { 'Content-Type': 'text/plain' };

function answer(body: string, status = 200, headers: Record<string, string> = TEXT): Response {
  return new Response(status === 204 ? null : body, { status, headers: { Server: 'demo OCCI/1.2', ...headers } });
}

function copy(
  response: Response,
  body: string,
  change: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
  const status = change.status ?? response.status;
  return new Response(status === 204 ? null : body, { status, headers });
}

const isQuery = (s: Seen) => s.path === '/-/';
const isEntity = (s: Seen, kind: string) => new RegExp(`^/${kind}/[^/]+$`).test(s.path);
const filtered = (s: Seen) => s.headers.has('category');

/** A fetch that lets `breaker` change what goes to the cloud and what comes back. */
function breaking(breaker: Breaker): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const seen: Seen = {
      method: request.method,
      path: url.pathname.replace(/^\/occi\/demo/, ''),
      accept: request.headers.get('accept') ?? '',
      headers: request.headers,
      body,
    };
    const changed = breaker.request?.(seen);
    if (changed instanceof Response) return changed;
    const headers = new Headers(request.headers);
    if (changed?.drop !== undefined) headers.delete(changed.drop);
    const method = changed?.method ?? request.method;
    const sentBody = method === 'GET' ? undefined : (changed?.body ?? body);
    const response = await fetch(url, {
      method,
      headers,
      ...(sentBody !== undefined && { body: sentBody }),
      redirect: 'manual',
    });
    if (breaker.response === undefined) return response;
    const text = await response.text();
    return breaker.response(seen, response, text) ?? copy(response, text);
  };
}

const BREAKERS: Readonly<Record<string, Breaker>> = {
  'discovery.query-interface': {
    response: (s, r, body) =>
      isQuery(s) && !filtered(s) && s.accept === 'text/plain'
        ? copy(
            r,
            body
              .split('\n')
              .filter((l) => !l.startsWith('Category: entity;'))
              .join('\n'),
          )
        : undefined,
  },
  'discovery.filter': { request: (s) => (isQuery(s) && filtered(s) ? answer('') : undefined) },
  'discovery.renderings': {
    request: (s) =>
      isQuery(s) && ['text/plain', 'text/occi'].includes(s.accept) ? answer('not acceptable', 406) : undefined,
  },
  'discovery.json-media-type': {
    response: (s, r, body) =>
      isQuery(s) && s.accept === 'application/occi+json'
        ? copy(r, body, { headers: { 'Content-Type': 'application/json' } })
        : undefined,
  },
  'discovery.default-rendering': { request: (s) => (s.accept === '*/*' ? answer('name a rendering', 406) : undefined) },
  'discovery.infrastructure-kinds': {
    response: (s, r, body) => {
      if (!isQuery(s) || s.accept !== 'application/occi+json') return undefined;
      const model = JSON.parse(body) as { kinds: { term: string }[] };
      return copy(r, JSON.stringify({ ...model, kinds: model.kinds.filter((k) => k.term !== 'storagelink') }));
    },
  },
  'discovery.text-details': {
    response: (s, r, body) =>
      isQuery(s) && s.accept === 'text/plain' ? copy(r, body.replace(/; attributes="[^"]*"/g, '')) : undefined,
  },
  'discovery.server-version': { response: (_s, r, body) => copy(r, body, { headers: { Server: 'demo/0.1' } }) },
  'reading.collection': {
    request: (s) => (s.path === '/compute/' && s.method === 'GET' && !filtered(s) ? answer('down', 500) : undefined),
  },
  'reading.collection-filter': {
    // The compute collection filtered by the compute kind itself, as pOCCI's READ/002 reads it.
    request: (s) =>
      s.path === '/compute/' && (s.headers.get('category') ?? '').startsWith('compute;')
        ? answer('no', 404)
        : undefined,
  },
  'reading.entity': {
    response: (s, r, body) =>
      isEntity(s, 'compute') && s.accept === 'text/plain'
        ? copy(r, body, { headers: { 'Content-Type': 'text/html' } })
        : undefined,
  },
  'reading.filter-honoured': {
    request: (s) => (s.path === '/compute/' && filtered(s) ? { drop: 'category' } : undefined),
  },
  'reading.numbers-unquoted': {
    response: (s, r, body) =>
      isEntity(s, 'compute')
        ? copy(r, body.replace(/occi\.compute\.cores=(\d+)/, 'occi.compute.cores="$1"'))
        : undefined,
  },
  'reading.actions-applicable': {
    response: (s, r, body) =>
      isEntity(s, 'compute') && s.accept === 'text/plain' && body.includes('occi.compute.state="active"')
        ? copy(
            r,
            `${body.replace(/\n?$/, '\n')}Link: <${s.path}?action=start>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#start"\n`,
          )
        : undefined,
  },
  'reading.text-occi': {
    response: (s, r) => (s.accept === 'text/occi' && s.method === 'GET' ? copy(r, '') : undefined),
  },
  'reading.empty-collection': {
    response: (s, r, body) =>
      s.method === 'GET' && r.status === 200 && body === '' ? copy(r, '', { status: 204 }) : undefined,
  },
  'changes.create-bare-compute': {
    response: (s, r, body) =>
      s.method === 'POST' && s.path === '/compute/' && r.status === 201 ? copy(r, body, { status: 200 }) : undefined,
  },
  'changes.create-compute': {
    request: (s) =>
      s.method === 'POST' && s.path === '/compute/' && !s.body.includes('occi.core.id') ? answer('no', 400) : undefined,
  },
  'changes.create-storage': {
    request: (s) => (s.method === 'POST' && s.path === '/storage/' ? answer('down', 500) : undefined),
  },
  'changes.create-network': {
    request: (s) => (s.method === 'POST' && s.path === '/network/' ? answer('down', 500) : undefined),
  },
  'changes.create-from-templates': {
    request: (s) =>
      s.method === 'POST' && s.path === '/compute/' && s.body.includes('class="mixin"') ? answer('no', 409) : undefined,
  },
  'changes.create-with-links': {
    request: (s) =>
      s.method === 'POST' && s.path === '/compute/' && s.body.includes('Link:')
        ? {
            body: s.body
              .split('\n')
              .filter((l) => !l.startsWith('Link:'))
              .join('\n'),
          }
        : undefined,
  },
  'changes.create-storagelink': {
    request: (s) => (s.method === 'POST' && s.path === '/storage/link/' ? answer('down', 500) : undefined),
  },
  'changes.create-networkinterface': {
    request: (s) => (s.method === 'POST' && s.path === '/network/interface/' ? answer('down', 500) : undefined),
  },
  'changes.create-user-mixin': {
    request: (s) => (s.method === 'POST' && isQuery(s) ? answer('user mixins are not supported', 501) : undefined),
  },
  'changes.invalid-value-refused': {
    request: (s) => (s.method === 'POST' && s.body.includes('"lots"') ? answer('invalid', 409) : undefined),
  },
  // The PUT reaches the cloud as a GET: 200 with the entity, and nothing changed.
  'changes.update': { request: (s) => (s.method === 'PUT' ? { method: 'GET' } : undefined) },
  'changes.action': {
    request: (s) =>
      s.method === 'POST' &&
      s.path.startsWith('/compute/') &&
      s.path !== '/compute/' &&
      s.body.includes('class="action"')
        ? answer('down', 500)
        : undefined,
  },
  'changes.actions-follow-state': {
    response: (s, r, body) =>
      isEntity(s, 'compute') && s.accept === 'text/plain'
        ? copy(
            r,
            body
              .split('\n')
              .filter((l) => !l.includes('?action='))
              .join('\n'),
          )
        : undefined,
  },
  // The DELETE reaches the cloud as a GET: the entity stays.
  'changes.delete': {
    request: (s) => (s.method === 'DELETE' && isEntity(s, 'compute') ? { method: 'GET' } : undefined),
  },
};

describe('every check can fail', () => {
  it('has a way to break each check of the suite', () => {
    expect(Object.keys(BREAKERS).sort()).toEqual(CONFORMANCE_CHECKS.map((c) => c.id).sort());
  });

  it.each(SUITE.map((check, index) => [check.id, index] as const))(
    '%s fails when the cloud misbehaves',
    async (id, index) => {
      useDemoCloud(server, 'standard');
      const breaker = BREAKERS[id] as Breaker;
      const checks: readonly Check[] = SUITE.slice(0, index + 1);
      const report = await runConformance({
        transport: demoTransport(breaking(breaker)).transport,
        allowChanges: true,
        checks,
        settleTimeoutMs: 50,
      });
      const result = report.results.at(-1);
      expect(result?.id).toBe(id);
      expect(result?.outcome, result?.reason).toBe('fail');
    },
  );
});
