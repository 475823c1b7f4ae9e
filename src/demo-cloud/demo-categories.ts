/**
 * The demo cloud's query interface (`GET /-/`): every Kind, Mixin and Action of OCCI 1.2 Core and
 * Infrastructure, as a well-made 1.2 server publishes them, plus the OpenStack-style templates the
 * seed document uses and a few user tags.
 *
 * Every attribute definition says all that OCCI 1.2 JSON can say: type, mutable, required, a
 * default where the spec or a template gives one, a JSON Schema `pattern` and a one-sentence
 * description. Choices the spec leaves open:
 * - Kind locations follow pyssf, the library behind the seed's OpenStack server (`/compute/`,
 *   `/storage/link/`, `/network/interface/`). The abstract core Kinds have none: 1.2 binds no path
 *   to `core#entity`, and nothing can be created as a bare resource or link either.
 * - `occi.core.id` is neither mutable nor required: the server assigns it.
 * - `occi.networkinterface.interface`, `occi.networkinterface.mac` and `occi.storagelink.deviceid`
 *   are optional on create (the spec's multiplicity is 1): the server assigns `eth0`, a MAC and a
 *   device when they are left out, so the seed document's storage-link request works as written.
 * - State attributes default to the initial state of the spec's state diagrams (compute, network
 *   and links `inactive`, storage `offline`).
 * - Action `method` defaults are the least destructive choice, as OpenStack's own API makes them:
 *   stop `graceful`, restart `graceful`, suspend `suspend`, save `hot`. (rOCCI 5 uses poweroff,
 *   cold, suspend and deferred.)
 * - The storage actions backup, snapshot and resize are kept from 1.1, as every surveyed server
 *   keeps them, and so are their transitional states in `occi.storage.state`.
 */
import {
  type Action,
  type AttributeDefinition,
  type AttributeType,
  type AttributeValue,
  type CategoryCollection,
  type Kind,
  type Mixin,
  splitTypeId,
  type TypeId,
  typeId,
  wellKnown,
} from '../occi/index.ts';

const { COMPUTE, CORE, ENTITY, INFRASTRUCTURE, LINK, NETWORK, NETWORKINTERFACE, RESOURCE, STORAGE, STORAGELINK } =
  wellKnown;

export const COMPUTE_ACTION_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';
export const STORAGE_ACTION_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/storage/action#';
export const NETWORK_ACTION_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/network/action#';

/** OpenStack's flavour and image schemes (occi-os, ooi), as in the seed document. */
export const RESOURCE_TEMPLATE_SCHEME = 'http://schemas.openstack.org/template/resource#';
export const OS_TEMPLATE_SCHEME = 'http://schemas.openstack.org/template/os#';

/** The scheme of the demo tenant's own tags; user mixins added through `POST /-/` may use it too. */
export const USER_TAG_SCHEME = 'http://schemas.demo.occi-console.org/tags#';

export const COMPUTE_ACTIONS = {
  start: `${COMPUTE_ACTION_SCHEME}start`,
  stop: `${COMPUTE_ACTION_SCHEME}stop`,
  restart: `${COMPUTE_ACTION_SCHEME}restart`,
  suspend: `${COMPUTE_ACTION_SCHEME}suspend`,
  save: `${COMPUTE_ACTION_SCHEME}save`,
} as const;

export const STORAGE_ACTIONS = {
  online: `${STORAGE_ACTION_SCHEME}online`,
  offline: `${STORAGE_ACTION_SCHEME}offline`,
  backup: `${STORAGE_ACTION_SCHEME}backup`,
  snapshot: `${STORAGE_ACTION_SCHEME}snapshot`,
  resize: `${STORAGE_ACTION_SCHEME}resize`,
} as const;

export const NETWORK_ACTIONS = {
  up: `${NETWORK_ACTION_SCHEME}up`,
  down: `${NETWORK_ACTION_SCHEME}down`,
} as const;

/** Where each instantiable Kind's collection lives. */
export const KIND_LOCATIONS: ReadonlyMap<TypeId, string> = new Map([
  [COMPUTE, '/compute/'],
  [STORAGE, '/storage/'],
  [NETWORK, '/network/'],
  [NETWORKINTERFACE, '/network/interface/'],
  [STORAGELINK, '/storage/link/'],
]);

/** The state attribute of each infrastructure Kind, for the state machines. */
export const STATE_ATTRIBUTES: ReadonlyMap<TypeId, string> = new Map([
  [COMPUTE, 'occi.compute.state'],
  [STORAGE, 'occi.storage.state'],
  [NETWORK, 'occi.network.state'],
  [NETWORKINTERFACE, 'occi.networkinterface.state'],
  [STORAGELINK, 'occi.storagelink.state'],
]);

export type ComputeState = 'active' | 'inactive' | 'suspended' | 'error';
export type StorageState = 'online' | 'offline' | 'error' | 'backup' | 'snapshot' | 'resize' | 'degraded';
/** Network, network interface and storage link states. */
export type LinkState = 'active' | 'inactive' | 'error';

export const COMPUTE_STATES: readonly ComputeState[] = ['active', 'inactive', 'suspended', 'error'];
export const STORAGE_STATES: readonly StorageState[] = [
  'online',
  'offline',
  'error',
  'backup',
  'snapshot',
  'resize',
  'degraded',
];
export const LINK_STATES: readonly LinkState[] = ['active', 'inactive', 'error'];

export interface Flavor {
  readonly term: string;
  readonly cores: number;
  /** GiB. */
  readonly memory: number;
}

/** The OpenStack flavours the demo cloud offers (nova's classic defaults). */
export const FLAVORS: readonly Flavor[] = [
  { term: 'm1.tiny', cores: 1, memory: 0.5 },
  { term: 'm1.small', cores: 1, memory: 2 },
  { term: 'm1.medium', cores: 2, memory: 4 },
  { term: 'm1.large', cores: 4, memory: 8 },
  { term: 'm1.xlarge', cores: 8, memory: 16 },
];

export interface OsImage {
  readonly term: string;
  readonly title: string;
}

/** The images the demo cloud offers; the first two are the seed document's. */
export const OS_IMAGES: readonly OsImage[] = [
  { term: 'cirros-0.3.0-x86_64-blank', title: 'Image: cirros-0.3.0-x86_64-blank' },
  { term: 'SmartOS', title: 'Image: SmartOS' },
  { term: 'ubuntu-22.04', title: 'Image: Ubuntu 22.04 LTS (Jammy Jellyfish)' },
  { term: 'debian-12', title: 'Image: Debian 12 (Bookworm)' },
  { term: 'centos-stream-9', title: 'Image: CentOS Stream 9' },
  { term: 'alpine-3.19', title: 'Image: Alpine Linux 3.19' },
];

export interface UserTag {
  readonly term: string;
  readonly title: string;
}

export const USER_TAGS: readonly UserTag[] = [
  { term: 'production', title: 'Tag: production' },
  { term: 'staging', title: 'Tag: staging' },
  { term: 'backup-daily', title: 'Tag: backup-daily' },
];

export function flavorId(term: string): TypeId {
  return typeId(RESOURCE_TEMPLATE_SCHEME, term);
}

export function osImageId(term: string): TypeId {
  return typeId(OS_TEMPLATE_SCHEME, term);
}

export function userTagId(term: string): TypeId {
  return typeId(USER_TAG_SCHEME, term);
}

// --- Attribute definitions -------------------------------------------------------------------

const JSON_SCHEMA = 'http://json-schema.org/draft-04/schema#';

type Schema = { readonly [key: string]: AttributeValue };

function schema(body: Schema): Schema {
  return { $schema: JSON_SCHEMA, ...body };
}

const TEXT = schema({ type: 'string' });
const URI = schema({ type: 'string', format: 'uri-reference' });

function oneOf(values: readonly string[]): Schema {
  return schema({ type: 'string', enum: [...values] });
}

function regex(pattern: string, extra: Schema = {}): Schema {
  return schema({ type: 'string', pattern, ...extra });
}

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
/** Loose on purpose: hex groups and colons, `::` shortening included. */
const IPV6 = '[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}';
const IP_ADDRESS = regex(`^(${IPV4}|${IPV6})$`);
const CIDR = regex(`^(${IPV4}/(3[0-2]|[12]?[0-9])|${IPV6}/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$`);
const MAC = regex('^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$');
const LABEL = regex('^[A-Za-z0-9][A-Za-z0-9._-]*$');
const HOSTNAME = regex(
  '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$',
  {
    maxLength: 253,
  },
);
const SSH_PUBLIC_KEY = regex('^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+=*');
const BASE64 = regex('^[A-Za-z0-9+/\\r\\n]*=*\\s*$');

interface AttributeOptions {
  readonly type?: AttributeType;
  readonly mutable?: boolean;
  readonly required?: boolean;
  readonly default?: AttributeValue;
  readonly pattern: Schema;
  readonly description: string;
}

/** A definition; `type` defaults to string, `mutable` to true and `required` to false. */
function attribute(name: string, options: AttributeOptions): AttributeDefinition {
  return {
    name,
    type: options.type ?? 'string',
    mutable: options.mutable ?? true,
    required: options.required ?? false,
    ...(options.default !== undefined && { default: options.default }),
    pattern: options.pattern,
    description: options.description,
  };
}

function state(name: string, values: readonly string[], initial: string, what: string): AttributeDefinition {
  return attribute(name, {
    mutable: false,
    default: initial,
    pattern: oneOf(values),
    description: `The current state of the ${what}, changed by actions and by the provider only.`,
  });
}

function stateMessage(name: string, what: string): AttributeDefinition {
  return attribute(name, {
    mutable: false,
    pattern: TEXT,
    description: `Why the ${what} is in its current state, typically the reason for an error.`,
  });
}

const CORES_PATTERN = schema({ type: 'integer', minimum: 1 });
const MEMORY_PATTERN = schema({ type: 'number', minimum: 0 });

function cores(description: string, fallback?: number): AttributeDefinition {
  return attribute('occi.compute.cores', {
    type: 'number',
    ...(fallback !== undefined && { default: fallback }),
    pattern: CORES_PATTERN,
    description,
  });
}

function memory(description: string, fallback?: number): AttributeDefinition {
  return attribute('occi.compute.memory', {
    type: 'number',
    ...(fallback !== undefined && { default: fallback }),
    pattern: MEMORY_PATTERN,
    description,
  });
}

// --- Actions -------------------------------------------------------------------------------

function action(scheme: string, term: string, title: string, attributes: AttributeDefinition[] = []): Action {
  return { class: 'action', scheme, term, title, attributes };
}

function method(values: readonly string[], fallback: string, description: string): AttributeDefinition {
  return attribute('method', { default: fallback, pattern: oneOf(values), description });
}

const computeActions: Action[] = [
  action(COMPUTE_ACTION_SCHEME, 'start', 'Start the compute instance'),
  action(COMPUTE_ACTION_SCHEME, 'stop', 'Stop the compute instance', [
    method(
      ['graceful', 'acpioff', 'poweroff'],
      'graceful',
      'How to stop: ask the guest to shut down, send an ACPI power-off, or cut the power.',
    ),
  ]),
  action(COMPUTE_ACTION_SCHEME, 'restart', 'Restart the compute instance', [
    method(
      ['graceful', 'warm', 'cold'],
      'graceful',
      'How to restart: a clean reboot by the guest, a warm reset, or a cold power cycle.',
    ),
  ]),
  action(COMPUTE_ACTION_SCHEME, 'suspend', 'Suspend the compute instance', [
    method(
      ['hibernate', 'suspend'],
      'suspend',
      'How to suspend: save the memory to disk and power off, or keep it in memory.',
    ),
  ]),
  action(COMPUTE_ACTION_SCHEME, 'save', 'Save the compute instance as a new OS template', [
    method(['hot', 'deferred'], 'hot', 'When to save: now while the instance runs, or the next time it is stopped.'),
    attribute('name', {
      pattern: TEXT,
      description: 'A name for the new OS template, which the provider may replace with its own.',
    }),
  ]),
];

const storageActions: Action[] = [
  action(STORAGE_ACTION_SCHEME, 'online', 'Bring the storage online'),
  action(STORAGE_ACTION_SCHEME, 'offline', 'Take the storage offline'),
  action(STORAGE_ACTION_SCHEME, 'backup', 'Back up the storage'),
  action(STORAGE_ACTION_SCHEME, 'snapshot', 'Take a snapshot of the storage'),
  action(STORAGE_ACTION_SCHEME, 'resize', 'Resize the storage', [
    attribute('size', {
      type: 'number',
      required: true,
      pattern: schema({ type: 'number', minimum: 0 }),
      description: 'The new size of the storage in GiB.',
    }),
  ]),
];

const networkActions: Action[] = [
  action(NETWORK_ACTION_SCHEME, 'up', 'Bring the network up'),
  action(NETWORK_ACTION_SCHEME, 'down', 'Take the network down'),
];

function idsOf(actions: readonly Action[]): TypeId[] {
  return actions.map((a) => typeId(a.scheme, a.term));
}

// --- Kinds ---------------------------------------------------------------------------------

function kind(
  term: string,
  title: string,
  options: { scheme?: string; parent?: TypeId; attributes: AttributeDefinition[]; actions?: TypeId[] },
): Kind {
  const scheme = options.scheme ?? INFRASTRUCTURE;
  const location = KIND_LOCATIONS.get(typeId(scheme, term));
  return {
    class: 'kind',
    scheme,
    term,
    title,
    ...(options.parent !== undefined && { parent: options.parent }),
    ...(location !== undefined && { location }),
    attributes: options.attributes,
    actions: options.actions ?? [],
  };
}

const kinds: Kind[] = [
  kind('entity', 'Entity', {
    scheme: CORE,
    attributes: [
      attribute('occi.core.id', {
        mutable: false,
        pattern: TEXT,
        description: 'The identifier the provider assigned to the entity, unique within the provider.',
      }),
      attribute('occi.core.title', { pattern: TEXT, description: 'A display name for the entity.' }),
    ],
  }),
  kind('resource', 'Resource', {
    scheme: CORE,
    parent: ENTITY,
    attributes: [attribute('occi.core.summary', { pattern: TEXT, description: 'A short summary of the resource.' })],
  }),
  kind('link', 'Link', {
    scheme: CORE,
    parent: ENTITY,
    attributes: [
      attribute('occi.core.source', {
        required: true,
        pattern: URI,
        description: 'The location of the resource the link starts from.',
      }),
      attribute('occi.core.target', {
        required: true,
        pattern: URI,
        description: 'The location of the resource the link points to.',
      }),
      attribute('occi.core.target.kind', {
        pattern: URI,
        description: 'The type identifier of the Kind of the target resource.',
      }),
    ],
  }),
  kind('compute', 'Compute resource', {
    parent: RESOURCE,
    attributes: [
      // Any string: GFD.224's enumeration is x86 and x64, but pOCCI's CORE/CREATE/001 sends
      // "arch" and wants 201, and real servers (rOCCI, ooi) pass other names through.
      attribute('occi.compute.architecture', {
        pattern: TEXT,
        description: 'The CPU architecture of the instance, such as x86 (32-bit) or x64 (64-bit).',
      }),
      cores('The number of virtual CPU cores assigned to the instance.'),
      attribute('occi.compute.hostname', {
        pattern: HOSTNAME,
        description: 'The fully qualified DNS hostname of the instance.',
      }),
      attribute('occi.compute.share', {
        type: 'number',
        pattern: schema({ type: 'integer', minimum: 0 }),
        description: 'The relative CPU share of the instance, as containers use it.',
      }),
      memory('The amount of RAM assigned to the instance, in GiB.'),
      state('occi.compute.state', COMPUTE_STATES, 'inactive', 'compute instance'),
      stateMessage('occi.compute.state.message', 'compute instance'),
    ],
    actions: idsOf(computeActions),
  }),
  kind('storage', 'Storage resource', {
    parent: RESOURCE,
    attributes: [
      attribute('occi.storage.size', {
        type: 'number',
        required: true,
        pattern: schema({ type: 'number', minimum: 0 }),
        description: 'The size of the storage in GiB; updating it resizes the storage.',
      }),
      state('occi.storage.state', STORAGE_STATES, 'offline', 'storage'),
      stateMessage('occi.storage.state.message', 'storage'),
    ],
    actions: idsOf(storageActions),
  }),
  kind('network', 'Network resource', {
    parent: RESOURCE,
    attributes: [
      attribute('occi.network.vlan', {
        type: 'number',
        pattern: schema({ type: 'integer', minimum: 0, maximum: 4095 }),
        description: 'The 802.1q VLAN identifier of the network.',
      }),
      attribute('occi.network.label', {
        pattern: LABEL,
        description: 'A token labelling the network, such as external-dmz.',
      }),
      state('occi.network.state', LINK_STATES, 'inactive', 'network'),
      stateMessage('occi.network.state.message', 'network'),
    ],
    actions: idsOf(networkActions),
  }),
  kind('networkinterface', 'Network interface link', {
    parent: LINK,
    attributes: [
      attribute('occi.networkinterface.interface', {
        mutable: false,
        pattern: LABEL,
        description: 'The name of the interface inside the instance, such as eth0, assigned when left out.',
      }),
      attribute('occi.networkinterface.mac', {
        pattern: MAC,
        description: 'The MAC address of the interface, assigned by the provider when left out.',
      }),
      state('occi.networkinterface.state', LINK_STATES, 'inactive', 'network interface'),
      stateMessage('occi.networkinterface.state.message', 'network interface'),
    ],
  }),
  kind('storagelink', 'Storage link', {
    parent: LINK,
    attributes: [
      attribute('occi.storagelink.deviceid', {
        pattern: TEXT,
        description: 'The device the storage is attached as, such as vdb, assigned by the provider when left out.',
      }),
      attribute('occi.storagelink.mountpoint', {
        pattern: TEXT,
        description: 'Where the storage appears inside the instance, such as /dev/vdb.',
      }),
      state('occi.storagelink.state', LINK_STATES, 'inactive', 'storage link'),
      stateMessage('occi.storagelink.state.message', 'storage link'),
    ],
  }),
];

// --- Mixins --------------------------------------------------------------------------------

function mixin(
  id: TypeId,
  title: string,
  location: string,
  options: { depends?: TypeId[]; applies?: TypeId[]; attributes?: AttributeDefinition[] } = {},
): Mixin {
  const { scheme, term } = splitTypeId(id);
  return {
    class: 'mixin',
    scheme,
    term,
    title,
    depends: options.depends ?? [],
    applies: options.applies ?? [],
    location,
    attributes: options.attributes ?? [],
    actions: [],
  };
}

const specMixins: Mixin[] = [
  mixin(wellKnown.IPNETWORK, 'IP networking', '/mixin/ipnetwork/', {
    applies: [NETWORK],
    attributes: [
      attribute('occi.network.address', {
        pattern: CIDR,
        description: 'The IPv4 or IPv6 address range of the network in CIDR notation, such as 10.0.0.0/24.',
      }),
      attribute('occi.network.gateway', {
        pattern: IP_ADDRESS,
        description: 'The IP address of the default gateway of the network.',
      }),
      attribute('occi.network.allocation', {
        pattern: oneOf(['dynamic', 'static']),
        description: 'Whether addresses on the network are assigned by DHCP (dynamic) or fixed (static).',
      }),
    ],
  }),
  mixin(wellKnown.IPNETWORKINTERFACE, 'IP network interface', '/mixin/ipnetworkinterface/', {
    applies: [NETWORKINTERFACE],
    attributes: [
      attribute('occi.networkinterface.address', {
        required: true,
        pattern: IP_ADDRESS,
        description: 'The IP address of the interface.',
      }),
      attribute('occi.networkinterface.gateway', {
        pattern: IP_ADDRESS,
        description: 'The IP address of the default gateway of the interface.',
      }),
      attribute('occi.networkinterface.allocation', {
        required: true,
        pattern: oneOf(['dynamic', 'static']),
        description: 'Whether the address is assigned by DHCP (dynamic) or fixed (static).',
      }),
    ],
  }),
  mixin(wellKnown.OS_TPL, 'OS template', '/mixin/os_tpl/', { applies: [COMPUTE] }),
  mixin(wellKnown.RESOURCE_TPL, 'Resource template', '/mixin/resource_tpl/', { applies: [COMPUTE] }),
  mixin(wellKnown.SSH_KEY, 'SSH public key', '/mixin/ssh_key/', {
    applies: [COMPUTE],
    attributes: [
      attribute('occi.credentials.ssh.publickey', {
        required: true,
        pattern: SSH_PUBLIC_KEY,
        description: 'The SSH public key, in OpenSSH format, to install in the instance.',
      }),
    ],
  }),
  mixin(wellKnown.USER_DATA, 'User data', '/mixin/user_data/', {
    applies: [COMPUTE],
    attributes: [
      attribute('occi.compute.userdata', {
        required: true,
        pattern: BASE64,
        description: 'Base64-encoded cloud-init data the instance runs once at the end of its first boot.',
      }),
    ],
  }),
];

const flavorMixins: Mixin[] = FLAVORS.map((flavor) =>
  mixin(flavorId(flavor.term), `Flavor: ${flavor.term}`, `/mixin/resource_tpl/${flavor.term}/`, {
    depends: [wellKnown.RESOURCE_TPL],
    applies: [COMPUTE],
    attributes: [
      cores(`The number of virtual CPU cores ${flavor.term} gives an instance.`, flavor.cores),
      memory(`The amount of RAM ${flavor.term} gives an instance, in GiB.`, flavor.memory),
    ],
  }),
);

const imageMixins: Mixin[] = OS_IMAGES.map((image) =>
  mixin(osImageId(image.term), image.title, `/mixin/os_tpl/${image.term}/`, {
    depends: [wellKnown.OS_TPL],
    applies: [COMPUTE],
  }),
);

const tagMixins: Mixin[] = USER_TAGS.map((tag) => mixin(userTagId(tag.term), tag.title, `/tags/${tag.term}/`));

/** Where each Mixin's collection lives. */
export const MIXIN_LOCATIONS: ReadonlyMap<TypeId, string> = new Map(
  [...specMixins, ...flavorMixins, ...imageMixins, ...tagMixins].map((m) => [
    typeId(m.scheme, m.term),
    m.location ?? '',
  ]),
);

export const demoCategories: CategoryCollection = {
  kinds,
  mixins: [...specMixins, ...flavorMixins, ...imageMixins, ...tagMixins],
  actions: [...computeActions, ...storageActions, ...networkActions],
};
