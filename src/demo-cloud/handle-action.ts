/**
 * Actions (spec digest §3.4, §3.5): `POST <entity or collection>?action=<term>` with exactly one
 * action category whose term is the query's. The action must be defined for the target (400),
 * apply in its current state (409, saying the state and what applies), and its parameters must
 * fit their definitions (400). It then takes the entity through its state machine.
 */
import {
  type Attributes,
  type AttributeValue,
  type Mixin,
  type TypeId,
  termOf,
  typeId,
  wellKnown,
} from '../occi/index.ts';
import { OS_TEMPLATE_SCHEME } from './demo-categories.ts';
import type { RequestContext } from './demo-context.ts';
import { collectionModel, entityModel } from './entity-model.ts';
import { invalidRequest, OcciHttpError } from './occi-http-error.ts';
import { NO_CONTENT, occiResponse } from './occi-response.ts';
import { parseRequest } from './read-request-body.ts';
import { actionVerdict, beginTransition, stateMachineOf } from './state-machine.ts';
import type { StoredEntity } from './store.ts';
import { checkValue, isMissing } from './validate-entity.ts';

interface Invocation {
  readonly action: TypeId;
  readonly parameters: Map<string, AttributeValue>;
}

/** Reads and checks the invocation against `?action=` and the action's parameter definitions. */
function readInvocation(context: RequestContext, term: string): Invocation {
  const invocation = parseRequest('action-invocation', context.body);
  if (termOf(invocation.action) !== term) {
    throw new OcciHttpError(
      400,
      `the action category (${invocation.action}) does not match ?action=${term}: send the category of ${term}`,
    );
  }
  const queryInterface = context.store.queryInterface;
  if (queryInterface.action(invocation.action) === undefined) {
    throw new OcciHttpError(400, `unknown action ${invocation.action}: the query interface (/-/) lists the actions`);
  }
  return { action: invocation.action, parameters: checkParameters(context, invocation.action, invocation.attributes) };
}

function checkParameters(context: RequestContext, action: TypeId, given: Attributes): Map<string, AttributeValue> {
  const definitions = context.store.queryInterface.attributesOfAction(action);
  const parameters = new Map<string, AttributeValue>();
  for (const [name, value] of given) {
    const definition = definitions.find((d) => d.name === name);
    if (definition === undefined) {
      const known = definitions.map((d) => d.name).join(', ');
      throw invalidRequest(`${termOf(action)} takes no parameter ${name}${known === '' ? '' : ` (it takes ${known})`}`);
    }
    if (!isMissing(value)) parameters.set(name, checkValue(name, value, definition));
  }
  for (const definition of definitions) {
    if (parameters.has(definition.name)) continue;
    if (definition.default !== undefined && definition.default !== null)
      parameters.set(definition.name, definition.default);
    else if (definition.required) {
      throw invalidRequest(
        `${termOf(action)} needs its parameter ${definition.name}: send X-OCCI-Attribute: ${definition.name}=...`,
      );
    }
  }
  return parameters;
}

function definedFor(context: RequestContext, entity: StoredEntity, action: TypeId): boolean {
  return context.store.queryInterface
    .actionsFor(entity.kind, entity.mixins)
    .some((defined) => typeId(defined.scheme, defined.term) === action);
}

function applicableNow(context: RequestContext, entity: StoredEntity): string {
  const terms = context.store.queryInterface
    .actionsFor(entity.kind, entity.mixins)
    .filter((action) => actionVerdict(entity, typeId(action.scheme, action.term))?.applies === true)
    .map((action) => action.term);
  return terms.length === 0 ? 'no action applies now' : `what applies now: ${terms.join(', ')}`;
}

/** `save` (GFD.224): the VM becomes a new OS template, named after `name` where it fits a term. */
function savedTemplate(context: RequestContext, entity: StoredEntity, name: AttributeValue | undefined): Mixin {
  const queryInterface = context.store.queryInterface;
  const base =
    typeof name === 'string' && name.trim() !== ''
      ? name
          .trim()
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .replace(/^[^A-Za-z0-9]+/, '')
      : '';
  const id = entity.location.slice(entity.location.lastIndexOf('/') + 1);
  const stem = base === '' ? `snapshot-${id.slice(0, 8)}` : base;
  let term = stem;
  const taken = (candidate: string) =>
    queryInterface.mixin(typeId(OS_TEMPLATE_SCHEME, candidate)) !== undefined ||
    queryInterface.mixinForLocation(`/mixin/os_tpl/${candidate}/`) !== undefined;
  for (let n = 2; taken(term); n++) term = `${stem}-${n}`;
  const title = entity.attributes.get(wellKnown.ATTR.title);
  return {
    class: 'mixin',
    scheme: OS_TEMPLATE_SCHEME,
    term,
    title: `Image: ${typeof name === 'string' && name.trim() !== '' ? name.trim() : term} (saved from ${typeof title === 'string' ? title : entity.location})`,
    depends: [wellKnown.OS_TPL],
    applies: [wellKnown.COMPUTE],
    location: `/mixin/os_tpl/${term}/`,
    attributes: [],
    actions: [],
  };
}

/** Starts the action on an entity it applies to; returns the OS template `save` made. */
function perform(context: RequestContext, entity: StoredEntity, invocation: Invocation): Mixin | undefined {
  const verdict = actionVerdict(entity, invocation.action);
  const machine = stateMachineOf(entity.kind);
  if (verdict === undefined || !verdict.applies || machine === undefined) return undefined;
  let saved: Mixin | undefined;
  let apply: Map<string, AttributeValue> | undefined;
  const term = termOf(invocation.action);
  if (entity.kind === wellKnown.COMPUTE && term === 'save') {
    saved = savedTemplate(context, entity, invocation.parameters.get('name'));
    context.store.addUserMixins([saved]);
  }
  if (entity.kind === wellKnown.STORAGE && term === 'resize') {
    apply = new Map([['occi.storage.size', invocation.parameters.get('size') ?? null]]);
  }
  beginTransition(entity, machine, verdict.rule, context.now(), context.actionDelayMs, apply);
  return saved;
}

function notImplemented(action: TypeId): OcciHttpError {
  return new OcciHttpError(501, `the demo cloud has no behaviour for ${action}`);
}

/** `POST <entity>?action=<term>`: 200 with the entity (or the new OS template of `save`), or 204. */
export function invokeOnEntity(context: RequestContext, entity: StoredEntity, term: string): Response {
  const invocation = readInvocation(context, term);
  if (!definedFor(context, entity, invocation.action)) {
    throw new OcciHttpError(
      400,
      `${invocation.action} is not defined for ${entity.location} (a ${termOf(entity.kind)} with its mixins)`,
    );
  }
  const verdict = actionVerdict(entity, invocation.action);
  if (verdict === undefined) throw notImplemented(invocation.action);
  if (!verdict.applies) {
    // 409 as OCCI 1.2 says for a state conflict; pyssf answers 400 (capture 48).
    throw new OcciHttpError(
      context.behaviour.actionRefusedStatus,
      `${termOf(invocation.action)} does not apply to ${entity.location} now: ${verdict.reason}; ${applicableNow(context, entity)}`,
    );
  }
  const saved = perform(context, entity, invocation);
  // ooi and rOCCI-server 2 answer an action with 204 (ooi capture 47, rOCCI capture 90).
  if (context.behaviour.actionAnswer === 'no-content') return occiResponse(context, 204, NO_CONTENT);
  if (saved !== undefined) {
    return occiResponse(context, 200, { structure: 'categories', model: { kinds: [], mixins: [saved], actions: [] } });
  }
  return occiResponse(context, 200, { structure: 'entity', model: entityModel(context, entity) });
}

/**
 * `POST <collection>?action=<term>`: the action must be defined for every member. It is run on
 * each member it applies to in its current state and skipped for the others (a stop leaves the
 * stopped VMs alone); if a member is busy with another transition, nothing is done (409), as
 * OCCI 1.1 makes batch operations atomic. 200 with the members it was run on.
 */
export function invokeOnCollection(
  context: RequestContext,
  members: readonly StoredEntity[],
  term: string,
  definedBy: { readonly id: TypeId; readonly actions: readonly TypeId[] },
): Response {
  const invocation = readInvocation(context, term);
  for (const member of members) {
    if (!definedBy.actions.includes(invocation.action) && !definedFor(context, member, invocation.action)) {
      throw new OcciHttpError(
        400,
        `${invocation.action} is not defined for ${member.location}, a member of ${definedBy.id}`,
      );
    }
  }
  if (!definedBy.actions.includes(invocation.action) && members.length === 0) {
    throw new OcciHttpError(400, `${invocation.action} is not defined for ${definedBy.id}`);
  }
  const busy: string[] = [];
  const targets: StoredEntity[] = [];
  for (const member of members) {
    const verdict = actionVerdict(member, invocation.action);
    if (verdict === undefined) throw notImplemented(invocation.action);
    if (verdict.applies) targets.push(member);
    else if (member.transition !== undefined) busy.push(`${member.location} is ${member.transition.message}`);
  }
  if (busy.length > 0) {
    throw new OcciHttpError(409, `${termOf(invocation.action)} was run on no member: ${busy.join('; ')}`);
  }
  for (const target of targets) perform(context, target, invocation);
  if (context.behaviour.actionAnswer === 'no-content') return occiResponse(context, 204, NO_CONTENT);
  return occiResponse(context, 200, { structure: 'entity-collection', model: collectionModel(context, targets) });
}
