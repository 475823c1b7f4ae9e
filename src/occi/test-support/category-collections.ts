/**
 * Hand-written query-interface answers, modelled on the spec digest and on what the surveyed
 * servers send, for the query-interface and attribute-typing tests.
 */
import type { Action, AttributeDefinition, CategoryCollection, Kind, Mixin, TypeId } from '../model.ts';
import {
  COMPUTE,
  CORE,
  ENTITY,
  INFRASTRUCTURE,
  LINK,
  NETWORK,
  NETWORKINTERFACE,
  OS_TPL,
  RESOURCE,
  RESOURCE_TPL,
} from '../well-known.ts';

type AttributeSpec = string | AttributeDefinition;

/** `name` alone is a mutable optional attribute, as a 1.1 text rendering says it. */
function attributes(specs: readonly AttributeSpec[]): AttributeDefinition[] {
  return specs.map((spec) => (typeof spec === 'string' ? { name: spec, mutable: true, required: false } : spec));
}

export function kind(
  scheme: string,
  term: string,
  options: {
    parent?: TypeId;
    attributes?: readonly AttributeSpec[];
    actions?: readonly TypeId[];
    location?: string;
    title?: string;
  } = {},
): Kind {
  return {
    class: 'kind',
    scheme,
    term,
    ...(options.title !== undefined && { title: options.title }),
    ...(options.parent !== undefined && { parent: options.parent }),
    ...(options.location !== undefined && { location: options.location }),
    attributes: attributes(options.attributes ?? []),
    actions: [...(options.actions ?? [])],
  };
}

export function mixin(
  scheme: string,
  term: string,
  options: {
    depends?: readonly TypeId[];
    applies?: readonly TypeId[];
    attributes?: readonly AttributeSpec[];
    actions?: readonly TypeId[];
    location?: string;
    title?: string;
  } = {},
): Mixin {
  return {
    class: 'mixin',
    scheme,
    term,
    ...(options.title !== undefined && { title: options.title }),
    ...(options.location !== undefined && { location: options.location }),
    depends: [...(options.depends ?? [])],
    applies: [...(options.applies ?? [])],
    attributes: attributes(options.attributes ?? []),
    actions: [...(options.actions ?? [])],
  };
}

export function action(scheme: string, term: string, attributeSpecs: readonly AttributeSpec[] = []): Action {
  return { class: 'action', scheme, term, attributes: attributes(attributeSpecs) };
}

export const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';
export const STORAGE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/storage/action#';
export const NETWORK_ACTION = 'http://schemas.ogf.org/occi/infrastructure/network/action#';
const NETWORK_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/network#';
const NETWORKINTERFACE_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/networkinterface#';

const COMPUTE_ACTIONS = ['start', 'stop', 'restart', 'suspend'].map((t) => `${COMPUTE_ACTION}${t}`);

/**
 * OGF core and infrastructure as an OCCI 1.2 JSON server would describe them: typed attributes,
 * `parent`, `applies`.
 */
export const OGF_JSON: CategoryCollection = {
  kinds: [
    kind(CORE, 'entity', {
      attributes: [
        { name: 'occi.core.id', mutable: false, required: true, type: 'string' },
        { name: 'occi.core.title', mutable: true, required: false, type: 'string' },
      ],
    }),
    kind(CORE, 'resource', {
      parent: ENTITY,
      location: '/resource/',
      attributes: [{ name: 'occi.core.summary', mutable: true, required: false, type: 'string' }],
    }),
    kind(CORE, 'link', {
      parent: ENTITY,
      location: '/link/',
      attributes: [
        { name: 'occi.core.source', mutable: true, required: true, type: 'string' },
        { name: 'occi.core.target', mutable: true, required: true, type: 'string' },
      ],
    }),
    kind(INFRASTRUCTURE, 'compute', {
      parent: RESOURCE,
      location: '/compute/',
      title: 'Compute',
      attributes: [
        { name: 'occi.compute.architecture', mutable: true, required: false, type: 'string' },
        { name: 'occi.compute.cores', mutable: true, required: false, type: 'number' },
        { name: 'occi.compute.hostname', mutable: true, required: false, type: 'string' },
        { name: 'occi.compute.memory', mutable: true, required: false, type: 'number', default: 1 },
        { name: 'occi.compute.state', mutable: false, required: true, type: 'string' },
      ],
      actions: COMPUTE_ACTIONS,
    }),
    kind(INFRASTRUCTURE, 'storage', {
      parent: RESOURCE,
      location: '/storage/',
      attributes: [
        { name: 'occi.storage.size', mutable: true, required: true, type: 'number' },
        { name: 'occi.storage.state', mutable: false, required: true, type: 'string' },
      ],
      actions: [`${STORAGE_ACTION}online`, `${STORAGE_ACTION}offline`],
    }),
    kind(INFRASTRUCTURE, 'network', {
      parent: RESOURCE,
      location: '/network/',
      attributes: [
        { name: 'occi.network.vlan', mutable: true, required: false, type: 'number' },
        { name: 'occi.network.label', mutable: true, required: false, type: 'string' },
        { name: 'occi.network.state', mutable: false, required: true, type: 'string' },
      ],
      actions: [`${NETWORK_ACTION}up`, `${NETWORK_ACTION}down`],
    }),
    kind(INFRASTRUCTURE, 'networkinterface', {
      parent: LINK,
      location: '/networkinterface/',
      attributes: [
        { name: 'occi.networkinterface.interface', mutable: false, required: true, type: 'string' },
        { name: 'occi.networkinterface.mac', mutable: true, required: true, type: 'string' },
      ],
    }),
    kind(INFRASTRUCTURE, 'storagelink', {
      parent: LINK,
      location: '/storagelink/',
      attributes: [{ name: 'occi.storagelink.deviceid', mutable: true, required: true, type: 'string' }],
    }),
  ],
  mixins: [
    mixin(INFRASTRUCTURE, 'os_tpl', { location: '/mixin/os_tpl/' }),
    mixin(INFRASTRUCTURE, 'resource_tpl', { location: '/mixin/resource_tpl/' }),
    mixin(NETWORK_SCHEME, 'ipnetwork', {
      applies: [NETWORK],
      location: '/mixin/ipnetwork/',
      attributes: [
        { name: 'occi.network.address', mutable: true, required: false, type: 'string' },
        { name: 'occi.network.allocation', mutable: true, required: false, type: 'string' },
      ],
    }),
    mixin(NETWORKINTERFACE_SCHEME, 'ipnetworkinterface', {
      applies: [NETWORKINTERFACE],
      location: '/mixin/ipnetworkinterface/',
      attributes: [{ name: 'occi.networkinterface.address', mutable: true, required: true, type: 'string' }],
    }),
    mixin('http://schemas.ogf.org/occi/infrastructure/credentials#', 'ssh_key', {
      applies: [COMPUTE],
      location: '/mixin/ssh_key/',
      attributes: [{ name: 'occi.credentials.ssh.publickey', mutable: true, required: true, type: 'string' }],
    }),
    mixin('http://schemas.ogf.org/occi/infrastructure/compute#', 'user_data', {
      applies: [COMPUTE],
      location: '/mixin/user_data/',
      attributes: [{ name: 'occi.compute.userdata', mutable: true, required: true, type: 'string' }],
    }),
  ],
  actions: [
    action(COMPUTE_ACTION, 'start'),
    action(COMPUTE_ACTION, 'stop', [{ name: 'method', mutable: true, required: false, type: 'string' }]),
    action(COMPUTE_ACTION, 'restart'),
    action(COMPUTE_ACTION, 'suspend'),
    action(STORAGE_ACTION, 'online'),
    action(STORAGE_ACTION, 'offline'),
    action(NETWORK_ACTION, 'up'),
    action(NETWORK_ACTION, 'down'),
  ],
};

export const OPENSTACK_RESOURCE = 'http://schemas.openstack.org/template/resource#';
export const OPENSTACK_OS = 'http://schemas.openstack.org/template/os#';
export const ALICE_TAGS = 'http://example.org/users/alice/tags#';

function flavour(term: string, cores: number, memory: number): Mixin {
  return mixin(OPENSTACK_RESOURCE, term, {
    depends: [RESOURCE_TPL],
    applies: [COMPUTE],
    title: `Flavor: ${term}`,
    location: `http://cloud.example.org:8787/occi1.1/resource_tpl/${term}`,
    attributes: [
      { name: 'occi.compute.cores', mutable: false, required: false, default: cores },
      { name: 'occi.compute.memory', mutable: false, required: false, default: memory },
    ],
  });
}

/**
 * An OpenStack cloud through occi-os (built on pyssf): OCCI 1.1 text, so no attribute types; the
 * core Kinds are left out of the query interface although compute names core#resource as its
 * parent; locations are absolute URLs. Flavours carry their sizes as defaults; images depend on
 * os_tpl; OpenStack's own contextualization mixins; a user's tag.
 */
export const OPENSTACK_TEXT: CategoryCollection = {
  kinds: [
    kind(INFRASTRUCTURE, 'compute', {
      parent: RESOURCE,
      location: 'http://cloud.example.org:8787/occi1.1/compute/',
      attributes: [
        { name: 'occi.core.id', mutable: false, required: true },
        'occi.core.title',
        'occi.core.summary',
        'occi.compute.architecture',
        'occi.compute.cores',
        'occi.compute.hostname',
        'occi.compute.memory',
        'occi.compute.speed',
        { name: 'occi.compute.state', mutable: false, required: false },
      ],
      actions: COMPUTE_ACTIONS,
    }),
    kind(INFRASTRUCTURE, 'storage', {
      parent: RESOURCE,
      location: 'http://cloud.example.org:8787/occi1.1/storage/',
      attributes: [{ name: 'occi.storage.size', mutable: true, required: true }, 'occi.storage.state'],
      actions: [`${STORAGE_ACTION}online`, `${STORAGE_ACTION}offline`, `${STORAGE_ACTION}resize`],
    }),
    kind(INFRASTRUCTURE, 'network', {
      parent: RESOURCE,
      location: 'http://cloud.example.org:8787/occi1.1/network/',
      attributes: ['occi.network.vlan', 'occi.network.label', 'occi.network.state'],
    }),
    kind(INFRASTRUCTURE, 'storagelink', {
      parent: LINK,
      location: 'http://cloud.example.org:8787/occi1.1/storage/link/',
      attributes: ['occi.storagelink.deviceid', 'occi.storagelink.mountpoint', 'occi.storagelink.state'],
    }),
  ],
  mixins: [
    mixin(INFRASTRUCTURE, 'os_tpl'),
    mixin(INFRASTRUCTURE, 'resource_tpl'),
    flavour('m1.tiny', 1, 0.5),
    flavour('m1.small', 1, 2),
    flavour('m1.medium', 2, 4),
    mixin(OPENSTACK_OS, 'cirros-0.3.0-x86_64-blank', { depends: [OS_TPL], title: 'cirros-0.3.0-x86_64-blank' }),
    mixin(OPENSTACK_OS, 'SmartOS', { depends: [OS_TPL], title: 'SmartOS' }),
    mixin('http://schemas.ogf.org/occi/infrastructure/credentials#', 'ssh_key', {
      attributes: [{ name: 'occi.credentials.ssh.publickey', mutable: true, required: true }],
    }),
    mixin('http://schemas.ogf.org/occi/infrastructure/compute#', 'user_data', {
      attributes: ['occi.compute.userdata'],
    }),
    mixin('http://schemas.openstack.org/instance/credentials#', 'public_key', {
      attributes: ['org.openstack.credentials.publickey.name', 'org.openstack.credentials.publickey.data'],
    }),
    mixin('http://schemas.openstack.org/compute/instance#', 'user_data', {
      attributes: ['org.openstack.compute.user_data'],
    }),
    mixin('http://schemas.openstack.org/compute/instance#', 'os_vms', {
      attributes: ['org.openstack.compute.console.vnc'],
      actions: ['http://schemas.openstack.org/instance/action#chg_pwd'],
    }),
    mixin(ALICE_TAGS, 'webtier', { location: '/users/alice/webtier/' }),
  ],
  actions: [
    action(COMPUTE_ACTION, 'start'),
    action(COMPUTE_ACTION, 'stop', ['method']),
    action(COMPUTE_ACTION, 'restart', ['method']),
    action(COMPUTE_ACTION, 'suspend', ['method']),
    action('http://schemas.openstack.org/instance/action#', 'chg_pwd', ['org.openstack.credentials.admin_pwd']),
  ],
};

const CRTP = 'http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#';
const ROCCI_OS = 'http://occi.localhost/occi/infrastructure/os_tpl#';
export const FEDCLOUD = 'http://fedcloud.egi.eu/occi/infrastructure#';

/**
 * rOCCI-server 2 (rOCCI-core 5): Ruby patterns, CRTP flavours with defaults, and a text `rel`
 * that mixes depends and applies (`rel="...#os_tpl ...#compute"`), as a text parser hands it on:
 * everything in `depends`.
 */
export const ROCCI5: CategoryCollection = {
  kinds: [
    kind(CORE, 'entity', {
      location: '/entity/',
      attributes: [
        {
          name: 'occi.core.id',
          mutable: false,
          required: true,
          type: 'string',
          pattern: '(?-mix:^[[:alnum:]]([[:alnum:]]|-|_)*$)',
        },
        {
          name: 'occi.core.title',
          mutable: true,
          required: false,
          type: 'string',
          pattern: '(?-mix:^[[:word:]]([[:blank:]]|[[:word:]]|\\-)*$)',
        },
      ],
    }),
    kind(CORE, 'resource', { parent: ENTITY, location: '/resource/', attributes: ['occi.core.summary'] }),
    kind(CORE, 'link', { parent: ENTITY, location: '/link/' }),
    kind(INFRASTRUCTURE, 'compute', {
      parent: RESOURCE,
      location: '/compute/',
      attributes: [
        {
          name: 'occi.compute.architecture',
          mutable: true,
          required: false,
          type: 'string',
          default: 'x64',
          pattern: '(?-mix:^(x86|x64)$)',
        },
        { name: 'occi.compute.cores', mutable: true, required: false, type: 'number' },
        { name: 'occi.compute.memory', mutable: true, required: false, type: 'number' },
        {
          name: 'occi.compute.state',
          mutable: false,
          required: true,
          type: 'string',
          pattern: '(?-mix:^(active|inactive|error|waiting|suspended)$)',
        },
      ],
      actions: [...COMPUTE_ACTIONS, `${COMPUTE_ACTION}save`],
    }),
    kind(INFRASTRUCTURE, 'ipreservation', { parent: NETWORK, location: '/ipreservation/' }),
    kind(INFRASTRUCTURE, 'network', { parent: RESOURCE, location: '/network/' }),
  ],
  mixins: [
    mixin(INFRASTRUCTURE, 'os_tpl', { location: '/mixin/os_tpl/' }),
    mixin(INFRASTRUCTURE, 'resource_tpl', { location: '/mixin/resource_tpl/' }),
    mixin(FEDCLOUD, 'availability_zone', { location: '/mixin/availability_zone/' }),
    mixin(ROCCI_OS, 'uuid_egi_centos_7_fedcloud_warg_149', {
      depends: [OS_TPL, COMPUTE],
      title: 'EGI-CentOS-7@fedcloud-warg',
      location: '/mixin/os_tpl/uuid_egi_centos_7_fedcloud_warg_149/',
    }),
    mixin('http://occi.localhost/occi/infrastructure/availability_zone#', 'warg', {
      depends: [`${FEDCLOUD}availability_zone`],
      location: '/mixin/availability_zone/warg/',
    }),
    // The reverse mix-up: a mixin listed among applies.
    mixin('http://occi.localhost/occi/infrastructure/availability_zone#', 'cerit', {
      applies: [`${FEDCLOUD}availability_zone`, COMPUTE],
      location: '/mixin/availability_zone/cerit/',
    }),
    mixin(NETWORK_SCHEME, 'ipnetwork', { applies: [NETWORK], location: '/mixin/ipnetwork/' }),
    mixin(CRTP, 'small', {
      depends: [RESOURCE_TPL, COMPUTE],
      location: '/mixin/resource_tpl/small/',
      title: 'Small Instance - 1 core and 1 GB RAM',
      attributes: [
        { name: 'occi.compute.cores', mutable: false, required: false, type: 'number', default: 1 },
        { name: 'occi.compute.memory', mutable: false, required: false, type: 'number', default: 1 },
        { name: 'occi.compute.speed', mutable: false, required: false, type: 'number', default: 1 },
        { name: 'occi.compute.architecture', mutable: false, required: false, type: 'string', default: 'x64' },
        { name: 'occi.compute.ephemeral_storage.size', mutable: false, required: false, type: 'number', default: 10 },
      ],
    }),
    mixin(CRTP, 'medium', {
      depends: [RESOURCE_TPL, COMPUTE],
      location: '/mixin/resource_tpl/medium/',
      attributes: [
        { name: 'occi.compute.cores', mutable: false, required: false, type: 'number', default: 2 },
        { name: 'occi.compute.memory', mutable: false, required: false, type: 'number', default: 2 },
      ],
    }),
  ],
  actions: [
    action(COMPUTE_ACTION, 'start'),
    action(COMPUTE_ACTION, 'stop', [
      {
        name: 'method',
        mutable: true,
        required: false,
        type: 'string',
        default: 'poweroff',
        pattern: '(?-mix:^(graceful|acpioff|poweroff)$)',
      },
    ]),
    action(COMPUTE_ACTION, 'restart'),
    action(COMPUTE_ACTION, 'suspend'),
    action(COMPUTE_ACTION, 'save', [
      { name: 'method', mutable: true, required: false, type: 'string', pattern: '(?-mix:^(hot|deffered)$)' },
    ]),
  ],
};

const ROCCI1_RESOURCE = 'http://occi.example.org/occi/infrastructure/resource_tpl#';
const ROCCI1_OS = 'http://occi.example.org/occi/infrastructure/os_tpl#';

/**
 * rOCCI-server 1 on EC2/OpenNebula (OCCI 1.1 text): flavours carry sizes only in their titles,
 * attribute names only; one image that leaves out `rel` and is known by its scheme alone.
 */
export const ROCCI1_TEXT: CategoryCollection = {
  kinds: [
    kind(CORE, 'entity', {
      location: '/entity/',
      attributes: [{ name: 'occi.core.id', mutable: false, required: true }, 'occi.core.title'],
    }),
    kind(CORE, 'resource', { parent: ENTITY, location: '/resource/', attributes: ['occi.core.summary'] }),
    kind(INFRASTRUCTURE, 'compute', {
      parent: RESOURCE,
      location: '/compute/',
      attributes: ['occi.compute.architecture', 'occi.compute.cores', 'occi.compute.memory', 'occi.compute.speed'],
      actions: COMPUTE_ACTIONS,
    }),
  ],
  mixins: [
    mixin(INFRASTRUCTURE, 'resource_tpl'),
    mixin(INFRASTRUCTURE, 'os_tpl'),
    mixin(ROCCI1_RESOURCE, 't1_micro', {
      depends: [RESOURCE_TPL],
      title: 't1.micro - 1 core and 0.613 GB RAM',
      location: '/mixin/resource_tpl/t1_micro/',
      attributes: [
        { name: 'occi.compute.cores', mutable: false, required: false },
        { name: 'occi.compute.memory', mutable: false, required: false },
      ],
    }),
    mixin(ROCCI1_RESOURCE, 'large', {
      depends: [RESOURCE_TPL],
      title: 'Large Instance - 2 cores and 7.5 GB of RAM',
    }),
    mixin(ROCCI1_RESOURCE, 'odd', { depends: [RESOURCE_TPL], title: 'Odd one: 4 GB, 2 cores' }),
    mixin(ROCCI1_OS, 'debian6', {
      title: 'debian',
      attributes: [{ name: 'eu.egi.fedcloud.appdb.uuid', mutable: false, required: true }],
    }),
  ],
  actions: [],
};

export const EXAMPLE = 'http://example.org/occi#';

/** What a careless server may send: cycles in parents and depends, a parent nobody defines. */
export const BROKEN: CategoryCollection = {
  kinds: [
    kind(EXAMPLE, 'a', { parent: `${EXAMPLE}b`, attributes: ['example.a'], actions: [`${EXAMPLE}act_a`] }),
    kind(EXAMPLE, 'b', { parent: `${EXAMPLE}a`, attributes: ['example.b'] }),
    kind(EXAMPLE, 'self', { parent: `${EXAMPLE}self` }),
    kind(EXAMPLE, 'vm', {
      parent: `${EXAMPLE}machine`,
      location: '/vm/',
      attributes: ['example.vm'],
      actions: [`${EXAMPLE}reboot`],
    }),
    kind(EXAMPLE, 'orphan', { attributes: ['example.orphan'] }),
    // A repeated definition: the first one counts.
    kind(EXAMPLE, 'vm', { parent: RESOURCE, location: '/other/' }),
  ],
  mixins: [
    mixin(EXAMPLE, 'm1', { depends: [`${EXAMPLE}m2`], attributes: ['example.m1'] }),
    mixin(EXAMPLE, 'm2', { depends: [`${EXAMPLE}m1`], attributes: ['example.m2'] }),
    mixin(EXAMPLE, 'loop', { depends: [`${EXAMPLE}loop`] }),
    mixin(EXAMPLE, 'needs_unlisted', { depends: [`${EXAMPLE}nowhere`], attributes: ['example.x'] }),
  ],
  actions: [],
};
