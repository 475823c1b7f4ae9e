import type { ExchangeLog } from '../../../lib/exchange-log.ts';
import { type Resource, renderMessage } from '../../../occi/index.ts';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const T0 = 1_764_252_000_000;

export const QUERY_INTERFACE_BODY =
  `Category: compute; scheme="${INFRA}"; class="kind"; title="Compute Resource"; location="/compute/"\n` +
  `Category: m1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"; title="Flavor: m1.tiny"; location="/mixin/resource_tpl/m1.tiny/"\n` +
  `Category: start; scheme="${INFRA}compute/action#"; class="action"; title="Start"\n`;

const WEB_01: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: ['http://schemas.openstack.org/template/resource#m1.tiny'],
  attributes: new Map<string, string | number>([
    ['occi.core.id', '42'],
    ['occi.core.title', 'web-01'],
    ['occi.compute.cores', 2],
  ]),
  actions: [{ action: `${INFRA}compute/action#stop` }],
  links: [
    {
      entityType: 'link',
      kind: `${INFRA}networkinterface`,
      mixins: [],
      attributes: new Map([
        ['occi.core.id', 'nic-1'],
        ['occi.core.target', '/network/public'],
        ['occi.core.source', '/compute/42'],
      ]),
      actions: [],
    },
  ],
};

export const WEB_01_JSON = renderMessage('entity', WEB_01, 'application/occi+json').body;

export const MALFORMED_BODY = `Category: compute; scheme="${INFRA}"; class="kind"\nX-OCCI-Attribute: occi.core.title="web-02\n`;

/**
 * A session as the occi client records it: a text/plain query interface, a JSON entity, a refused
 * action (409 with X-OCCI-Error), a network failure, a malformed answer and a request in flight.
 * Returns the ids in that order.
 */
export function recordSession(log: ExchangeLog) {
  const ok = (
    status: number,
    statusText: string,
    headers: Array<[string, string]>,
    body: string,
    durationMs: number,
  ) => ({
    response: { status, statusText, headers, body, truncated: false, durationMs },
  });
  const queryInterface = log.start({
    endpoint: 'demo',
    purpose: 'Read the query interface',
    method: 'GET',
    url: '/occi/demo/-/',
    requestHeaders: [['Accept', 'text/plain']],
    requestBody: '',
    startedAt: T0,
  });
  log.complete(
    queryInterface,
    ok(
      200,
      'OK',
      [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Server', 'demo-cloud/1.0 OCCI/1.2'],
      ],
      QUERY_INTERFACE_BODY,
      40,
    ),
  );
  const entity = log.start({
    endpoint: 'demo',
    purpose: 'Show web-01',
    method: 'GET',
    url: '/occi/demo/compute/42',
    requestHeaders: [['Accept', 'application/occi+json']],
    requestBody: '',
    startedAt: T0 + 100,
  });
  log.complete(entity, ok(200, 'OK', [['Content-Type', 'application/occi+json']], WEB_01_JSON, 25));
  const refused = log.start({
    endpoint: 'demo',
    purpose: 'Start web-01',
    method: 'POST',
    url: '/occi/demo/compute/42?action=start',
    requestHeaders: [
      ['Content-Type', 'text/occi'],
      ['Category', `start; scheme="${INFRA}compute/action#"; class="action"`],
    ],
    requestBody: '',
    startedAt: T0 + 200,
  });
  log.complete(
    refused,
    ok(
      409,
      'Conflict',
      [
        ['Content-Type', 'text/occi'],
        ['X-OCCI-Error', 'web-01 is already active'],
      ],
      'web-01 is already active\n',
      10,
    ),
  );
  const failed = log.start({
    endpoint: 'demo',
    purpose: 'List storage',
    method: 'GET',
    url: '/occi/demo/storage/',
    requestHeaders: [['Accept', 'text/plain']],
    requestBody: '',
    startedAt: T0 + 300,
  });
  log.complete(failed, { failure: 'The network is unreachable' });
  const malformed = log.start({
    endpoint: 'demo',
    purpose: 'Show web-02',
    method: 'GET',
    url: '/occi/demo/compute/7',
    requestHeaders: [['Accept', 'text/plain']],
    requestBody: '',
    startedAt: T0 + 400,
  });
  log.complete(malformed, ok(200, 'OK', [['Content-Type', 'text/plain']], MALFORMED_BODY, 5));
  const pending = log.start({
    endpoint: 'demo',
    purpose: 'Delete web-03',
    method: 'DELETE',
    url: '/occi/demo/compute/9',
    requestHeaders: [],
    requestBody: '',
    startedAt: T0 + 500,
  });
  return { queryInterface, entity, refused, failed, malformed, pending };
}
