/**
 * The tenant the demo cloud starts with: a few VMs, volumes and networks, believable enough to
 * demo every screen, and containing every entity the seed document's curl commands name (the
 * OpenStack OCCI guide): VMs `d54b4344…`, `888fc64a…` (inactive, so `start` applies),
 * `e7a34bc4…` and `2ee26373…` (m1.tiny, to scale to m1.medium), volume `/storage/1` and storage
 * link `6cb97f63…`.
 *
 * The array holds Resources only. Each Link lives in its source Resource's `links`, once. No
 * entity carries action links: the server derives them from the state. Fresh objects on every
 * call, so a store may take ownership of them.
 */
import { type AttributeValue, type Entity, type Link, type Resource, type TypeId, wellKnown } from '../occi/index.ts';
import {
  type ComputeState,
  FLAVORS,
  flavorId,
  KIND_LOCATIONS,
  type LinkState,
  OS_IMAGES,
  osImageId,
  type StorageState,
  USER_TAGS,
  userTagId,
} from './demo-categories.ts';

const { COMPUTE, IPNETWORK, IPNETWORKINTERFACE, NETWORK, NETWORKINTERFACE, SSH_KEY, STORAGE, STORAGELINK, USER_DATA } =
  wellKnown;

type AttributeMap = Map<string, AttributeValue>;

/** `/compute/<id>` and so on: the Kind's location and the id. */
export function locationOf(kindId: TypeId, id: string): string {
  const collection = KIND_LOCATIONS.get(kindId);
  if (collection === undefined) throw new Error(`no location for ${kindId}`);
  return collection + id;
}

// The builders set attributes one by one, in the order of the Kind's and Mixins' definitions, and
// copy nothing: seedResources builds 10,000 VMs with them, and allocation is what costs time.

function core(id: string, title: string | undefined, summary: string | undefined): AttributeMap {
  const attributes: AttributeMap = new Map();
  attributes.set('occi.core.id', id);
  if (title !== undefined) attributes.set('occi.core.title', title);
  if (summary !== undefined) attributes.set('occi.core.summary', summary);
  return attributes;
}

function resource(
  kind: TypeId,
  id: string,
  mixins: readonly TypeId[],
  attributes: AttributeMap,
  links: readonly Link[],
): Resource {
  return { entityType: 'resource', kind, mixins, attributes, actions: [], location: locationOf(kind, id), links };
}

export interface ComputeSeed {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly state: ComputeState;
  readonly stateMessage?: string;
  /** A flavour term of `FLAVORS`: cores and memory follow it. */
  readonly flavor: string;
  /** An image term of `OS_IMAGES`. */
  readonly image: string;
  readonly hostname?: string;
  readonly architecture?: 'x86' | 'x64';
  /** Terms of `USER_TAGS`. */
  readonly tags?: readonly string[];
  readonly sshKey?: string;
  /** Base64 cloud-init data. */
  readonly userData?: string;
  readonly links?: readonly Link[];
}

const FLAVOR_BY_TERM = new Map(FLAVORS.map((flavor) => [flavor.term, { ...flavor, id: flavorId(flavor.term) }]));
const IMAGE_IDS = new Map(OS_IMAGES.map((image) => [image.term, osImageId(image.term)]));
const TAG_IDS = new Map(USER_TAGS.map((tag) => [tag.term, userTagId(tag.term)]));

function tagIds(terms: readonly string[] | undefined): TypeId[] {
  return terms === undefined ? [] : terms.map((term) => TAG_IDS.get(term) ?? userTagId(term));
}

export function computeResource(seed: ComputeSeed): Resource {
  const flavor = FLAVOR_BY_TERM.get(seed.flavor);
  if (flavor === undefined) throw new Error(`unknown flavour ${seed.flavor}`);
  const mixins: TypeId[] = [flavor.id, IMAGE_IDS.get(seed.image) ?? osImageId(seed.image)];
  const attributes = core(seed.id, seed.title, seed.summary);
  if (seed.architecture !== undefined) attributes.set('occi.compute.architecture', seed.architecture);
  attributes.set('occi.compute.cores', flavor.cores);
  if (seed.hostname !== undefined) attributes.set('occi.compute.hostname', seed.hostname);
  attributes.set('occi.compute.memory', flavor.memory);
  attributes.set('occi.compute.state', seed.state);
  if (seed.stateMessage !== undefined) attributes.set('occi.compute.state.message', seed.stateMessage);
  if (seed.sshKey !== undefined) {
    mixins.push(SSH_KEY);
    attributes.set('occi.credentials.ssh.publickey', seed.sshKey);
  }
  if (seed.userData !== undefined) {
    mixins.push(USER_DATA);
    attributes.set('occi.compute.userdata', seed.userData);
  }
  for (const tag of tagIds(seed.tags)) mixins.push(tag);
  return resource(COMPUTE, seed.id, mixins, attributes, seed.links ?? []);
}

export interface StorageSeed {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  /** GiB. */
  readonly size: number;
  readonly state: StorageState;
  readonly tags?: readonly string[];
}

export function storageResource(seed: StorageSeed): Resource {
  const attributes = core(seed.id, seed.title, seed.summary);
  attributes.set('occi.storage.size', seed.size);
  attributes.set('occi.storage.state', seed.state);
  return resource(STORAGE, seed.id, tagIds(seed.tags), attributes, []);
}

export interface NetworkSeed {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly vlan?: number;
  readonly label?: string;
  readonly state: LinkState;
  /** The ipnetwork mixin's attributes. */
  readonly ip?: { readonly address: string; readonly gateway: string; readonly allocation: 'dynamic' | 'static' };
}

export function networkResource(seed: NetworkSeed): Resource {
  const attributes = core(seed.id, seed.title, seed.summary);
  if (seed.vlan !== undefined) attributes.set('occi.network.vlan', seed.vlan);
  if (seed.label !== undefined) attributes.set('occi.network.label', seed.label);
  attributes.set('occi.network.state', seed.state);
  const mixins: TypeId[] = [];
  if (seed.ip !== undefined) {
    mixins.push(IPNETWORK);
    attributes.set('occi.network.address', seed.ip.address);
    attributes.set('occi.network.gateway', seed.ip.gateway);
    attributes.set('occi.network.allocation', seed.ip.allocation);
  }
  return resource(NETWORK, seed.id, mixins, attributes, []);
}

function link(kind: TypeId, id: string, mixins: readonly TypeId[], attributes: AttributeMap): Link {
  return { entityType: 'link', kind, mixins, attributes, actions: [], location: locationOf(kind, id) };
}

function linkCore(id: string, source: string, target: string, targetKind: TypeId): AttributeMap {
  const attributes: AttributeMap = new Map();
  attributes.set('occi.core.id', id);
  attributes.set('occi.core.source', source);
  attributes.set('occi.core.target', target);
  attributes.set('occi.core.target.kind', targetKind);
  return attributes;
}

export interface NetworkInterfaceSeed {
  readonly id: string;
  /** The compute resource's location. */
  readonly source: string;
  /** The network's location. */
  readonly target: string;
  readonly interface: string;
  readonly mac: string;
  readonly state: LinkState;
  /** The ipnetworkinterface mixin's attributes. */
  readonly ip?: {
    readonly address: string;
    readonly gateway?: string;
    readonly allocation: 'dynamic' | 'static';
  };
}

export function networkInterfaceLink(seed: NetworkInterfaceSeed): Link {
  const attributes = linkCore(seed.id, seed.source, seed.target, NETWORK);
  attributes.set('occi.networkinterface.interface', seed.interface);
  attributes.set('occi.networkinterface.mac', seed.mac);
  attributes.set('occi.networkinterface.state', seed.state);
  const mixins: TypeId[] = [];
  if (seed.ip !== undefined) {
    mixins.push(IPNETWORKINTERFACE);
    attributes.set('occi.networkinterface.address', seed.ip.address);
    if (seed.ip.gateway !== undefined) attributes.set('occi.networkinterface.gateway', seed.ip.gateway);
    attributes.set('occi.networkinterface.allocation', seed.ip.allocation);
  }
  return link(NETWORKINTERFACE, seed.id, mixins, attributes);
}

export interface StorageLinkSeed {
  readonly id: string;
  /** The compute resource's location. */
  readonly source: string;
  /** The storage's location. */
  readonly target: string;
  readonly deviceId: string;
  readonly mountpoint: string;
  readonly state: LinkState;
}

export function storageLinkLink(seed: StorageLinkSeed): Link {
  const attributes = linkCore(seed.id, seed.source, seed.target, STORAGE);
  attributes.set('occi.storagelink.deviceid', seed.deviceId);
  attributes.set('occi.storagelink.mountpoint', seed.mountpoint);
  attributes.set('occi.storagelink.state', seed.state);
  return link(STORAGELINK, seed.id, [], attributes);
}

// --- The tenant ----------------------------------------------------------------------------

/** The seed document's VMs, volume and storage link. */
export const SEED_DOCUMENT_IDS = {
  /** web-01: active, m1.tiny + cirros; stopped, deleted and moved to SmartOS by the document. */
  web: 'd54b4344-16be-486a-9871-2c566ef2263d',
  /** build-runner: inactive; started by the document. */
  buildRunner: '888fc64a-4500-4543-bed4-8ddf3938dcb5',
  /** db-01: active; volume 1 is attached to it by the document. */
  db: 'e7a34bc4-02e7-43e3-a543-8aec630b5364',
  /** app-01: active, m1.tiny; scaled to m1.medium by the document. */
  app: '2ee26373-db62-4bbf-9325-ff68a81097e3',
  /** scratch-01, 1 GiB, online and attached to nothing. */
  volume: '1',
  /** app-01 → app-data at /dev/vdb; deleted by the document. */
  storageLink: '6cb97f63-7d8a-4474-87cb-4d1c9c581de1',
} as const;

const STAGING_WEB = '5c3d9a7e-21f4-4b6e-a0d8-7e9f13c2b845';
const ANALYTICS = 'a41f0e62-8d3b-4c97-b5e1-0f6c2d9a7b38';

const PRIVATE_NET = locationOf(NETWORK, 'private');

/** A fake key (valid format, no one holds its private half). */
const DEMO_SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoOcciConsoleKeyNotForRealUse0123456789ab demo@occi-console';

/** `#cloud-config` installing git and docker.io, Base64-encoded. */
const BUILD_USER_DATA = 'I2Nsb3VkLWNvbmZpZwpwYWNrYWdlczoKICAtIGdpdAogIC0gZG9ja2VyLmlvCg==';

function nic(id: string, compute: string, host: number, mac: string): Link {
  return networkInterfaceLink({
    id,
    source: locationOf(COMPUTE, compute),
    target: PRIVATE_NET,
    interface: 'eth0',
    mac,
    state: 'active',
    ip: { address: `10.0.0.${host}`, gateway: '10.0.0.1', allocation: 'dynamic' },
  });
}

export function seedTenant(): Entity[] {
  const ids = SEED_DOCUMENT_IDS;
  return [
    networkResource({
      id: 'private',
      title: 'private',
      summary: 'The tenant network every VM is plugged into.',
      vlan: 100,
      label: 'tenant-private',
      state: 'active',
      ip: { address: '10.0.0.0/24', gateway: '10.0.0.1', allocation: 'dynamic' },
    }),
    networkResource({ id: 'dmz', title: 'dmz', vlan: 42, label: 'external-dmz', state: 'inactive' }),

    computeResource({
      id: ids.web,
      title: 'web-01',
      summary: 'nginx front end for the shop.',
      state: 'active',
      flavor: 'm1.tiny',
      image: 'cirros-0.3.0-x86_64-blank',
      hostname: 'web-01',
      architecture: 'x64',
      tags: ['production'],
      sshKey: DEMO_SSH_KEY,
      links: [nic('3f6c1b2a-9d4e-4a7f-8b15-c2e0d7a94f61', ids.web, 11, 'fa:16:3e:1a:2b:11')],
    }),
    computeResource({
      id: ids.buildRunner,
      title: 'build-runner',
      state: 'inactive',
      flavor: 'm1.medium',
      image: 'ubuntu-22.04',
      hostname: 'build-runner',
      architecture: 'x64',
      tags: ['staging'],
      userData: BUILD_USER_DATA,
    }),
    computeResource({
      id: ids.db,
      title: 'db-01',
      summary: 'PostgreSQL 15 primary for the shop.',
      state: 'active',
      flavor: 'm1.large',
      image: 'debian-12',
      hostname: 'db-01',
      architecture: 'x64',
      tags: ['production', 'backup-daily'],
      sshKey: DEMO_SSH_KEY,
      links: [
        nic('7a2e5d90-4c1b-4f38-9e6a-1b8d3c5f0e27', ids.db, 12, 'fa:16:3e:1a:2b:12'),
        storageLinkLink({
          id: 'e2c8a1f5-6b3d-4e90-8f27-4a9c0b1d5e63',
          source: locationOf(COMPUTE, ids.db),
          target: locationOf(STORAGE, '3'),
          deviceId: 'vdc',
          mountpoint: '/dev/vdc',
          state: 'active',
        }),
      ],
    }),
    computeResource({
      id: ids.app,
      title: 'app-01',
      state: 'active',
      flavor: 'm1.tiny',
      image: 'ubuntu-22.04',
      hostname: 'app-01',
      architecture: 'x64',
      links: [
        nic('b9d4f2c6-0e7a-4b51-a3c8-5f1e9d2b6a04', ids.app, 13, 'fa:16:3e:1a:2b:13'),
        storageLinkLink({
          id: ids.storageLink,
          source: locationOf(COMPUTE, ids.app),
          target: locationOf(STORAGE, '2'),
          deviceId: 'vdb',
          mountpoint: '/dev/vdb',
          state: 'active',
        }),
      ],
    }),
    computeResource({
      id: STAGING_WEB,
      title: 'staging-web-01',
      state: 'suspended',
      flavor: 'm1.small',
      image: 'centos-stream-9',
      hostname: 'staging-web-01',
      architecture: 'x64',
      tags: ['staging'],
    }),
    computeResource({
      id: ANALYTICS,
      title: 'analytics-01',
      state: 'error',
      stateMessage: 'No valid host was found. There are not enough hosts available.',
      flavor: 'm1.xlarge',
      image: 'debian-12',
      architecture: 'x64',
    }),

    storageResource({ id: ids.volume, title: 'scratch-01', size: 1, state: 'online' }),
    storageResource({ id: '2', title: 'app-data', size: 10, state: 'online' }),
    storageResource({
      id: '3',
      title: 'db-data',
      summary: 'PostgreSQL data directory.',
      size: 40,
      state: 'online',
      tags: ['backup-daily'],
    }),
    storageResource({
      id: '4',
      title: 'archive-2023',
      summary: 'Order archive of 2023, kept offline.',
      size: 100,
      state: 'offline',
    }),
  ];
}
