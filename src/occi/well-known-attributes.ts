/**
 * Types and value sets the specs give for the core and infrastructure attributes (spec digest §1.6,
 * §2). An OCCI 1.1 text server can only say an attribute's name and `{required immutable}`, so
 * without this table `occi.compute.cores` would be a string on every 1.1 cloud.
 */
import type { AttributeType, TypeId } from './model.ts';

export interface WellKnownAttribute {
  readonly type: AttributeType;
  /** The values the spec allows (union of 1.1 and 1.2 where they differ). */
  readonly enum?: readonly string[];
  readonly integer?: true;
  readonly minimum?: number;
  readonly maximum?: number;
}

const STRING: WellKnownAttribute = { type: 'string' };
const NON_NEGATIVE: WellKnownAttribute = { type: 'number', minimum: 0 };
const COUNT: WellKnownAttribute = { type: 'number', integer: true, minimum: 0 };
// 1.2 added `error` to every state enum.
const LINK_STATE: WellKnownAttribute = { type: 'string', enum: ['active', 'inactive', 'error'] };
const ALLOCATION: WellKnownAttribute = { type: 'string', enum: ['dynamic', 'static'] };

const ATTRIBUTES: ReadonlyMap<string, WellKnownAttribute> = new Map<string, WellKnownAttribute>([
  ['occi.core.id', STRING],
  ['occi.core.title', STRING],
  ['occi.core.summary', STRING],
  ['occi.core.source', STRING],
  ['occi.core.target', STRING],
  ['occi.core.source.kind', STRING],
  ['occi.core.target.kind', STRING],

  ['occi.compute.architecture', { type: 'string', enum: ['x86', 'x64'] }],
  ['occi.compute.cores', { type: 'number', integer: true, minimum: 1 }],
  ['occi.compute.hostname', STRING],
  // Removed in 1.2, still sent by rOCCI and set by the CRTP templates.
  ['occi.compute.speed', NON_NEGATIVE],
  ['occi.compute.share', COUNT],
  ['occi.compute.memory', NON_NEGATIVE],
  ['occi.compute.state', { type: 'string', enum: ['active', 'inactive', 'suspended', 'error'] }],
  ['occi.compute.state.message', STRING],
  // Not in GFD.224; the CRTP profile and ooi's flavours use it.
  ['occi.compute.ephemeral_storage.size', NON_NEGATIVE],
  ['occi.compute.userdata', STRING],
  ['occi.credentials.ssh.publickey', STRING],

  ['occi.network.vlan', { type: 'number', integer: true, minimum: 0, maximum: 4095 }],
  ['occi.network.label', STRING],
  ['occi.network.state', LINK_STATE],
  ['occi.network.state.message', STRING],
  ['occi.network.address', STRING],
  ['occi.network.gateway', STRING],
  ['occi.network.allocation', ALLOCATION],

  ['occi.storage.size', NON_NEGATIVE],
  [
    'occi.storage.state',
    { type: 'string', enum: ['online', 'offline', 'backup', 'snapshot', 'resize', 'degraded', 'error'] },
  ],
  ['occi.storage.state.message', STRING],

  ['occi.networkinterface.interface', STRING],
  ['occi.networkinterface.mac', STRING],
  ['occi.networkinterface.state', LINK_STATE],
  ['occi.networkinterface.state.message', STRING],
  ['occi.networkinterface.address', STRING],
  ['occi.networkinterface.gateway', STRING],
  ['occi.networkinterface.allocation', ALLOCATION],

  ['occi.storagelink.deviceid', STRING],
  ['occi.storagelink.mountpoint', STRING],
  ['occi.storagelink.state', LINK_STATE],
  ['occi.storagelink.state.message', STRING],
]);

export function wellKnownAttribute(name: string): WellKnownAttribute | undefined {
  return ATTRIBUTES.get(name);
}

/** An action parameter the spec defines; `required` as in the spec's tables. */
export interface WellKnownActionParameter extends WellKnownAttribute {
  readonly name: string;
  readonly required: boolean;
}

const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';
const STORAGE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/storage/action#';

function method(values: readonly string[]): WellKnownActionParameter {
  return { name: 'method', type: 'string', enum: values, required: false };
}

const ACTION_PARAMETERS: ReadonlyMap<TypeId, readonly WellKnownActionParameter[]> = new Map<
  TypeId,
  readonly WellKnownActionParameter[]
>([
  [`${COMPUTE_ACTION}stop`, [method(['graceful', 'acpioff', 'poweroff'])]],
  [`${COMPUTE_ACTION}restart`, [method(['graceful', 'warm', 'cold'])]],
  [`${COMPUTE_ACTION}suspend`, [method(['hibernate', 'suspend'])]],
  [`${COMPUTE_ACTION}save`, [method(['hot', 'deferred']), { name: 'name', type: 'string', required: false }]],
  // 1.1 only; 1.2 resizes by updating occi.storage.size, but rOCCI, ooi and EC2 still offer it.
  [`${STORAGE_ACTION}resize`, [{ name: 'size', type: 'number', minimum: 0, required: true }]],
]);

/** The parameters the spec gives an action, in the spec's order; empty for unknown actions. */
export function wellKnownActionParameters(actionId: TypeId): readonly WellKnownActionParameter[] {
  return ACTION_PARAMETERS.get(actionId) ?? [];
}
