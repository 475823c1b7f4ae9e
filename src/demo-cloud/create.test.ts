import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId, osImageId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import {
  COMPUTE_KIND,
  category,
  flavour,
  image,
  NETWORK_KIND,
  NETWORKINTERFACE_KIND,
  STORAGE_KIND,
  STORAGELINK_KIND,
} from './test-support/categories.ts';
import { fakeClock, ORIGIN, pathOfUrl, pathsOf, send } from './test-support/send.ts';

const { ATTR, COMPUTE, NETWORK, NETWORKINTERFACE, STORAGE, STORAGELINK } = wellKnown;

function occi(...headers: [string, string][]): [string, string][] {
  return [['Content-Type', 'text/occi'], ...headers];
}

async function create(cloud: ReturnType<typeof createDemoCloud>, path: string, headers: [string, string][]) {
  const answer = await send(cloud, 'POST', path, { headers: occi(...headers) });
  return answer;
}

describe('create by POST to a Kind collection', () => {
  it('answers 201 with a relative Location, the location in the body too, and the entity listed', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      ['X-OCCI-Attribute', 'occi.core.title="fresh"'],
    ]);
    expect(answer.status).toBe(201);
    const location = pathOfUrl(answer.headers.get('location'));
    expect(location).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
    // Absolute on the request's origin, as pOCCI needs and every real server writes it.
    expect(answer.headers.get('location')).toBe(`${ORIGIN}${location}`);
    expect(answer.headers.get('content-type')).toBe('text/plain');
    expect(answer.parse('location-list').locations).toEqual([`${ORIGIN}${location}`]);
    expect(pathsOf(await send(cloud, 'GET', '/compute/'))).toContain(location);
    const entity = (await send(cloud, 'GET', location)).parse('entity');
    expect(entity.attributes.get(ATTR.id)).toBe(location.slice('/compute/'.length));
  });

  it('puts the location in X-OCCI-Location in text/occi, and answers JSON with the entity', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const occiAnswer = await send(cloud, 'POST', '/compute/', {
      headers: occi(['Category', COMPUTE_KIND], ['Accept', 'text/occi']),
    });
    expect(occiAnswer.status).toBe(201);
    expect(occiAnswer.body).toBe('OK');
    expect(occiAnswer.headers.get('x-occi-location')).toBe(occiAnswer.headers.get('location'));
    const json = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
      body: JSON.stringify({ kind: COMPUTE, mixins: [flavorId('m1.large')], title: 'json-vm' }),
    });
    expect(json.status).toBe(201);
    const entity = json.parse('entity');
    expect(entity.attributes.get('occi.compute.cores')).toBe(4);
    expect(pathOfUrl(json.headers.get('location'))).toBe(`/compute/${String(entity.attributes.get(ATTR.id))}`);
  });

  it('applies template defaults: m1.tiny gives 1 core and 0.5 GiB', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      ['Category', flavour('m1.tiny')],
      ['Category', image('cirros-0.3.0-x86_64-blank')],
    ]);
    const entity = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')))).parse('entity');
    expect(entity.mixins).toEqual([flavorId('m1.tiny'), osImageId('cirros-0.3.0-x86_64-blank')]);
    expect(entity.attributes.get('occi.compute.cores')).toBe(1);
    expect(entity.attributes.get('occi.compute.memory')).toBe(0.5);
  });

  it('lets the client override a template default and types quoted numbers', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      ['Category', flavour('m1.tiny')],
      ['X-OCCI-Attribute', 'occi.compute.cores="2"'],
    ]);
    const entity = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')))).parse('entity');
    expect(entity.attributes.get('occi.compute.cores')).toBe(2);
  });

  it.each<[string, [string, string][], RegExp]>([
    ['no kind', [['Category', flavour('m1.tiny')]], /exactly one kind category/],
    ['two kinds', [['Category', `${COMPUTE_KIND}, ${STORAGE_KIND}`]], /second kind/],
    [
      'the wrong kind',
      [
        ['Category', STORAGE_KIND],
        ['X-OCCI-Attribute', 'occi.storage.size=1'],
      ],
      /does not belong in \/compute\//,
    ],
    [
      'an unknown mixin',
      [
        ['Category', COMPUTE_KIND],
        ['Category', 'm9.huge; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"'],
      ],
      /unknown mixin/,
    ],
    [
      'a mixin that does not apply',
      [
        ['Category', COMPUTE_KIND],
        ['Category', category(wellKnown.IPNETWORK, 'mixin')],
      ],
      /does not apply to compute/,
    ],
    [
      'two resource templates',
      [
        ['Category', COMPUTE_KIND],
        ['Category', flavour('m1.tiny')],
        ['Category', flavour('m1.small')],
      ],
      /at most one resource template/,
    ],
    [
      'two OS templates',
      [
        ['Category', COMPUTE_KIND],
        ['Category', image('SmartOS')],
        ['Category', image('debian-12')],
      ],
      /at most one OS template/,
    ],
    [
      'a template root',
      [
        ['Category', COMPUTE_KIND],
        ['Category', category(wellKnown.OS_TPL, 'mixin')],
      ],
      /abstract parent/,
    ],
    [
      'a value of the wrong type',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.compute.cores="many"'],
      ],
      /occi.compute.cores must be a number \(got "many"\)/,
    ],
    [
      'a fraction for an integer',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.compute.cores=1.5'],
      ],
      /occi.compute.cores must be a whole number/,
    ],
    [
      'a value outside the enum',
      [
        ['Category', COMPUTE_KIND],
        ['Category', category(wellKnown.SSH_KEY, 'mixin')],
        ['Category', category(wellKnown.USER_DATA, 'mixin')],
        ['X-OCCI-Attribute', 'occi.credentials.ssh.publickey="ssh-ed25519 AAAA"'],
        ['X-OCCI-Attribute', 'occi.compute.userdata="not base64!"'],
      ],
      /occi.compute.userdata does not match/,
    ],
    [
      'a value not matching the pattern',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.compute.hostname="not a host"'],
      ],
      /occi.compute.hostname does not match/,
    ],
    [
      'an attribute nobody defines',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.storage.size=3'],
      ],
      /occi.storage.size is not an attribute of compute/,
    ],
    [
      'a server-set state',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.compute.state="active"'],
      ],
      /occi.compute.state is set by the provider/,
    ],
    [
      'a bad client id',
      [
        ['Category', COMPUTE_KIND],
        ['X-OCCI-Attribute', 'occi.core.id="a b"'],
      ],
      /cannot be a path segment/,
    ],
    [
      'a mixin missing its required attribute',
      [
        ['Category', COMPUTE_KIND],
        ['Category', category(wellKnown.SSH_KEY, 'mixin')],
      ],
      /occi.credentials.ssh.publickey is required/,
    ],
  ])('answers a create with %s with 400 and the reason', async (_, headers, reason) => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const before = pathsOf(await send(cloud, 'GET', '/compute/'));
    const answer = await create(cloud, '/compute/', headers);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(reason);
    expect(pathsOf(await send(cloud, 'GET', '/compute/'))).toEqual(before);
  });

  it('names a missing required attribute and how to send it', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/storage/', [['Category', STORAGE_KIND]]);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('occi.storage.size is required');
    expect(answer.body).toContain('X-OCCI-Attribute: occi.storage.size=1.0');
  });

  it('takes a client-chosen occi.core.id as the id in the URL, once', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const headers: [string, string][] = [
      ['Category', COMPUTE_KIND],
      ['X-OCCI-Attribute', 'occi.core.id="Compute_1700000000"'],
    ];
    const first = await create(cloud, '/compute/', headers);
    expect(first.status).toBe(201);
    expect(pathOfUrl(first.headers.get('location'))).toBe('/compute/Compute_1700000000');
    const again = await create(cloud, '/compute/', headers);
    expect(again.status).toBe(409);
  });

  it('accepts the initial state sent back, as MartServer examples do', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      ['X-OCCI-Attribute', 'occi.compute.state="inactive"'],
    ]);
    expect(answer.status).toBe(201);
  });
});

describe('state after a create', () => {
  it.each<[string, string, [string, string][], string, string, string]>([
    ['compute', '/compute/', [['Category', COMPUTE_KIND]], 'occi.compute', 'inactive', 'active'],
    [
      'storage',
      '/storage/',
      [
        ['Category', STORAGE_KIND],
        ['X-OCCI-Attribute', 'occi.storage.size=2'],
      ],
      'occi.storage',
      'offline',
      'online',
    ],
    ['network', '/network/', [['Category', NETWORK_KIND]], 'occi.network', 'inactive', 'active'],
  ])('a new %s is %s, then %s after the action delay', async (_, path, headers, prefix, first, then) => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ actionDelayMs: 1500, now: clock.now });
    const location = pathOfUrl((await create(cloud, path, headers)).headers.get('location'));
    const booting = (await send(cloud, 'GET', location)).parse('entity');
    expect(booting.attributes.get(`${prefix}.state`)).toBe(first);
    expect(booting.attributes.get(`${prefix}.state.message`)).toMatch(/booting|creating/);
    expect(booting.actions).toEqual([]);
    clock.advance(1499);
    expect((await send(cloud, 'GET', location)).parse('entity').attributes.get(`${prefix}.state`)).toBe(first);
    clock.advance(1);
    const ready = (await send(cloud, 'GET', location)).parse('entity');
    expect(ready.attributes.get(`${prefix}.state`)).toBe(then);
    expect(ready.attributes.has(`${prefix}.state.message`)).toBe(false);
    expect(ready.actions.length).toBeGreaterThan(0);
  });

  it('is immediate with actionDelayMs 0', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const location = pathOfUrl(
      (await create(cloud, '/compute/', [['Category', COMPUTE_KIND]])).headers.get('location'),
    );
    expect((await send(cloud, 'GET', location)).parse('entity').attributes.get('occi.compute.state')).toBe('active');
  });
});

describe('links', () => {
  const db = `/compute/${SEED_DOCUMENT_IDS.db}`;

  it('creates a storagelink by POST with source and target, absolute URLs on any host taken by path', async () => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ now: clock.now });
    const answer = await create(cloud, '/storage/link/', [
      ['Category', STORAGELINK_KIND],
      ['X-OCCI-Attribute', `occi.core.source="http://cloud.example.org:9000${db}"`],
      ['X-OCCI-Attribute', 'occi.core.target="/storage/1"'],
      ['X-OCCI-Attribute', 'occi.storagelink.mountpoint="/dev/vdd"'],
    ]);
    expect(answer.status).toBe(201);
    const location = pathOfUrl(answer.headers.get('location'));
    expect(location).toMatch(/^\/storage\/link\//);
    const link = (await send(cloud, 'GET', location)).parse('entity');
    expect(link.entityType).toBe('link');
    expect(link.attributes.get(ATTR.source)).toBe(db);
    expect(link.attributes.get(ATTR.target)).toBe('/storage/1');
    expect(link.attributes.get(ATTR.targetKind)).toBe(STORAGE);
    // db-01 has vdc already: the next free device.
    expect(link.attributes.get('occi.storagelink.deviceid')).toBe('vdb');
    expect(link.attributes.get('occi.storagelink.state')).toBe('inactive');
    clock.advance(1500);
    const compute = (await send(cloud, 'GET', db)).parse('entity');
    if (compute.entityType !== 'resource') throw new Error('not a resource');
    const inline = compute.links.find((l) => l.location === location);
    expect(inline?.attributes.get(ATTR.target)).toBe('/storage/1');
    expect(inline?.attributes.get('occi.storagelink.state')).toBe('active');
  });

  it('creates a networkinterface with an interface name and MAC assigned', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/network/interface/', [
      ['Category', NETWORKINTERFACE_KIND],
      ['X-OCCI-Attribute', `occi.core.source="${db}", occi.core.target="/network/dmz"`],
    ]);
    expect(answer.status).toBe(201);
    const link = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')))).parse('entity');
    expect(link.attributes.get('occi.networkinterface.interface')).toBe('eth1');
    expect(link.attributes.get('occi.networkinterface.mac')).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(link.attributes.get(ATTR.targetKind)).toBe(NETWORK);
  });

  it.each<[string, string, RegExp]>([
    [
      'a source that does not exist',
      'occi.core.source="/compute/nope", occi.core.target="/storage/1"',
      /names no resource/,
    ],
    ['a target that does not exist', `occi.core.source="${db}", occi.core.target="/storage/99"`, /names no resource/],
    ['a target of the wrong kind', `occi.core.source="${db}", occi.core.target="/network/dmz"`, /points at a storage/],
    ['no target', `occi.core.source="${db}"`, /occi.core.target is required/],
  ])('refuses a link with %s (400)', async (_, attributes, reason) => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/storage/link/', [
      ['Category', STORAGELINK_KIND],
      ['X-OCCI-Attribute', attributes],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(reason);
  });

  it('creates inline links with a resource, each with its own location (Link fields)', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      [
        'Link',
        `</storage/1>; rel="${STORAGE}"; category="${STORAGELINK}"; occi.storagelink.mountpoint="/dev/vdb", </network/private>; rel="${NETWORK}"; category="${NETWORKINTERFACE}"`,
      ],
    ]);
    expect(answer.status).toBe(201);
    const vm = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')))).parse('entity');
    if (vm.entityType !== 'resource') throw new Error('not a resource');
    expect(vm.links.map((link) => link.kind)).toEqual([STORAGELINK, NETWORKINTERFACE]);
    for (const link of vm.links) {
      expect(link.location).toMatch(/^\/(storage\/link|network\/interface)\/[0-9a-f-]{36}$/);
      expect((await send(cloud, 'GET', link.location ?? '')).status).toBe(200);
    }
    expect(vm.links[0]?.attributes.get('occi.storagelink.deviceid')).toBe('vdb');
  });

  it('infers an inline link kind from its target, and reads JSON links', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
      body: JSON.stringify({
        kind: COMPUTE,
        links: [
          { kind: NETWORKINTERFACE, target: { location: '/network/private', kind: NETWORK }, attributes: {} },
          { kind: 'http://schemas.ogf.org/occi/core#link', target: { location: '/storage/4' }, attributes: {} },
        ],
      }),
    });
    expect(answer.status).toBe(201);
    const vm = answer.parse('entity');
    if (vm.entityType !== 'resource') throw new Error('not a resource');
    expect(vm.links.map((link) => link.kind)).toEqual([NETWORKINTERFACE, STORAGELINK]);
  });

  it('makes nothing when one inline link is wrong', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const before = pathsOf(await send(cloud, 'GET', '/compute/'));
    const answer = await create(cloud, '/compute/', [
      ['Category', COMPUTE_KIND],
      ['Link', `</storage/1>; rel="${STORAGE}"; category="${STORAGELINK}", </storage/77>; rel="${STORAGE}"`],
    ]);
    expect(answer.status).toBe(400);
    expect(pathsOf(await send(cloud, 'GET', '/compute/'))).toEqual(before);
  });
});

describe('create by PUT at a new path', () => {
  it('answers 201 and the entity lives at the chosen path', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'PUT', '/compute/my-own-vm', {
      headers: occi(['Category', COMPUTE_KIND], ['X-OCCI-Attribute', 'occi.core.title="mine"']),
    });
    expect(answer.status).toBe(201);
    expect(pathOfUrl(answer.headers.get('location'))).toBe('/compute/my-own-vm');
    const entity = (await send(cloud, 'GET', '/compute/my-own-vm')).parse('entity');
    expect(entity.attributes.get(ATTR.id)).toBe('my-own-vm');
  });

  it('refuses an occi.core.id other than the path, and a kind of another collection', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const id = await send(cloud, 'PUT', '/compute/vm-a', {
      headers: occi(['Category', COMPUTE_KIND], ['X-OCCI-Attribute', 'occi.core.id="vm-b"']),
    });
    expect(id.status).toBe(400);
    const kind = await send(cloud, 'PUT', '/compute/vm-a', {
      headers: occi(['Category', STORAGE_KIND], ['X-OCCI-Attribute', 'occi.storage.size=1']),
    });
    expect(kind.status).toBe(400);
  });
});
