/**
 * Changing an entity: partial update (POST), full update (PUT), and mixin association and
 * dissociation. `planUpdate` checks everything and returns the change to apply, so a batch (a
 * mixin collection) is all or nothing.
 */
import {
  type Attributes,
  type AttributeValue,
  coerceAttributeValue,
  type TypeId,
  termOf,
  wellKnown,
} from '../occi/index.ts';
import { resolveLinkEnds } from './create-entity.ts';
import type { DemoContext } from './demo-context.ts';
import { invalidRequest, OcciHttpError } from './occi-http-error.ts';
import { beginTransition, stateMachineOf } from './state-machine.ts';
import { endsOf, type StoredEntity } from './store.ts';
import {
  checkMixins,
  checkRequired,
  checkValue,
  DERIVED_ATTRIBUTES,
  definitionsFor,
  normaliseId,
  ordered,
  sameValue,
} from './validate-entity.ts';

const { ATTR, COMPUTE } = wellKnown;

export interface EntityChange {
  /** The entity's complete mixin list after the change. */
  readonly mixins: readonly TypeId[];
  /** What the client sent. */
  readonly attributes: Attributes;
  /** A full update: mutable attributes the client left out are dropped (or reset to their default). */
  readonly replace: boolean;
  readonly fromHeaders: boolean;
}

function osTemplateOf(context: DemoContext, mixins: readonly TypeId[]): TypeId | undefined {
  return mixins.find((id) => context.store.queryInterface.mixinRole(id) === 'os-template');
}

/** Checks a change and returns a function that applies it. */
export function planUpdate(context: DemoContext, entity: StoredEntity, change: EntityChange): () => void {
  const queryInterface = context.store.queryInterface;
  const kindId = entity.kind;
  const mixins = checkMixins(queryInterface, kindId, change.mixins);
  const definitions = definitionsFor(queryInterface, kindId, mixins);
  const machine = stateMachineOf(kindId);
  const isManaged = (name: string) =>
    machine !== undefined && (name === machine.stateAttribute || name === machine.messageAttribute);
  const isEnd = (name: string) => entity.entityType === 'link' && (name === ATTR.source || name === ATTR.target);

  const next = new Map<string, AttributeValue>();
  for (const [name, value] of entity.attributes) {
    const definition = definitions.get(name);
    const keep =
      name === ATTR.id ||
      isManaged(name) ||
      DERIVED_ATTRIBUTES.has(name) ||
      isEnd(name) ||
      (definition !== undefined && (!change.replace || !definition.mutable));
    if (keep) next.set(name, value);
  }
  // Newly attached mixins bring their defaults: a new resource_tpl resizes (GFD.224).
  const added = mixins.filter((id) => !entity.mixins.includes(id));
  for (const id of queryInterface.mixinClosure(added)) {
    for (const definition of queryInterface.mixin(id)?.attributes ?? []) {
      if (definition.default !== undefined && definition.default !== null)
        next.set(definition.name, definition.default);
    }
  }

  for (const [name, value] of change.attributes) {
    if (value === null || DERIVED_ATTRIBUTES.has(name)) continue;
    const current = entity.attributes.get(name);
    if (name === ATTR.id) {
      if (current !== undefined && normaliseId(value) === normaliseId(current)) continue;
      throw invalidRequest(`occi.core.id is immutable: ${entity.location} keeps ${JSON.stringify(current)}`);
    }
    if (isManaged(name)) {
      // A full update sends back the state it was given; only a different one is a request.
      if (sameValue(value, current)) continue;
      throw invalidRequest(
        `${name} is set by the provider; change the state with an action (POST ${entity.location}?action=...)`,
      );
    }
    const definition = definitions.get(name);
    if (definition === undefined) {
      throw invalidRequest(`${name} is not an attribute of ${termOf(kindId)} or of its mixins`);
    }
    if (!definition.mutable) {
      if (sameValue(coerceAttributeValue(value, definition), current)) continue;
      throw invalidRequest(`${name} is immutable: it stays ${JSON.stringify(current ?? null)}`);
    }
    if (value === '') next.delete(name);
    else next.set(name, checkValue(name, value, definition));
  }
  for (const definition of definitions.values()) {
    if (next.has(definition.name) || definition.default === undefined || definition.default === null) continue;
    if (!isManaged(definition.name)) next.set(definition.name, definition.default);
  }

  if (entity.entityType === 'link') resolveLinkEnds(context, kindId, next, undefined);
  checkRequired(definitions, next, kindId, change.fromHeaders);

  const oldOs = osTemplateOf(context, entity.mixins);
  const newOs = osTemplateOf(context, mixins);
  const rebuild = kindId === COMPUTE && machine !== undefined && newOs !== undefined && newOs !== oldOs;
  if (rebuild && entity.transition !== undefined) {
    throw new OcciHttpError(
      409,
      `${entity.location} is ${entity.transition.message}; change its OS template when that is done`,
    );
  }

  return () => {
    const ends = endsOf(entity);
    entity.mixins = mixins;
    entity.attributes = ordered(next, definitions);
    if (entity.entityType === 'link') context.store.moveLink(entity, ends);
    if (rebuild && machine !== undefined) {
      // A new os_tpl rebuilds the VM (GFD.224): it goes down and boots the new image.
      beginTransition(
        entity,
        machine,
        { to: 'active', during: 'inactive', message: 'rebuilding' },
        context.now(),
        context.actionDelayMs,
      );
    }
  };
}
