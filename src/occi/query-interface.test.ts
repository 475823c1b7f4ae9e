import { describe, expect, it } from 'vitest';
import type { Category, CategoryCollection, Entity, TypeId } from './model.ts';
import { createQueryInterface } from './query-interface.ts';
import {
  ALICE_TAGS,
  BROKEN,
  COMPUTE_ACTION,
  EXAMPLE,
  FEDCLOUD,
  kind,
  mixin,
  OGF_JSON,
  OPENSTACK_OS,
  OPENSTACK_RESOURCE,
  OPENSTACK_TEXT,
  ROCCI1_TEXT,
  ROCCI5,
  STORAGE_ACTION,
} from './test-support/category-collections.ts';
import {
  COMPUTE,
  CORE,
  ENTITY,
  INFRASTRUCTURE,
  IPNETWORK,
  IPNETWORKINTERFACE,
  LINK,
  NETWORK,
  NETWORKINTERFACE,
  OPENSTACK_PUBLIC_KEY,
  OPENSTACK_USER_DATA,
  OS_TPL,
  RESOURCE,
  RESOURCE_TPL,
  SSH_KEY,
  STORAGE,
  STORAGELINK,
  USER_DATA,
} from './well-known.ts';

const ogf = createQueryInterface(OGF_JSON);
const openstack = createQueryInterface(OPENSTACK_TEXT);
const rocci5 = createQueryInterface(ROCCI5);
const rocci1 = createQueryInterface(ROCCI1_TEXT);
const broken = createQueryInterface(BROKEN);

const idsOf = (categories: readonly Category[]): TypeId[] => categories.map((c) => c.scheme + c.term);

const TINY = `${OPENSTACK_RESOURCE}m1.tiny`;
const SMALL = `${OPENSTACK_RESOURCE}m1.small`;
const MEDIUM = `${OPENSTACK_RESOURCE}m1.medium`;
const CIRROS = `${OPENSTACK_OS}cirros-0.3.0-x86_64-blank`;
const SMARTOS = `${OPENSTACK_OS}SmartOS`;
const WEBTIER = `${ALICE_TAGS}webtier`;
const OS_VMS = 'http://schemas.openstack.org/compute/instance#os_vms';
const CENTOS = 'http://occi.localhost/occi/infrastructure/os_tpl#uuid_egi_centos_7_fedcloud_warg_149';
const CERIT = 'http://occi.localhost/occi/infrastructure/availability_zone#cerit';
const WARG = 'http://occi.localhost/occi/infrastructure/availability_zone#warg';
const CRTP_SMALL = 'http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#small';
const IPRESERVATION = `${INFRASTRUCTURE}ipreservation`;

describe('lookups', () => {
  it.each([
    ['kind', ogf.kind(COMPUTE)?.term, 'compute'],
    ['mixin', ogf.mixin(SSH_KEY)?.term, 'ssh_key'],
    ['action', ogf.action(`${COMPUTE_ACTION}stop`)?.term, 'stop'],
    ['category of a kind', ogf.category(STORAGE)?.class, 'kind'],
    ['category of a mixin', ogf.category(OS_TPL)?.class, 'mixin'],
    ['category of an action', ogf.category(`${COMPUTE_ACTION}start`)?.class, 'action'],
    ['unknown kind', ogf.kind(`${EXAMPLE}nothing`), undefined],
    ['a mixin id asked as a kind', ogf.kind(SSH_KEY), undefined],
    ['unknown category', ogf.category(`${EXAMPLE}nothing`), undefined],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('knows the core kinds a server leaves out (pyssf), but does not list them', () => {
    expect(openstack.kind(RESOURCE)?.attributes.map((a) => a.name)).toEqual(['occi.core.summary']);
    expect(openstack.kind(ENTITY)?.attributes.map((a) => a.name)).toEqual(['occi.core.id', 'occi.core.title']);
    expect(openstack.kind(LINK)?.attributes.map((a) => [a.name, a.required])).toEqual([
      ['occi.core.source', true],
      ['occi.core.target', true],
    ]);
    expect(idsOf(openstack.kinds())).not.toContain(RESOURCE);
    expect(idsOf(openstack.kinds())).toContain(COMPUTE);
  });

  it("prefers the server's own core kind to the implicit one", () => {
    expect(ogf.kind(RESOURCE)?.location).toBe('/resource/');
  });

  it('lists what the server listed, in its order', () => {
    expect(idsOf(ogf.kinds())).toEqual([
      ENTITY,
      RESOURCE,
      LINK,
      COMPUTE,
      STORAGE,
      NETWORK,
      NETWORKINTERFACE,
      STORAGELINK,
    ]);
    expect(idsOf(ogf.mixins())).toEqual([OS_TPL, RESOURCE_TPL, IPNETWORK, IPNETWORKINTERFACE, SSH_KEY, USER_DATA]);
    expect(ogf.actions()).toHaveLength(8);
  });

  it('keeps the first of two definitions of one type id', () => {
    expect(broken.kind(`${EXAMPLE}vm`)?.location).toBe('/vm/');
    expect(broken.kinds().filter((k) => k.term === 'vm')).toHaveLength(1);
  });
});

describe('kindChain', () => {
  it.each([
    ['OGF compute', ogf, COMPUTE, [COMPUTE, RESOURCE, ENTITY]],
    ['OGF networkinterface', ogf, NETWORKINTERFACE, [NETWORKINTERFACE, LINK, ENTITY]],
    ['entity itself', ogf, ENTITY, [ENTITY]],
    ['compute when the server leaves out the core kinds', openstack, COMPUTE, [COMPUTE, RESOURCE, ENTITY]],
    ['ipreservation, a sub-kind of network', rocci5, IPRESERVATION, [IPRESERVATION, NETWORK, RESOURCE, ENTITY]],
    ['a cycle a -> b -> a', broken, `${EXAMPLE}a`, [`${EXAMPLE}a`, `${EXAMPLE}b`]],
    ['a kind that is its own parent', broken, `${EXAMPLE}self`, [`${EXAMPLE}self`]],
    ['a parent nobody defines', broken, `${EXAMPLE}vm`, [`${EXAMPLE}vm`]],
    ['a kind with no parent', broken, `${EXAMPLE}orphan`, [`${EXAMPLE}orphan`]],
    ['an unknown kind', ogf, `${EXAMPLE}nothing`, []],
  ] as const)('%s', (_name, qi, kindId, expected) => {
    expect(idsOf(qi.kindChain(kindId))).toEqual(expected);
  });

  it("follows core#resource to core#entity when the server's core#resource has no parent", () => {
    const qi = createQueryInterface({
      kinds: [
        kind(CORE, 'resource', { attributes: ['occi.core.summary'] }),
        kind(INFRASTRUCTURE, 'compute', { parent: RESOURCE }),
      ],
      mixins: [],
      actions: [],
    });
    expect(idsOf(qi.kindChain(COMPUTE))).toEqual([COMPUTE, RESOURCE, ENTITY]);
  });
});

describe('isSubKindOf, isResourceKind, isLinkKind', () => {
  it.each([
    ['compute < resource', ogf.isSubKindOf(COMPUTE, RESOURCE), true],
    ['compute < entity', ogf.isSubKindOf(COMPUTE, ENTITY), true],
    ['compute < compute', ogf.isSubKindOf(COMPUTE, COMPUTE), true],
    ['compute < network', ogf.isSubKindOf(COMPUTE, NETWORK), false],
    ['resource < compute', ogf.isSubKindOf(RESOURCE, COMPUTE), false],
    ['ipreservation < network', rocci5.isSubKindOf(IPRESERVATION, NETWORK), true],
    ['a < b in a cycle', broken.isSubKindOf(`${EXAMPLE}a`, `${EXAMPLE}b`), true],
    ['compute is a resource kind', ogf.isResourceKind(COMPUTE), true],
    ['compute is not a link kind', ogf.isLinkKind(COMPUTE), false],
    ['storagelink is a link kind', ogf.isLinkKind(STORAGELINK), true],
    ['storagelink is a link kind with implicit core kinds', openstack.isLinkKind(STORAGELINK), true],
    ['storage is a resource kind with implicit core kinds', openstack.isResourceKind(STORAGE), true],
    ['a kind under an unknown parent is neither', broken.isResourceKind(`${EXAMPLE}vm`), false],
    ['an unknown kind is no link kind', ogf.isLinkKind(`${EXAMPLE}nothing`), false],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('mixinClosure', () => {
  it.each([
    ['a flavour brings in resource_tpl first', openstack, [TINY], [RESOURCE_TPL, TINY]],
    ['order kept, repeats dropped', openstack, [SMARTOS, TINY, SMARTOS], [OS_TPL, SMARTOS, RESOURCE_TPL, TINY]],
    ['a mixin with no depends', ogf, [SSH_KEY], [SSH_KEY]],
    ['a cycle m1 -> m2 -> m1', broken, [`${EXAMPLE}m1`], [`${EXAMPLE}m2`, `${EXAMPLE}m1`]],
    ['a mixin depending on itself', broken, [`${EXAMPLE}loop`], [`${EXAMPLE}loop`]],
    [
      'an unlisted dependency is kept',
      broken,
      [`${EXAMPLE}needs_unlisted`],
      [`${EXAMPLE}nowhere`, `${EXAMPLE}needs_unlisted`],
    ],
    ['an unknown mixin is kept', ogf, [`${EXAMPLE}nothing`], [`${EXAMPLE}nothing`]],
    ["rOCCI 5's mixed rel: the kind is no dependency", rocci5, [CENTOS], [OS_TPL, CENTOS]],
    ['a mixin listed in applies is a dependency', rocci5, [CERIT], [`${FEDCLOUD}availability_zone`, CERIT]],
    ['nothing', ogf, [], []],
  ] as const)('%s', (_name, qi, ids, expected) => {
    expect(qi.mixinClosure(ids)).toEqual(expected);
  });

  it('handles a dependency chain far deeper than the call stack', () => {
    const depth = 50_000;
    const mixins = Array.from({ length: depth }, (_, i) =>
      mixin(EXAMPLE, `m${i}`, { depends: i + 1 < depth ? [`${EXAMPLE}m${i + 1}`] : [] }),
    );
    const closure = createQueryInterface({ kinds: [], mixins, actions: [] }).mixinClosure([`${EXAMPLE}m0`]);
    expect(closure).toHaveLength(depth);
    expect(closure[0]).toBe(`${EXAMPLE}m${depth - 1}`);
    expect(closure.at(-1)).toBe(`${EXAMPLE}m0`);
  });
});

describe("rOCCI 5's depends/applies mix-up", () => {
  it.each([
    ['a kind among depends moves to applies', CENTOS, [OS_TPL], [COMPUTE]],
    ['a mixin among applies moves to depends', CERIT, [`${FEDCLOUD}availability_zone`], [COMPUTE]],
    ['a CRTP flavour', CRTP_SMALL, [RESOURCE_TPL], [COMPUTE]],
    ['a clean mixin stays as it is', WARG, [`${FEDCLOUD}availability_zone`], []],
  ])('%s', (_name, id, depends, applies) => {
    expect(rocci5.mixin(id)?.depends).toEqual(depends);
    expect(rocci5.mixin(id)?.applies).toEqual(applies);
  });

  it('returns an untouched mixin as the very object the server gave', () => {
    expect(ogf.mixin(IPNETWORK)).toBe(OGF_JSON.mixins[2]);
  });
});

function summary(qi: ReturnType<typeof createQueryInterface>, kindId: TypeId, mixinIds: TypeId[] = []) {
  return qi.attributesFor(kindId, mixinIds).map((a) => a.name);
}

describe('attributesFor: which attributes, in which order', () => {
  it.each([
    [
      'OGF compute: the chain root first',
      ogf,
      COMPUTE,
      [],
      [
        'occi.core.id',
        'occi.core.title',
        'occi.core.summary',
        'occi.compute.architecture',
        'occi.compute.cores',
        'occi.compute.hostname',
        'occi.compute.memory',
        'occi.compute.state',
      ],
    ],
    [
      'OGF networkinterface with ipnetworkinterface',
      ogf,
      NETWORKINTERFACE,
      [IPNETWORKINTERFACE],
      [
        'occi.core.id',
        'occi.core.title',
        'occi.core.source',
        'occi.core.target',
        'occi.networkinterface.interface',
        'occi.networkinterface.mac',
        'occi.networkinterface.address',
      ],
    ],
    [
      'a kind repeating inherited names keeps their first position',
      openstack,
      COMPUTE,
      [TINY],
      [
        'occi.core.id',
        'occi.core.title',
        'occi.core.summary',
        'occi.compute.architecture',
        'occi.compute.cores',
        'occi.compute.hostname',
        'occi.compute.memory',
        'occi.compute.speed',
        'occi.compute.state',
      ],
    ],
    ['a parent cycle', broken, `${EXAMPLE}a`, [], ['example.b', 'example.a']],
    ['an unknown parent', broken, `${EXAMPLE}vm`, [], ['example.vm']],
    ['a depends cycle', broken, `${EXAMPLE}orphan`, [`${EXAMPLE}m1`], ['example.orphan', 'example.m2', 'example.m1']],
    ['an unknown kind with a mixin', ogf, `${EXAMPLE}nothing`, [SSH_KEY], ['occi.credentials.ssh.publickey']],
    ['unknown mixins add nothing', ogf, ENTITY, [`${EXAMPLE}nothing`], ['occi.core.id', 'occi.core.title']],
  ] as const)('%s', (_name, qi, kindId, mixinIds, expected) => {
    expect(summary(qi, kindId, [...mixinIds])).toEqual(expected);
  });
});

describe('attributesFor: resolved definitions', () => {
  const byName = (qi: ReturnType<typeof createQueryInterface>, kindId: TypeId, mixinIds: TypeId[] = []) =>
    new Map(qi.attributesFor(kindId, mixinIds).map((a) => [a.name, a]));

  it('says which category each definition came from', () => {
    const attributes = byName(ogf, COMPUTE, [SSH_KEY]);
    expect(attributes.get('occi.core.id')?.definedBy).toBe(ENTITY);
    expect(attributes.get('occi.core.summary')?.definedBy).toBe(RESOURCE);
    expect(attributes.get('occi.compute.cores')?.definedBy).toBe(COMPUTE);
    expect(attributes.get('occi.credentials.ssh.publickey')?.definedBy).toBe(SSH_KEY);
  });

  it('lets a template override the kind: default, mutability, and the defining category', () => {
    const cores = byName(openstack, COMPUTE, [TINY]).get('occi.compute.cores');
    expect(cores).toMatchObject({ default: 1, mutable: false, definedBy: TINY, type: 'number' });
    const memory = byName(openstack, COMPUTE, [TINY]).get('occi.compute.memory');
    expect(memory).toMatchObject({ default: 0.5, definedBy: TINY });
    // Without the template the kind's own definition stands.
    expect(byName(openstack, COMPUTE).get('occi.compute.cores')).toMatchObject({ mutable: true, definedBy: COMPUTE });
    expect(byName(openstack, COMPUTE).get('occi.compute.cores')?.default).toBeUndefined();
  });

  it("keeps the kind's default when a mixin only names the attribute", () => {
    const qi = createQueryInterface({
      kinds: OGF_JSON.kinds,
      mixins: [
        mixin(EXAMPLE, 'names_memory', {
          attributes: [{ name: 'occi.compute.memory', mutable: true, required: true }],
        }),
      ],
      actions: [],
    });
    expect(byName(qi, COMPUTE, [`${EXAMPLE}names_memory`]).get('occi.compute.memory')).toMatchObject({
      default: 1,
      type: 'number',
      required: true,
      definedBy: `${EXAMPLE}names_memory`,
    });
  });

  it('lets a child kind override its parent and keeps what the child leaves out', () => {
    const qi = createQueryInterface({
      kinds: [
        kind(EXAMPLE, 'base', {
          parent: RESOURCE,
          attributes: [
            { name: 'example.x', mutable: true, required: false, type: 'number', default: 3, description: 'from base' },
          ],
        }),
        kind(EXAMPLE, 'child', {
          parent: `${EXAMPLE}base`,
          attributes: [{ name: 'example.x', mutable: false, required: true }],
        }),
      ],
      mixins: [],
      actions: [],
    });
    expect(byName(qi, `${EXAMPLE}child`).get('example.x')).toMatchObject({
      type: 'number',
      default: 3,
      description: 'from base',
      mutable: false,
      required: true,
      definedBy: `${EXAMPLE}child`,
    });
  });

  it('puts a dependency before the mixin that depends on it, so the dependent wins', () => {
    const qi = createQueryInterface({
      kinds: [],
      mixins: [
        mixin(EXAMPLE, 'big', {
          depends: [`${EXAMPLE}base_tpl`],
          attributes: [{ name: 'occi.compute.cores', mutable: false, required: false, default: 8 }],
        }),
        mixin(EXAMPLE, 'base_tpl', {
          attributes: [
            { name: 'occi.compute.cores', mutable: false, required: false, default: 1 },
            { name: 'occi.compute.architecture', mutable: false, required: false, default: 'x64' },
          ],
        }),
      ],
      actions: [],
    });
    const attributes = qi.attributesFor(COMPUTE, [`${EXAMPLE}big`]);
    expect(attributes.map((a) => [a.name, a.default, a.definedBy])).toEqual([
      ['occi.compute.cores', 8, `${EXAMPLE}big`],
      ['occi.compute.architecture', 'x64', `${EXAMPLE}base_tpl`],
    ]);
  });

  it.each([
    // [kind, attribute, type, typeSource]
    [COMPUTE, 'occi.compute.cores', 'number', 'well-known'],
    [COMPUTE, 'occi.compute.memory', 'number', 'well-known'],
    [COMPUTE, 'occi.compute.speed', 'number', 'well-known'],
    [COMPUTE, 'occi.compute.architecture', 'string', 'well-known'],
    [COMPUTE, 'occi.core.title', 'string', 'well-known'],
    [STORAGE, 'occi.storage.size', 'number', 'well-known'],
    [NETWORK, 'occi.network.vlan', 'number', 'well-known'],
  ] as const)('types a 1.1 text attribute from the spec: %s %s is %s', (kindId, name, type, typeSource) => {
    expect(byName(openstack, kindId).get(name)).toMatchObject({ type, typeSource });
  });

  it("defaults an unknown attribute's type to string", () => {
    const userData = byName(openstack, COMPUTE, [OPENSTACK_USER_DATA]).get('org.openstack.compute.user_data');
    expect(userData).toMatchObject({ type: 'string', typeSource: 'default' });
    expect(userData?.enum).toBeUndefined();
  });

  it.each([
    [COMPUTE, 'occi.compute.architecture', ['x86', 'x64']],
    [COMPUTE, 'occi.compute.state', ['active', 'inactive', 'suspended', 'error']],
    [NETWORK, 'occi.network.state', ['active', 'inactive', 'error']],
    [STORAGE, 'occi.storage.state', ['online', 'offline', 'backup', 'snapshot', 'resize', 'degraded', 'error']],
  ] as const)('gives the spec value set of %s %s', (kindId, name, values) => {
    expect(byName(openstack, kindId).get(name)?.enum).toEqual(values);
  });

  it('gives the spec range and integer-ness of occi.network.vlan and occi.compute.cores', () => {
    expect(byName(openstack, NETWORK).get('occi.network.vlan')).toMatchObject({
      integer: true,
      minimum: 0,
      maximum: 4095,
    });
    expect(byName(openstack, COMPUTE).get('occi.compute.cores')).toMatchObject({ integer: true, minimum: 1 });
  });

  it("prefers the server's enum from its pattern to the spec's (rOCCI adds waiting)", () => {
    expect(byName(rocci5, COMPUTE).get('occi.compute.state')?.enum).toEqual([
      'active',
      'inactive',
      'error',
      'waiting',
      'suspended',
    ]);
    expect(byName(rocci5, COMPUTE).get('occi.compute.architecture')).toMatchObject({
      enum: ['x86', 'x64'],
      default: 'x64',
      typeSource: 'server',
    });
  });

  it("prefers the server's type to the spec's", () => {
    const qi = createQueryInterface({
      kinds: [
        kind(INFRASTRUCTURE, 'compute', {
          attributes: [{ name: 'occi.compute.cores', mutable: true, required: false, type: 'string' }],
        }),
      ],
      mixins: [],
      actions: [],
    });
    const cores = qi.attributesFor(COMPUTE)[0];
    expect(cores).toMatchObject({ type: 'string', typeSource: 'server' });
    expect(cores?.integer).toBeUndefined();
  });

  it('reads enum and range from a JSON Schema pattern', () => {
    const qi = createQueryInterface({
      kinds: [
        kind(EXAMPLE, 'thing', {
          attributes: [
            {
              name: 'example.size',
              mutable: true,
              required: false,
              type: 'number',
              pattern: { type: 'integer', minimum: 2, maximum: 9 },
            },
            {
              name: 'example.colour',
              mutable: true,
              required: false,
              type: 'string',
              pattern: { enum: ['red', 'blue'] },
            },
          ],
        }),
      ],
      mixins: [],
      actions: [],
    });
    const [size, colour] = qi.attributesFor(`${EXAMPLE}thing`);
    expect(size).toMatchObject({ integer: true, minimum: 2, maximum: 9 });
    expect(colour?.enum).toEqual(['red', 'blue']);
  });
});

describe('attributesOfAction', () => {
  const parameters = (qi: ReturnType<typeof createQueryInterface>, id: TypeId) =>
    qi.attributesOfAction(id).map((a) => [a.name, a.type, a.required, a.enum, a.definedBy]);

  it.each([
    [
      'OGF stop: the spec enum for a typed method',
      ogf,
      `${COMPUTE_ACTION}stop`,
      [['method', 'string', false, ['graceful', 'acpioff', 'poweroff'], `${COMPUTE_ACTION}stop`]],
    ],
    [
      '1.1 text restart: the spec types and enums a bare name',
      openstack,
      `${COMPUTE_ACTION}restart`,
      [['method', 'string', false, ['graceful', 'warm', 'cold'], `${COMPUTE_ACTION}restart`]],
    ],
    [
      'listed without parameters: the spec ones',
      ogf,
      `${COMPUTE_ACTION}suspend`,
      [['method', 'string', false, ['hibernate', 'suspend'], `${COMPUTE_ACTION}suspend`]],
    ],
    [
      'not listed at all: the spec ones',
      ogf,
      `${STORAGE_ACTION}resize`,
      [['size', 'number', true, undefined, `${STORAGE_ACTION}resize`]],
    ],
    [
      "rOCCI 5's own values win (its typo included)",
      rocci5,
      `${COMPUTE_ACTION}save`,
      [['method', 'string', false, ['hot', 'deffered'], `${COMPUTE_ACTION}save`]],
    ],
    [
      'a provider action',
      openstack,
      'http://schemas.openstack.org/instance/action#chg_pwd',
      [
        [
          'org.openstack.credentials.admin_pwd',
          'string',
          false,
          undefined,
          'http://schemas.openstack.org/instance/action#chg_pwd',
        ],
      ],
    ],
    ['an action with no parameters', ogf, `${COMPUTE_ACTION}start`, []],
    ['an unknown action', ogf, `${EXAMPLE}nothing`, []],
  ] as const)('%s', (_name, qi, id, expected) => {
    expect(parameters(qi, id)).toEqual(expected);
  });
});

describe('actionsFor and actionsOf', () => {
  const computeActions = ['start', 'stop', 'restart', 'suspend'].map((t) => `${COMPUTE_ACTION}${t}`);

  it.each([
    ['compute', ogf, COMPUTE, [], computeActions],
    [
      'compute with a provider mixin that adds one',
      openstack,
      COMPUTE,
      [OS_VMS],
      [...computeActions, 'http://schemas.openstack.org/instance/action#chg_pwd'],
    ],
    [
      'storage, one action not listed',
      openstack,
      STORAGE,
      [],
      [`${STORAGE_ACTION}online`, `${STORAGE_ACTION}offline`, `${STORAGE_ACTION}resize`],
    ],
    ['a kind in a parent cycle', broken, `${EXAMPLE}b`, [], [`${EXAMPLE}act_a`]],
    ['a link kind with none', ogf, STORAGELINK, [], []],
    ['an unknown kind', ogf, `${EXAMPLE}nothing`, [], []],
  ] as const)('%s', (_name, qi, kindId, mixinIds, expected) => {
    expect(idsOf(qi.actionsFor(kindId, [...mixinIds]))).toEqual(expected);
  });

  it('gives an action the server does not list a stub with scheme and term', () => {
    const resize = openstack.actionsFor(STORAGE).at(-1);
    expect(resize).toEqual({ class: 'action', scheme: STORAGE_ACTION, term: 'resize', attributes: [] });
  });

  it("returns the server's own Action category when it lists one", () => {
    expect(ogf.actionsFor(COMPUTE)[1]).toBe(OGF_JSON.actions[1]);
  });

  const entity = (actions: Entity['actions']): Entity => ({
    entityType: 'resource',
    kind: COMPUTE,
    mixins: [],
    attributes: new Map(),
    actions,
    links: [],
  });

  it('uses the action links an entity advertises', () => {
    const offered = ogf.actionsOf(
      entity([
        { action: `${COMPUTE_ACTION}stop`, href: '/compute/42?action=stop' },
        { action: `${COMPUTE_ACTION}restart` },
        { action: `${COMPUTE_ACTION}stop`, href: '/compute/42?action=stop' },
      ]),
    );
    expect(offered.map((a) => [a.action.term, a.advertised, a.href])).toEqual([
      ['stop', true, '/compute/42?action=stop'],
      ['restart', true, undefined],
    ]);
    expect(offered[0]?.action).toBe(OGF_JSON.actions[1]);
  });

  it('derives them from the kind, marked unconfirmed, when the entity advertises none', () => {
    const derived = ogf.actionsOf(entity([]));
    expect(derived.map((a) => [a.action.term, a.advertised])).toEqual([
      ['start', false],
      ['stop', false],
      ['restart', false],
      ['suspend', false],
    ]);
    expect(derived.every((a) => !('href' in a))).toBe(true);
  });

  it('stubs an advertised action the query interface does not list', () => {
    const [offered] = ogf.actionsOf(entity([{ action: 'http://schemas.openstack.org/instance/action#create_image' }]));
    expect(offered?.action).toMatchObject({
      scheme: 'http://schemas.openstack.org/instance/action#',
      term: 'create_image',
    });
  });
});

describe('mixin roles', () => {
  it.each([
    ['an OpenStack flavour', 'resource-template', openstack, TINY],
    ['an OpenStack image', 'os-template', openstack, SMARTOS],
    ['another OpenStack image', 'os-template', openstack, CIRROS],
    ['os_tpl itself', 'os-template', openstack, OS_TPL],
    ['resource_tpl itself', 'resource-template', openstack, RESOURCE_TPL],
    ['OGF ssh_key', 'contextualization', openstack, SSH_KEY],
    ['OGF user_data', 'contextualization', openstack, USER_DATA],
    ['OpenStack public_key', 'contextualization', openstack, OPENSTACK_PUBLIC_KEY],
    ['OpenStack user_data', 'contextualization', openstack, OPENSTACK_USER_DATA],
    ['a user tag', 'tag', openstack, WEBTIER],
    ['a provider mixin with attributes and actions', 'provider', openstack, OS_VMS],
    ['ipnetwork', 'network', ogf, IPNETWORK],
    ['ipnetworkinterface', 'network', ogf, IPNETWORKINTERFACE],
    ["rOCCI 5's image with a mixed rel", 'os-template', rocci5, CENTOS],
    ['a CRTP flavour', 'resource-template', rocci5, CRTP_SMALL],
    ['an empty root mixin (availability_zone)', 'tag', rocci5, `${FEDCLOUD}availability_zone`],
    ['a mixin that only depends on another', 'provider', rocci5, WARG],
    [
      'an image known by its .../os_tpl# scheme alone (rOCCI 1)',
      'os-template',
      rocci1,
      'http://occi.example.org/occi/infrastructure/os_tpl#debian6',
    ],
    [
      'a rOCCI 1 flavour',
      'resource-template',
      rocci1,
      'http://occi.example.org/occi/infrastructure/resource_tpl#t1_micro',
    ],
    ['a mixin in a depends cycle', 'provider', broken, `${EXAMPLE}m1`],
    ['an unknown mixin', 'provider', ogf, `${EXAMPLE}nothing`],
    ['an unknown mixin under an image scheme', 'os-template', ogf, `${OPENSTACK_OS}ubuntu`],
  ] as const)('%s is %s', (_name, role, qi, id) => {
    expect(qi.mixinRole(id)).toBe(role);
  });

  it('finds a CRTP flavour by its scheme even without depends', () => {
    const qi = createQueryInterface({
      kinds: [],
      mixins: [mixin('http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#', 'large')],
      actions: [],
    });
    expect(qi.mixinRole('http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#large')).toBe(
      'resource-template',
    );
  });

  it('follows dependencies transitively', () => {
    const qi = createQueryInterface({
      kinds: [],
      mixins: [
        mixin(EXAMPLE, 'linux', { depends: [OS_TPL] }),
        mixin(EXAMPLE, 'ubuntu', { depends: [`${EXAMPLE}linux`] }),
        mixin(EXAMPLE, 'keyed', { depends: [SSH_KEY] }),
      ],
      actions: [],
    });
    expect(qi.mixinRole(`${EXAMPLE}ubuntu`)).toBe('os-template');
    expect(qi.mixinRole(`${EXAMPLE}keyed`)).toBe('contextualization');
  });

  it('lists the OS and resource templates a user can pick, without the roots', () => {
    expect(idsOf(openstack.osTemplates())).toEqual([CIRROS, SMARTOS]);
    expect(idsOf(openstack.resourceTemplates())).toEqual([TINY, SMALL, MEDIUM]);
    expect(idsOf(rocci5.osTemplates())).toEqual([CENTOS]);
    expect(idsOf(rocci5.resourceTemplates())).toEqual([
      CRTP_SMALL,
      'http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#medium',
    ]);
    expect(idsOf(ogf.osTemplates())).toEqual([]);
  });

  it('lists mixins by role', () => {
    expect(idsOf(openstack.mixinsWithRole('contextualization'))).toEqual([
      SSH_KEY,
      USER_DATA,
      OPENSTACK_PUBLIC_KEY,
      OPENSTACK_USER_DATA,
    ]);
    expect(idsOf(openstack.mixinsWithRole('tag'))).toEqual([WEBTIER]);
  });
});

describe('applicableMixins', () => {
  it.each([
    ['OGF compute', ogf, COMPUTE, [OS_TPL, RESOURCE_TPL, SSH_KEY, USER_DATA]],
    // Templates apply to compute alone (GFD.224) where the server does not say otherwise.
    ['OGF network', ogf, NETWORK, [IPNETWORK]],
    ['OGF networkinterface', ogf, NETWORKINTERFACE, [IPNETWORKINTERFACE]],
    [
      'ipreservation gets what applies to its parent network',
      rocci5,
      IPRESERVATION,
      [`${FEDCLOUD}availability_zone`, WARG, IPNETWORK],
    ],
    [
      'rOCCI 5 network: the image whose mixed rel named compute does not apply',
      rocci5,
      NETWORK,
      [`${FEDCLOUD}availability_zone`, WARG, IPNETWORK],
    ],
    [
      '1.1 network: the spec keeps contextualization and templates to compute although the server cannot say so',
      openstack,
      NETWORK,
      [OS_VMS, WEBTIER],
    ],
  ] as const)('%s', (_name, qi, kindId, expected) => {
    expect(idsOf(qi.applicableMixins(kindId))).toEqual(expected);
  });

  it('offers contextualization and flavours to a 1.1 compute', () => {
    const ids = idsOf(openstack.applicableMixins(COMPUTE));
    expect(ids).toEqual(
      expect.arrayContaining([TINY, SMARTOS, SSH_KEY, OPENSTACK_PUBLIC_KEY, OPENSTACK_USER_DATA, WEBTIER]),
    );
  });

  it('offers the mixed-rel image and the CRTP flavours to rOCCI 5 compute', () => {
    expect(idsOf(rocci5.applicableMixins(COMPUTE))).toEqual(expect.arrayContaining([CENTOS, CERIT, CRTP_SMALL]));
  });

  it('treats applies = [core#entity] as any entity', () => {
    const qi = createQueryInterface({
      kinds: OGF_JSON.kinds,
      mixins: [mixin(EXAMPLE, 'anything', { applies: [ENTITY] }), mixin(EXAMPLE, 'resources', { applies: [RESOURCE] })],
      actions: [],
    });
    expect(idsOf(qi.applicableMixins(STORAGELINK))).toEqual([`${EXAMPLE}anything`]);
    expect(idsOf(qi.applicableMixins(STORAGE))).toEqual([`${EXAMPLE}anything`, `${EXAMPLE}resources`]);
  });
});

describe('templateSummary', () => {
  it.each([
    ['an OpenStack flavour from its defaults', openstack, TINY, { cores: 1, memory: 0.5, from: 'defaults' }],
    ['another', openstack, MEDIUM, { cores: 2, memory: 4, from: 'defaults' }],
    [
      'a CRTP flavour with every default',
      rocci5,
      CRTP_SMALL,
      { cores: 1, memory: 1, speed: 1, architecture: 'x64', ephemeralStorage: 10, from: 'defaults' },
    ],
    [
      'a rOCCI 1 flavour from its title',
      rocci1,
      'http://occi.example.org/occi/infrastructure/resource_tpl#t1_micro',
      { cores: 1, memory: 0.613, from: 'title' },
    ],
    [
      'a title saying "GB of RAM"',
      rocci1,
      'http://occi.example.org/occi/infrastructure/resource_tpl#large',
      { cores: 2, memory: 7.5, from: 'title' },
    ],
    [
      'a title in another shape',
      rocci1,
      'http://occi.example.org/occi/infrastructure/resource_tpl#odd',
      { from: 'none' },
    ],
    ['an image', openstack, SMARTOS, { from: 'none' }],
    ['an unknown mixin', openstack, `${EXAMPLE}nothing`, { from: 'none' }],
  ] as const)('%s', (_name, qi, id, expected) => {
    const { defaults: _defaults, ...figures } = qi.templateSummary(id);
    expect(figures).toEqual(expected);
  });

  it('lists every default the template sets', () => {
    expect(Object.fromEntries(rocci5.templateSummary(CRTP_SMALL).defaults)).toEqual({
      'occi.compute.cores': 1,
      'occi.compute.memory': 1,
      'occi.compute.speed': 1,
      'occi.compute.architecture': 'x64',
      'occi.compute.ephemeral_storage.size': 10,
    });
  });

  it("converts ooi's MiB to GiB and types quoted numbers", () => {
    const collection: CategoryCollection = {
      kinds: [],
      mixins: [
        mixin(OPENSTACK_RESOURCE, '1', {
          depends: [RESOURCE_TPL],
          title: 'Flavor: m1.tiny',
          attributes: [
            { name: 'occi.compute.cores', mutable: false, required: false, default: '1' },
            { name: 'occi.compute.memory', mutable: false, required: false, default: 512 },
          ],
        }),
      ],
      actions: [],
    };
    const ooi = createQueryInterface(collection, { serverProfile: 'ooi' });
    expect(ooi.templateSummary(`${OPENSTACK_RESOURCE}1`)).toMatchObject({ cores: 1, memory: 0.5, from: 'defaults' });
    const generic = createQueryInterface(collection);
    expect(generic.templateSummary(`${OPENSTACK_RESOURCE}1`)).toMatchObject({ memory: 512 });
  });
});

describe('kindForLocation and mixinForLocation', () => {
  it.each([
    ['/compute/', COMPUTE, ogf],
    ['/compute', COMPUTE, ogf],
    ['compute/', COMPUTE, ogf],
    ['http://cloud.example.org/compute/', COMPUTE, ogf],
    ['https://cloud.example.org:11443/compute', COMPUTE, ogf],
    ['/compute/?action=start', COMPUTE, ogf],
    ['/networkinterface', NETWORKINTERFACE, ogf],
    ['/link/', LINK, ogf],
    ['/compute/42', undefined, ogf],
    ['/', undefined, ogf],
    ['', undefined, ogf],
    ['/nothing/', undefined, ogf],
    // ooi and pyssf give absolute locations under an endpoint prefix.
    ['http://cloud.example.org:8787/occi1.1/compute/', COMPUTE, openstack],
    ['/occi1.1/compute', COMPUTE, openstack],
    ['/compute/', COMPUTE, openstack],
    ['/storage/', STORAGE, openstack],
    ['/storage/link/', STORAGELINK, openstack],
    ['/storage/link', STORAGELINK, openstack],
    ['/link/', undefined, openstack],
    ['/vm', `${EXAMPLE}vm`, broken],
    ['/other/', undefined, broken],
  ] as const)('%j is the collection of %s', (path, expected, qi) => {
    const found = qi.kindForLocation(path);
    expect(found === undefined ? undefined : found.scheme + found.term).toBe(expected);
  });

  it.each([
    ['/resource_tpl/m1.tiny', TINY, openstack],
    ['http://cloud.example.org:8787/occi1.1/resource_tpl/m1.small/', SMALL, openstack],
    ['/users/alice/webtier', WEBTIER, openstack],
    ['/mixin/os_tpl/', OS_TPL, rocci5],
    ['/mixin/os_tpl/uuid_egi_centos_7_fedcloud_warg_149', CENTOS, rocci5],
    ['/compute/', undefined, rocci5],
  ] as const)('%j is the collection of mixin %s', (path, expected, qi) => {
    const found = qi.mixinForLocation(path);
    expect(found === undefined ? undefined : found.scheme + found.term).toBe(expected);
  });

  it("strips the endpoint's path when told it, even where no shared prefix shows it", () => {
    const collection: CategoryCollection = {
      kinds: [kind(INFRASTRUCTURE, 'compute', { parent: RESOURCE, location: 'http://h:8787/occi1.2/compute/' })],
      mixins: [],
      actions: [],
    };
    expect(createQueryInterface(collection).kindForLocation('/compute/')).toBeUndefined();
    expect(createQueryInterface(collection).kindForLocation('http://h:8787/occi1.2/compute')?.term).toBe('compute');
    const told = createQueryInterface(collection, { endpoint: 'http://h:8787/occi1.2/' });
    expect(told.kindForLocation('/compute/')?.term).toBe('compute');
    expect(told.kindForLocation('/occi1.2/compute/')?.term).toBe('compute');
  });
});

describe('thin discovery: what the server leaves out, the spec defines', () => {
  // ooi's text/plain query interface: kinds by name only, no attributes=, no actions=.
  const kind = (term: string, parent: string) =>
    ({
      class: 'kind',
      scheme: INFRASTRUCTURE,
      term,
      parent,
      attributes: [],
      actions: [],
      location: `/${term}/`,
    }) as const;
  const thin = createQueryInterface({
    kinds: [kind('compute', RESOURCE), kind('storage', RESOURCE), kind('storagelink', LINK)],
    mixins: [
      {
        class: 'mixin',
        scheme: OPENSTACK_OS,
        term: 'cirros',
        attributes: [],
        depends: [OS_TPL],
        applies: [],
        actions: [],
      },
      {
        class: 'mixin',
        scheme: OPENSTACK_RESOURCE,
        term: 'm1.tiny',
        attributes: [],
        depends: [RESOURCE_TPL],
        applies: [],
        actions: [],
      },
    ],
    actions: [],
  });

  it("gives a kind the spec's attributes and actions, and says so", () => {
    expect(thin.attributesFor(STORAGE).map((a) => [a.name, a.required])).toEqual(
      expect.arrayContaining([
        ['occi.core.title', false],
        ['occi.storage.size', true],
      ]),
    );
    expect(idsOf(thin.actionsFor(COMPUTE))).toEqual(
      ['start', 'stop', 'restart', 'suspend', 'save'].map((t) => `${INFRASTRUCTURE.slice(0, -1)}/compute/action#${t}`),
    );
    expect(thin.specFilled(COMPUTE)).toEqual({ attributes: true, actions: true });
    expect(thin.attributesFor(STORAGELINK).map((a) => a.name)).toContain('occi.storagelink.mountpoint');
  });

  it('offers images and flavours to compute only', () => {
    expect(idsOf(thin.applicableMixins(STORAGE))).toEqual([]);
    expect(idsOf(thin.applicableMixins(COMPUTE))).toEqual([`${OPENSTACK_OS}cirros`, `${OPENSTACK_RESOURCE}m1.tiny`]);
  });

  it('keeps what a server that defines its kinds says, a kind without actions included', () => {
    expect(ogf.specFilled(COMPUTE)).toEqual({ attributes: false, actions: false });
    expect(ogf.specFilled(STORAGELINK)).toEqual({ attributes: false, actions: false });
    expect(ogf.actionsFor(STORAGELINK)).toEqual([]);
  });
});
