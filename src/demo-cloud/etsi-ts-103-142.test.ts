/**
 * The OCCI test descriptions of ETSI TS 103 142 as pOCCI (CESNET) implements them (spec digest
 * §6.1), one test per ID, against the standard profile, in each rendering where it means
 * something, with pOCCI's own values (CORE/CREATE/001's `occi.compute.architecture="arch"` too:
 * the demo cloud takes any architecture name, as real servers do).
 */
import { describe, expect, it } from 'vitest';
import { type Category, type Mixin, typeId, wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { occiRequest, RENDERINGS } from './test-support/occi-request.ts';
import { type Answer, locationsOf, ORIGIN, pathOfUrl, send } from './test-support/send.ts';

const { ATTR, COMPUTE, CORE, INFRASTRUCTURE, NETWORK, NETWORKINTERFACE, STORAGE, STORAGELINK } = wellKnown;

function freshCloud() {
  return createDemoCloud({ actionDelayMs: 0 });
}

function idOf(category: Category): string {
  return typeId(category.scheme, category.term);
}

/** What pOCCI checks of every answer: its Content-Type is an OCCI one and the one asked for. */
function expectRequestedType(answer: Answer, requested: string): void {
  expect(['text/occi', 'text/plain', 'application/occi+json']).toContain(answer.headers.get('content-type'));
  expect(answer.headers.get('content-type')).toBe(requested);
}

async function discover(cloud: ReturnType<typeof freshCloud>) {
  return (await send(cloud, 'GET', '/-/', { headers: { Accept: 'text/plain' } })).parse('categories');
}

/** pOCCI's INFRA_CREATE_COMMON: required, mutable attributes filled from its example values. */
const EXAMPLE_VALUES: ReadonlyMap<string, string | number> = new Map<string, string | number>([
  [ATTR.title, 'Test_title_1700000000'],
  ['occi.storage.size', 0.1],
  ['occi.storagelink.deviceid', '/dev/blk0'],
]);

async function requiredAttributes(
  cloud: ReturnType<typeof freshCloud>,
  kindTerm: string,
  extra: readonly string[] = [],
) {
  const kind = (await discover(cloud)).kinds.find((k) => k.term === kindTerm && k.scheme === INFRASTRUCTURE);
  const attributes = new Map<string, string | number>();
  for (const definition of kind?.attributes ?? []) {
    if (definition.required && definition.mutable)
      attributes.set(definition.name, EXAMPLE_VALUES.get(definition.name) ?? 'x');
  }
  for (const name of extra) attributes.set(name, EXAMPLE_VALUES.get(name) ?? 'x');
  return attributes;
}

async function createAndCheck(
  cloud: ReturnType<typeof freshCloud>,
  kindId: string,
  mixins: string[],
  attributes: Map<string, string | number>,
  rendering: (typeof RENDERINGS)[number],
) {
  const kindLocation = `/${kindId.slice(kindId.indexOf('#') + 1)}/`;
  const answer = await send(
    cloud,
    'POST',
    kindLocation,
    occiRequest('entity-update', { kind: kindId, mixins, attributes, links: [] }, rendering),
  );
  expect(answer.status).toBe(201);
  expectRequestedType(answer, rendering);
  // A location in the response: in the body or headers for text, the entity in JSON.
  const location =
    rendering === 'application/occi+json'
      ? (answer.headers.get('location') ?? '')
      : (answer.parse('location-list').locations[0] ?? '');
  // Absolute, as pOCCI wants every location it is given.
  expect(location).toMatch(new RegExp(`^${ORIGIN}${kindLocation}`));
  expect(locationsOf(await send(cloud, 'GET', kindLocation, { headers: { Accept: 'text/plain' } }))).toContain(
    location,
  );
  return location;
}

describe('ETSI TS 103 142 / pOCCI', () => {
  it('OCCI/CORE/DISCOVERY/001: GET /-/ gives 200, the requested type, and core entity, resource and link', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      const answer = await send(cloud, 'GET', '/-/', { headers: { Accept: rendering } });
      expect(answer.status).toBe(200);
      expectRequestedType(answer, rendering);
      const kinds = answer.parse('categories').kinds.map(idOf);
      expect(kinds).toEqual(expect.arrayContaining([`${CORE}entity`, `${CORE}resource`, `${CORE}link`]));
    }
  });

  it('OCCI/CORE/DISCOVERY/002: GET /-/ with a Category filter gives 200 and that category', async () => {
    const cloud = freshCloud();
    const first = (await discover(cloud)).kinds[0];
    if (first === undefined) throw new Error('no category');
    for (const rendering of RENDERINGS) {
      const answer = await send(cloud, 'GET', '/-/', {
        headers: {
          'Content-Type': 'text/occi',
          Accept: rendering,
          Category: `${first.term}; scheme="${first.scheme}"; class="${first.class}"`,
        },
      });
      expect(answer.status).toBe(200);
      expectRequestedType(answer, rendering);
      expect(answer.parse('categories').kinds.map(idOf)).toContain(idOf(first));
    }
  });

  it('OCCI/CORE/CREATE/001: POST a bare compute with id, title, summary, architecture gives 201', async () => {
    const cloud = freshCloud();
    for (const [i, rendering] of RENDERINGS.entries()) {
      const attributes = new Map<string, string>([
        [ATTR.id, `Compute_170000000${i}`],
        [ATTR.title, 'titulek'],
        [ATTR.summary, 'sumarko'],
        ['occi.compute.architecture', 'arch'],
      ]);
      const answer = await send(
        cloud,
        'POST',
        '/compute/',
        occiRequest('entity-update', { kind: COMPUTE, mixins: [], attributes, links: [] }, rendering),
      );
      expect(answer.status).toBe(201);
      expect(answer.headers.get('location')).toBe(`${ORIGIN}/compute/Compute_170000000${i}`);
    }
  });

  it('OCCI/CORE/CREATE/006: POST a user mixin with location and rel=resource_tpl to /-/ gives 200', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      const term = `stufik-${rendering.replace(/\W/g, '-')}`;
      const mixin: Mixin = {
        class: 'mixin',
        scheme: 'http://example.com/occi/my_stuff#',
        term,
        depends: [wellKnown.RESOURCE_TPL],
        applies: [],
        location: `/mixin/resource_tpl/${term}/`,
        attributes: [],
        actions: [],
      };
      const answer = await send(
        cloud,
        'POST',
        '/-/',
        occiRequest('categories', { kinds: [], mixins: [mixin], actions: [] }, rendering),
      );
      expect(answer.status).toBe(200);
    }
    const mixins = (await discover(cloud)).mixins.filter((m) => m.term.startsWith('stufik'));
    expect(mixins).toHaveLength(3);
  });

  it('OCCI/CORE/READ/001: GET the compute location gives 200 and a location list', async () => {
    const cloud = freshCloud();
    const compute = (await discover(cloud)).kinds.find((k) => idOf(k) === COMPUTE);
    for (const rendering of [...RENDERINGS, 'text/uri-list'] as const) {
      const answer = await send(cloud, 'GET', compute?.location ?? '', { headers: { Accept: rendering } });
      expect(answer.status).toBe(200);
      const collection = answer.parse('entity-collection');
      const count = collection.locations.length + collection.resources.length;
      expect(count).toBe(6);
    }
  });

  it('OCCI/CORE/READ/002: GET a collection with a Category filter gives 200 and a location list', async () => {
    const cloud = freshCloud();
    const categories = await discover(cloud);
    // pOCCI: the first mixin whose rel is resource_tpl, read at its own location with itself as filter.
    const filter = categories.mixins.find((m) => m.depends.includes(wellKnown.RESOURCE_TPL));
    if (filter === undefined) throw new Error('no resource template');
    for (const rendering of RENDERINGS) {
      const answer = await send(cloud, 'GET', filter.location ?? '', {
        headers: {
          'Content-Type': 'text/occi',
          Accept: rendering,
          Category: `${filter.term}; scheme="${filter.scheme}"; class="mixin"`,
        },
      });
      expect(answer.status).toBe(200);
      expectRequestedType(answer, rendering);
      const collection = answer.parse('entity-collection');
      expect(collection.locations.length + collection.resources.length).toBe(2);
    }
  });

  it('OCCI/CORE/READ/007: GET each listed entity gives 200, the requested type, and a category', async () => {
    const cloud = freshCloud();
    const locations = locationsOf(await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/plain' } }));
    for (const rendering of RENDERINGS) {
      for (const location of locations) {
        const answer = await send(cloud, 'GET', location, { headers: { Accept: rendering } });
        expect(answer.status).toBe(200);
        expectRequestedType(answer, rendering);
        expect(answer.parse('entity').kind).toBe(COMPUTE);
      }
    }
  });

  it('OCCI/CORE/DELETE/001: create, GET 200, DELETE 2xx, DELETE again, GET 404', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      const created = await send(
        cloud,
        'POST',
        '/compute/',
        occiRequest('entity-update', { kind: COMPUTE, mixins: [], attributes: new Map(), links: [] }, rendering),
      );
      const url = created.headers.get('location') ?? '';
      expect((await send(cloud, 'GET', url, { headers: { Accept: rendering } })).status).toBe(200);
      const deleted = await send(cloud, 'DELETE', url, { headers: { Accept: rendering } });
      expect(deleted.status).toBeGreaterThanOrEqual(200);
      expect(deleted.status).toBeLessThan(300);
      await send(cloud, 'DELETE', url, { headers: { Accept: rendering } });
      expect((await send(cloud, 'GET', url, { headers: { Accept: rendering } })).status).toBe(404);
    }
  });

  it('OCCI/CORE/UPDATE/001: PUT the GET back with a new title gives 200 with categories and attributes', async () => {
    const cloud = freshCloud();
    const [url] = locationsOf(await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/plain' } }));
    for (const rendering of RENDERINGS) {
      const entity = (await send(cloud, 'GET', url ?? '', { headers: { Accept: rendering } })).parse('entity');
      const attributes = new Map(entity.attributes);
      attributes.set(ATTR.title, `c_pOCCI_${rendering}`);
      const links = entity.entityType === 'resource' ? entity.links : [];
      const answer = await send(
        cloud,
        'PUT',
        url ?? '',
        occiRequest('entity', { ...entity, attributes, ...(entity.entityType === 'resource' && { links }) }, rendering),
      );
      expect(answer.status).toBe(200);
      expectRequestedType(answer, rendering);
      const updated = answer.parse('entity');
      expect(updated.kind).toBe(COMPUTE);
      expect(updated.attributes.get(ATTR.title)).toBe(`c_pOCCI_${rendering}`);
    }
  });

  it('OCCI/CORE/MISC/001: an action of the kind (start if not active, else suspend) gives 200', async () => {
    for (const rendering of RENDERINGS) {
      const cloud = freshCloud();
      const categories = await discover(cloud);
      const [url] = locationsOf(await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/plain' } }));
      const entity = (await send(cloud, 'GET', url ?? '', { headers: { Accept: rendering } })).parse('entity');
      const actions = categories.kinds.find((k) => idOf(k) === entity.kind)?.actions ?? [];
      const wanted = entity.attributes.get('occi.compute.state') === 'active' ? 'suspend' : 'start';
      const action = actions.find((id) => id.endsWith(`#${wanted}`)) ?? '';
      const answer = await send(
        cloud,
        'POST',
        `${url}?action=${wanted}`,
        occiRequest('action-invocation', { action, attributes: new Map() }, rendering),
      );
      expect(answer.status).toBe(200);
    }
  });

  it('OCCI/INFRA/CREATE/001: a compute with its required attributes gives 201, a location, and is listed', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      await createAndCheck(cloud, COMPUTE, [], await requiredAttributes(cloud, 'compute'), rendering);
    }
  });

  it('OCCI/INFRA/CREATE/002: a storage with title and occi.storage.size=0.1', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      const attributes = await requiredAttributes(cloud, 'storage', [ATTR.title, 'occi.storage.size']);
      const location = await createAndCheck(cloud, STORAGE, [], attributes, rendering);
      expect((await send(cloud, 'GET', location)).parse('entity').attributes.get('occi.storage.size')).toBe(0.1);
    }
  });

  it('OCCI/INFRA/CREATE/003: a network with a title', async () => {
    const cloud = freshCloud();
    for (const rendering of RENDERINGS) {
      await createAndCheck(cloud, NETWORK, [], await requiredAttributes(cloud, 'network', [ATTR.title]), rendering);
    }
  });

  it('OCCI/INFRA/CREATE/004: a compute with the first os_tpl and resource_tpl found by rel', async () => {
    const cloud = freshCloud();
    const categories = await discover(cloud);
    const os = categories.mixins.find((m) => m.depends.includes(wellKnown.OS_TPL));
    const size = categories.mixins.find((m) => m.depends.includes(wellKnown.RESOURCE_TPL));
    if (os === undefined || size === undefined) throw new Error('no templates');
    for (const rendering of RENDERINGS) {
      const location = await createAndCheck(
        cloud,
        COMPUTE,
        [idOf(os), idOf(size)],
        await requiredAttributes(cloud, 'compute'),
        rendering,
      );
      expect((await send(cloud, 'GET', location)).parse('entity').mixins).toEqual([idOf(os), idOf(size)]);
    }
  });

  it('OCCI/INFRA/CREATE/005: a compute with inline storagelink and networkinterface gives 201', async () => {
    const cloud = freshCloud();
    const [storage] = locationsOf(await send(cloud, 'GET', '/storage/', { headers: { Accept: 'text/plain' } }));
    const [network] = locationsOf(await send(cloud, 'GET', '/network/', { headers: { Accept: 'text/plain' } }));
    // pOCCI's own body: CRLF written as "\n\r", categories of the links but no attributes.
    const body =
      `Category: compute; scheme="${INFRASTRUCTURE}"; class="kind"\n\r` +
      `Link: <${storage}>; rel="${STORAGE}"; category="${STORAGELINK}"\n\r` +
      `Link: <${network}>; rel="${NETWORK}"; category="${NETWORKINTERFACE}"\n\r`;
    const answer = await send(cloud, 'POST', '/compute/', { headers: { 'Content-Type': 'text/plain' }, body });
    expect(answer.status).toBe(201);
    const vm = (
      await send(cloud, 'GET', answer.headers.get('location') ?? '', { headers: { Accept: 'application/occi+json' } })
    ).parse('entity');
    if (vm.entityType !== 'resource') throw new Error('not a resource');
    expect(vm.links.map((l) => l.kind)).toEqual([STORAGELINK, NETWORKINTERFACE]);
  });

  for (const [id, resourceName, kindId, linkLocation] of [
    ['006', 'storage', STORAGELINK, '/storage/link/'],
    ['007', 'network', NETWORKINTERFACE, '/network/interface/'],
  ] as const) {
    it(`OCCI/INFRA/CREATE/${id}: a ${kindId.slice(kindId.indexOf('#') + 1)} between an existing compute and ${resourceName} gives 201 and shows on the compute`, async () => {
      const cloud = freshCloud();
      for (const [i, rendering] of RENDERINGS.entries()) {
        const [compute] = locationsOf(await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/plain' } }));
        const [target] = locationsOf(
          await send(cloud, 'GET', `/${resourceName}/`, { headers: { Accept: 'text/plain' } }),
        );
        const kindTerm = kindId.slice(kindId.indexOf('#') + 1);
        const attributes = await requiredAttributes(cloud, kindTerm);
        attributes.set(ATTR.id, `${kindTerm}_${i}`);
        attributes.set(ATTR.source, compute ?? '');
        attributes.set(ATTR.target, target ?? '');
        const answer = await send(
          cloud,
          'POST',
          linkLocation,
          occiRequest('entity-update', { kind: kindId, mixins: [], attributes, links: [] }, rendering),
        );
        expect(answer.status).toBe(201);
        const vm = (await send(cloud, 'GET', compute ?? '', { headers: { Accept: 'text/plain' } })).parse('entity');
        if (vm.entityType !== 'resource') throw new Error('not a resource');
        expect(
          vm.links.some(
            (link) =>
              link.attributes.get(ATTR.target) === pathOfUrl(target) &&
              link.location === `${linkLocation}${kindTerm}_${i}`,
          ),
        ).toBe(true);
      }
    });
  }
});
