/**
 * The state machines of GFD.224 (spec digest §2.2 to §2.6), with transitions that take time.
 *
 * A transition is stored as `{to, at}` and settled lazily against the clock on every read, so a
 * test's fake clock decides when a VM is up and no timer keeps a process alive. While one is
 * pending, `occi.<kind>.state.message` says what is going on ("stopping") and no action applies.
 *
 * The spec draws no way out of `error`; the demo lets the action that brings a resource up
 * (compute start, storage online, network up) recover it, as OpenStack's reset-and-start does,
 * so a demo can show a failed VM coming back. Delete applies in every state.
 */
import { type AttributeValue, type TypeId, wellKnown } from '../occi/index.ts';
import { COMPUTE_ACTIONS, NETWORK_ACTIONS, STORAGE_ACTIONS } from './demo-categories.ts';

export interface ActionRule {
  /** The states the action applies in. */
  readonly from: readonly string[];
  readonly to: string;
  /** A transitional state shown while it runs (storage backup, snapshot, resize of OCCI 1.1). */
  readonly during?: string;
  /** What `state.message` says while it runs. */
  readonly message: string;
}

export interface StateMachine {
  readonly stateAttribute: string;
  readonly messageAttribute: string;
  /** The state a new entity is created in. */
  readonly initial: string;
  /** The state a new entity reaches once created. */
  readonly created: string;
  /** What `state.message` says while it is being created. */
  readonly creating: string;
  readonly rules: ReadonlyMap<TypeId, ActionRule>;
}

function machine(
  term: string,
  initial: string,
  created: string,
  creating: string,
  rules: readonly (readonly [TypeId, ActionRule])[] = [],
): StateMachine {
  return {
    stateAttribute: `occi.${term}.state`,
    messageAttribute: `occi.${term}.state.message`,
    initial,
    created,
    creating,
    rules: new Map(rules),
  };
}

const MACHINES: ReadonlyMap<TypeId, StateMachine> = new Map([
  [
    wellKnown.COMPUTE,
    machine('compute', 'inactive', 'active', 'booting', [
      [COMPUTE_ACTIONS.start, { from: ['inactive', 'suspended', 'error'], to: 'active', message: 'starting' }],
      [COMPUTE_ACTIONS.stop, { from: ['active'], to: 'inactive', message: 'stopping' }],
      [COMPUTE_ACTIONS.restart, { from: ['active'], to: 'active', message: 'restarting' }],
      [COMPUTE_ACTIONS.suspend, { from: ['active'], to: 'suspended', message: 'suspending' }],
      [COMPUTE_ACTIONS.save, { from: ['active'], to: 'active', message: 'saving' }],
    ]),
  ],
  [
    wellKnown.STORAGE,
    machine('storage', 'offline', 'online', 'creating', [
      [STORAGE_ACTIONS.online, { from: ['offline', 'error'], to: 'online', message: 'coming online' }],
      [STORAGE_ACTIONS.offline, { from: ['online', 'degraded'], to: 'offline', message: 'going offline' }],
      [STORAGE_ACTIONS.backup, { from: ['online'], to: 'online', during: 'backup', message: 'backing up' }],
      [STORAGE_ACTIONS.snapshot, { from: ['online'], to: 'online', during: 'snapshot', message: 'taking a snapshot' }],
      [STORAGE_ACTIONS.resize, { from: ['online'], to: 'online', during: 'resize', message: 'resizing' }],
    ]),
  ],
  [
    wellKnown.NETWORK,
    machine('network', 'inactive', 'active', 'creating', [
      [NETWORK_ACTIONS.up, { from: ['inactive', 'error'], to: 'active', message: 'coming up' }],
      [NETWORK_ACTIONS.down, { from: ['active'], to: 'inactive', message: 'going down' }],
    ]),
  ],
  [wellKnown.NETWORKINTERFACE, machine('networkinterface', 'inactive', 'active', 'attaching')],
  [wellKnown.STORAGELINK, machine('storagelink', 'inactive', 'active', 'attaching')],
]);

export function stateMachineOf(kindId: TypeId): StateMachine | undefined {
  return MACHINES.get(kindId);
}

export interface Transition {
  readonly to: string;
  /** When it completes, on the cloud's clock (ms). */
  readonly at: number;
  readonly message: string;
  /** Attribute values that take effect on completion (a resize's new size). */
  readonly apply?: ReadonlyMap<string, AttributeValue>;
}

/** What the state machine needs of a stored entity. */
export interface Stateful {
  readonly kind: TypeId;
  attributes: Map<string, AttributeValue>;
  transition: Transition | undefined;
}

/** Completes a transition whose time has come. */
export function settle(entity: Stateful, now: number): void {
  const transition = entity.transition;
  if (transition === undefined || now < transition.at) return;
  const machine = stateMachineOf(entity.kind);
  entity.transition = undefined;
  if (machine === undefined) return;
  entity.attributes.set(machine.stateAttribute, transition.to);
  entity.attributes.delete(machine.messageAttribute);
  for (const [name, value] of transition.apply ?? []) entity.attributes.set(name, value);
}

/**
 * Starts a transition to `to`, shown as `during` (default: the current state) with `message`
 * until `delayMs` has passed; with no delay the entity is in `to` at once.
 */
export function beginTransition(
  entity: Stateful,
  machine: StateMachine,
  change: { readonly to: string; readonly during?: string; readonly message: string },
  now: number,
  delayMs: number,
  apply?: ReadonlyMap<string, AttributeValue>,
): void {
  entity.transition = {
    to: change.to,
    at: now + Math.max(0, delayMs),
    message: change.message,
    ...(apply !== undefined && { apply }),
  };
  if (change.during !== undefined) entity.attributes.set(machine.stateAttribute, change.during);
  entity.attributes.set(machine.messageAttribute, change.message);
  settle(entity, now);
}

export function stateOf(entity: Stateful): string | undefined {
  const machine = stateMachineOf(entity.kind);
  const state = machine === undefined ? undefined : entity.attributes.get(machine.stateAttribute);
  return typeof state === 'string' ? state : undefined;
}

export type Verdict =
  | { readonly applies: true; readonly rule: ActionRule }
  | { readonly applies: false; readonly reason: string };

/**
 * Whether an action applies to the entity now. `rule` undefined means the demo has no behaviour
 * for it (the caller answers 501).
 */
export function actionVerdict(entity: Stateful, actionId: TypeId): Verdict | undefined {
  const machine = stateMachineOf(entity.kind);
  const rule = machine?.rules.get(actionId);
  if (rule === undefined) return undefined;
  if (entity.transition !== undefined) {
    return { applies: false, reason: `it is ${entity.transition.message}, and no action applies until that is done` };
  }
  const state = stateOf(entity);
  if (state !== undefined && rule.from.includes(state)) return { applies: true, rule };
  return {
    applies: false,
    reason: `it is ${state ?? 'in no known state'}, and ${termOfAction(actionId)} applies only when it is ${rule.from.join(' or ')}`,
  };
}

function termOfAction(actionId: TypeId): string {
  return actionId.slice(actionId.lastIndexOf('#') + 1);
}
