/**
 * A generated tenant for scale work (`seed: { resources: N }`): N VMs with varied states, flavours,
 * images, titles and tags, one network, and links so lists and the graph have something to show:
 * every 5th VM has a network interface on the network, every 10th VM a storage link to a volume of
 * its own. 10,000 VMs give 1 network, 1,000 volumes, 2,000 network interfaces and 1,000 storage
 * links.
 *
 * Deterministic: the same count gives the same entities, ids included (uuid-shaped, derived from
 * the index by a bijective mix, so they never collide). As in `seedTenant`, the array holds
 * Resources only (network, VMs, then volumes) and each Link lives in its source's `links`.
 */
import { type Entity, type Link, type Resource, wellKnown } from '../occi/index.ts';
import { type ComputeState, FLAVORS, OS_IMAGES, USER_TAGS } from './demo-categories.ts';
import {
  computeResource,
  locationOf,
  networkInterfaceLink,
  networkResource,
  storageLinkLink,
  storageResource,
} from './seed-tenant.ts';

const { COMPUTE, NETWORK, STORAGE } = wellKnown;

export const MAX_SEED_RESOURCES = 10_000;

/** The generated network's id (`/network/scale-net`). */
export const SCALE_NETWORK_ID = 'scale-net';

/** A bijection on 32-bit integers with good avalanche (Chris Wellons' lowbias32). */
function mix(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** The character codes of one UUID, reused: `String.fromCharCode` then makes one flat string. */
const UUID_CODES: number[] = Array.from('00000000-0000-4000-8000-000000000000', (ch) => ch.charCodeAt(0));

function putHex(value: number, at: number, digits: number): void {
  let rest = value;
  for (let i = at + digits - 1; i >= at; i--) {
    UUID_CODES[i] = HEX_DIGITS[rest & 15] as number;
    rest >>>= 4;
  }
}

/**
 * A version-4-shaped UUID for an index. The first group is `mix(index ^ salt)`, a bijection, so
 * two indexes with the same salt never share an id; the rest only has to look random. Built as one
 * flat string: concatenation would leave a tree of string pieces per id, and at 10,000 VMs that
 * garbage is most of the build time.
 */
export function seedUuid(index: number, salt: number): string {
  const a = mix(index ^ salt);
  const b = mix(a ^ 0x68e31da4);
  const c = mix(a ^ 0xb5297a4d);
  const d = mix(c ^ 0x1b56c4e9);
  putHex(a, 0, 8);
  putHex(b >>> 16, 9, 4);
  putHex(0x4000 | (b & 0x0fff), 14, 4);
  putHex(0x8000 | ((c >>> 16) & 0x3fff), 19, 4);
  putHex(c, 24, 4);
  putHex(d, 28, 8);
  return String.fromCharCode.apply(null, UUID_CODES);
}

const VM_SALT = 0x5eed0001;
const NIC_SALT = 0x5eed0002;
const VOLUME_SALT = 0x5eed0003;
const STORAGELINK_SALT = 0x5eed0004;

const ROLES = ['web', 'api', 'worker', 'db', 'cache', 'batch', 'build', 'ci', 'queue', 'search'];
/** How often each flavour is picked, out of 20. */
const FLAVOR_WEIGHTS = [4, 7, 5, 3, 1];
const ERROR_MESSAGES = [
  'No valid host was found. There are not enough hosts available.',
  'Build of instance aborted: Failure prepping block device.',
  'Exceeded maximum number of retries.',
];

function pickState(roll: number): ComputeState {
  const percent = roll % 100;
  if (percent < 70) return 'active';
  if (percent < 85) return 'inactive';
  if (percent < 95) return 'suspended';
  return 'error';
}

function pickFlavor(roll: number): string {
  let left = roll % 20;
  for (let i = 0; i < FLAVOR_WEIGHTS.length; i++) {
    left -= FLAVOR_WEIGHTS[i] ?? 0;
    if (left < 0) return FLAVORS[i]?.term ?? 'm1.small';
  }
  return 'm1.small';
}

function pickTags(index: number): string[] {
  const tags: string[] = [];
  const [production, staging, backup] = USER_TAGS;
  if (index % 3 === 0 && production !== undefined) tags.push(production.term);
  else if (index % 3 === 1 && index % 4 === 1 && staging !== undefined) tags.push(staging.term);
  if (index % 10 === 0 && backup !== undefined) tags.push(backup.term);
  return tags;
}

/** 10.1.0.0/16 leaves room for far more interfaces than 10,000 VMs get. */
function address(host: number): string {
  return `10.1.${host >> 8}.${host & 255}`;
}

function mac(index: number): string {
  return `fa:16:3e:${HEX[(index >>> 16) & 255]}:${HEX[(index >>> 8) & 255]}:${HEX[index & 255]}`;
}

export function seedResources(count: number): Entity[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SEED_RESOURCES) {
    throw new RangeError(`seedResources needs a whole number of VMs from 0 to ${MAX_SEED_RESOURCES}, not ${count}`);
  }
  if (count === 0) return [];
  const networkLocation = locationOf(NETWORK, SCALE_NETWORK_ID);
  const computes: Resource[] = [];
  const volumes: Resource[] = [];
  for (let index = 0; index < count; index++) {
    const id = seedUuid(index, VM_SALT);
    const source = locationOf(COMPUTE, id);
    const roll = mix(index ^ 0x0badcafe);
    const state = pickState(roll);
    const running = state === 'active';
    const role = ROLES[index % ROLES.length] ?? 'vm';
    const title = `${role}-${String(index + 1).padStart(5, '0')}`;
    const links: Link[] = [];
    if (index % 5 === 0) {
      links.push(
        networkInterfaceLink({
          id: seedUuid(index, NIC_SALT),
          source,
          target: networkLocation,
          interface: 'eth0',
          mac: mac(index),
          state: running ? 'active' : 'inactive',
          ip: { address: address(index / 5 + 10), gateway: '10.1.0.1', allocation: 'dynamic' },
        }),
      );
    }
    if (index % 10 === 0) {
      const volumeId = seedUuid(index, VOLUME_SALT);
      const detached = index % 50 === 0;
      volumes.push(
        storageResource({
          id: volumeId,
          title: `${title}-data`,
          size: [10, 20, 50, 100][(roll >>> 8) % 4] ?? 10,
          state: detached ? 'offline' : 'online',
        }),
      );
      links.push(
        storageLinkLink({
          id: seedUuid(index, STORAGELINK_SALT),
          source,
          target: locationOf(STORAGE, volumeId),
          deviceId: 'vdb',
          mountpoint: '/dev/vdb',
          state: running && !detached ? 'active' : 'inactive',
        }),
      );
    }
    computes.push(
      computeResource({
        id,
        title,
        state,
        ...(state === 'error' && { stateMessage: ERROR_MESSAGES[(roll >>> 12) % ERROR_MESSAGES.length] ?? '' }),
        flavor: pickFlavor(roll >>> 4),
        image: OS_IMAGES[(roll >>> 16) % OS_IMAGES.length]?.term ?? 'ubuntu-22.04',
        hostname: title,
        architecture: (roll >>> 20) % 10 === 0 ? 'x86' : 'x64',
        tags: pickTags(index),
        links,
      }),
    );
  }
  const network = networkResource({
    id: SCALE_NETWORK_ID,
    title: 'scale-net',
    summary: `The network of the ${count}-VM scale tenant.`,
    vlan: 200,
    label: 'scale-net',
    state: 'active',
    ip: { address: '10.1.0.0/16', gateway: '10.1.0.1', allocation: 'dynamic' },
  });
  return [network, ...computes, ...volumes];
}
