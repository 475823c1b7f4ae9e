/**
 * Changing what the suite made (only when changes are allowed): a full update, an action, the
 * actions offered before and after it, and a delete.
 */
import { type Entity, renderMessage, type TypeId, termOf, typedAttributes, wellKnown } from '../../../occi/index.ts';
import { describeAnswer, header, mediaTypeOf, parseAnswer, sameLocation, serverWords } from './answers.ts';
import { type Check, type CheckContext, FailCheck, fail, pass, skip } from './check-kit.ts';
import { createWorkingResource, fixture } from './creating.ts';
import { DEVIATION } from './deviations.ts';
import { idOf, modelOf } from './model-access.ts';
import { inapplicableActions } from './reading-checks.ts';
import { actionPath, bodyRequest, deleteRequest, getRequest, TEXT } from './requests.ts';
import { SPEC } from './spec-sections.ts';
import { type EntityRead, readEntity, stateOf, waitForEntity } from './waiting.ts';

const { ATTR } = wellKnown;
const TEXT_PLAIN_TYPES = new Set(['text/plain', 'text/occi+plain']);
const CONFORMANCE_UPDATED = 'OCCI Console conformance check, updated';

/**
 * A new VM is done booting when it is active, has failed (no use waiting on), or rests in another
 * state with no `state.message` saying it is on its way (pyssf leaves a new VM inactive).
 */
const booted = (entity: Entity) => {
  const state = stateOf(entity);
  if (state === 'active' || state === 'error') return true;
  return state !== undefined && stateOf(entity, 'occi.compute.state.message') === undefined;
};

/** The compute the change checks share, read once it has booted. */
async function bootedCompute(
  context: CheckContext,
): Promise<{ location: string; read: EntityRead & { entity: Entity } }> {
  const location = await fixture(context, 'compute');
  const read = await waitForEntity(context, location, booted, `read ${location} until it has booted`);
  if (read.entity === undefined) throw new FailCheck(`${location} ${read.problem}`);
  return { location, read: { ...read, entity: read.entity } };
}

const update: Check = {
  id: 'changes.update',
  title: 'A full update (PUT of the entity as read, with a new title) answers 200 with the entity and keeps the title',
  group: 'changes',
  spec: SPEC.entityPut,
  etsi: 'OCCI/CORE/UPDATE/001',
  async run(context) {
    const { model } = modelOf(context);
    // Booted first: an immutable state sent back after it moved on would be refused.
    const { location, read } = await bootedCompute(context);
    const title = `${CONFORMANCE_UPDATED} ${Date.now()}`;
    const attributes = new Map(typedAttributes(read.entity, model));
    attributes.set(ATTR.title, title);
    // The entity as read, action links and links left out: they are not part of what a PUT
    // replaces, and a resource's links survive it (GFD.223 §10.2.2).
    const entity: Entity =
      read.entity.entityType === 'resource'
        ? { ...read.entity, attributes, actions: [], links: [], location }
        : { ...read.entity, attributes, actions: [], location };
    const rendered = renderMessage('entity', entity, TEXT);
    const response = await context.send({
      method: 'PUT',
      path: location,
      headers: { Accept: TEXT, 'Content-Type': rendered.contentType },
      body: rendered.body,
      purpose: `Conformance: update ${location} (a new title)`,
    });
    const what = `PUT ${location}`;
    if (response.status === 201) {
      const answered = header(response, 'location');
      if (answered === undefined || !sameLocation(answered, location)) {
        return fail(`${what} answered 201 with Location ${answered ?? '(none)'}, not the entity's URL`);
      }
    } else if (response.status === 200) {
      const media = mediaTypeOf(response);
      if (!TEXT_PLAIN_TYPES.has(media)) return fail(`${what} answered 200 in ${media}, not the text/plain sent`);
      const parsed = parseAnswer('entity', response);
      if (!parsed.ok) return fail(`${what} answered 200, but ${parsed.error}`);
      if (parsed.model.attributes.size === 0) return fail(`${what} answered 200 with no attributes`);
    } else {
      return fail(
        `${what} answered ${describeAnswer(response)}, not 200 or 201`,
        response.status === 501
          ? DEVIATION.put501
          : /schema does not match/i.test(serverWords(response) ?? '')
            ? DEVIATION.putResizeOnly
            : undefined,
      );
    }
    const after = await readEntity(context, location, `read ${location} after the update`);
    const now = after.entity?.attributes.get(ATTR.title);
    if (now !== title)
      return fail(`${what} answered ${response.status}, but ${location} has the title ${JSON.stringify(now)} after it`);
    return pass(`${what}: ${response.status}, and the new title stays`);
  },
};

/** pOCCI: suspend an active compute (stop if it cannot), start any other. */
function chooseAction(available: readonly TypeId[], state: string | undefined): TypeId | undefined {
  const byTerm = (term: string) => available.find((id) => termOf(id) === term);
  if (state === 'active') return byTerm('suspend') ?? byTerm('stop') ?? available[0];
  return byTerm('start') ?? available[0];
}

const action: Check = {
  id: 'changes.action',
  title: 'An action of the compute kind (suspend when active, else start) answers 200',
  group: 'changes',
  spec: SPEC.triggerAction,
  etsi: 'OCCI/CORE/MISC/001',
  async run(context) {
    const { model } = modelOf(context);
    const { location, read } = await bootedCompute(context);
    const available = model.actionsFor(read.entity.kind, read.entity.mixins).map(idOf);
    const state = stateOf(read.entity);
    const chosen = chooseAction(available, state);
    if (chosen === undefined)
      return fail(`the query interface gives the ${termOf(read.entity.kind)} kind no action to trigger`);
    const term = termOf(chosen);
    const response = await context.send(
      bodyRequest(
        'POST',
        actionPath(location, term),
        'action-invocation',
        { action: chosen, attributes: new Map() },
        `${term} ${location}`,
      ),
    );
    if (response.status >= 200 && response.status < 300) {
      context.state.actionRun = {
        location,
        action: chosen,
        stateBefore: state,
        actionsBefore: read.entity.actions.map((a) => a.action),
        before: read.response,
      };
    }
    const what = `POST ${location}?action=${term} (the compute was ${state ?? 'of unknown state'})`;
    if (response.status === 200) return pass(`${what}: 200`);
    return fail(
      `${what} answered ${describeAnswer(response)}, not 200`,
      response.status === 204 ? DEVIATION.actionNoContent : undefined,
    );
  },
};

/** The state each compute action leads to (GFD.224); restart leads back, so nothing to see. */
const TARGET_STATE: ReadonlyMap<string, string> = new Map([
  ['start', 'active'],
  ['stop', 'inactive'],
  ['suspend', 'suspended'],
]);

const actionsFollowState: Check = {
  id: 'changes.actions-follow-state',
  title: 'After the action, the compute advertises the actions of its new state, not of the old one',
  group: 'changes',
  spec: SPEC.computeActions,
  async run(context) {
    const run = context.state.actionRun;
    if (run === undefined) return skip('needs the action of changes.action to have been accepted');
    context.cite(run.before);
    const target = TARGET_STATE.get(termOf(run.action));
    if (target === undefined) return skip(`${termOf(run.action)} leads to no other state to compare with`);
    const after = await waitForEntity(
      context,
      run.location,
      (e) => stateOf(e) === target,
      `read ${run.location} until it is ${target}`,
    );
    if (after.entity === undefined) return fail(`${run.location} ${after.problem} after ${termOf(run.action)}`);
    if (!after.reached) {
      return skip(
        `${run.location} was still ${stateOf(after.entity) ?? 'of unknown state'} ${Math.round(after.waitedMs / 1000)} s after ${termOf(run.action)}`,
      );
    }
    const actionsAfter = after.entity.actions.map((a) => a.action);
    const before = inapplicableActions(run.stateBefore, run.actionsBefore);
    const now = inapplicableActions(target, actionsAfter);
    const terms = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.map(termOf).join(', '));
    const said = `${run.stateBefore ?? '?'}: ${terms(run.actionsBefore)}; ${target}: ${terms(actionsAfter)}`;
    if (run.actionsBefore.length === 0 && actionsAfter.length === 0)
      return fail(`the compute advertises no action in either state (${said})`);
    if (before.length === 0 && now.length === 0) return pass(`the advertised actions follow the state (${said})`);
    const same =
      run.actionsBefore.length === actionsAfter.length && run.actionsBefore.every((a) => actionsAfter.includes(a));
    return fail(
      `actions the state rules out are advertised (${said})${same ? ': the same set in both states' : ''}`,
      same ? DEVIATION.allActions : undefined,
    );
  },
};

const GONE = new Set([404, 410]);

const remove: Check = {
  id: 'changes.delete',
  title: 'A compute is deleted: GET 200, DELETE 200 or 204, then GET 404',
  group: 'changes',
  spec: SPEC.entityDelete,
  etsi: 'OCCI/CORE/DELETE/001',
  async run(context) {
    const { state } = context;
    const bare = state.created.find((c) => c.location === state.bareCompute && !c.removed);
    const location = bare?.location ?? (await createWorkingResource(context, 'compute', 'to delete (CORE/DELETE/001)'));
    const created = state.created.find((c) => c.location === location);
    const first = await context.send(getRequest(location, TEXT, `read ${location} before deleting it`));
    if (first.status !== 200)
      return fail(`GET ${location} answered ${describeAnswer(first)} before the delete, not 200`);
    const deleted = await context.send(deleteRequest(location, `delete ${location}`));
    if (deleted.status !== 200 && deleted.status !== 204)
      return fail(`DELETE ${location} answered ${describeAnswer(deleted)}, not 200 or 204`);
    if (created !== undefined) created.removed = true;
    // pOCCI deletes twice: a slow cloud takes the second as a push; its answer is not judged.
    await context.send(deleteRequest(location, `delete ${location} again`));
    const started = Date.now();
    let delay = 250;
    for (;;) {
      const after = await context.send(getRequest(location, TEXT, `read ${location} after deleting it`));
      if (GONE.has(after.status)) return pass(`GET 200, DELETE ${deleted.status}, then GET ${after.status}`);
      if (after.status !== 200 || Date.now() - started + delay > context.settleTimeoutMs) {
        return fail(
          `GET ${location} still answered ${describeAnswer(after)} ${Math.round((Date.now() - started) / 1000)} s after DELETE ${deleted.status}`,
          after.status === 200 ? DEVIATION.asyncDelete : undefined,
        );
      }
      await context.sleep(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  },
};

export const CHANGE_CHECKS: readonly Check[] = [update, action, actionsFollowState, remove];
