/**
 * Making things on the server: a create as pOCCI sends it (text/plain, required mutable attributes
 * filled from the Kind's definition), every success recorded for the clean-up, and the resources
 * the change checks work on ("fixtures"), made with whatever the server turns out to need.
 */
import { type AttributeValue, type Link, type QueryInterface, type TypeId, wellKnown } from '../../../occi/index.ts';
import { type CreatedLocation, createdLocationOf, describeAnswer, serverWords } from './answers.ts';
import { type CheckContext, SkipCheck } from './check-kit.ts';
import type { ProbeResponse } from './conformance-types.ts';
import { DEVIATION } from './deviations.ts';
import { kindWithLocation, modelOf } from './model-access.ts';
import { bodyRequest, newId } from './requests.ts';
import type { FixtureName } from './run-state.ts';

const { ATTR, COMPUTE, IPNETWORK, NETWORK, STORAGE } = wellKnown;

export const CONFORMANCE_TITLE = 'OCCI Console conformance check';
export const CONFORMANCE_SUMMARY = 'Made by the OCCI Console conformance check; removed when the check ends';

/** pOCCI's example values, where one is better than a made-up one (1 GiB: clouds cannot make 0.1). */
const EXAMPLE_VALUES: ReadonlyMap<string, AttributeValue> = new Map<string, AttributeValue>([
  [ATTR.title, CONFORMANCE_TITLE],
  ['occi.storage.size', 1],
  ['occi.storagelink.deviceid', 'vdb'],
  ['occi.networkinterface.interface', 'eth1'],
  // A documentation range (RFC 5737): an ipnetwork's address, where a server wants one (ooi).
  ['occi.network.address', '192.0.2.0/24'],
]);

/** Attributes the caller sets itself, never filled in. */
const SET_BY_CALLER = new Set<string>([ATTR.id, ATTR.source, ATTR.target, ATTR.targetKind]);

/**
 * pOCCI's INFRA_CREATE_COMMON: every required, mutable attribute of the Kind (and mixins) that has
 * no default gets an example value; a title is always given, so a stray entity says what made it.
 */
export function requiredAttributes(
  model: QueryInterface,
  kindId: TypeId,
  mixins: readonly TypeId[] = [],
): Map<string, AttributeValue> {
  const values = new Map<string, AttributeValue>([[ATTR.title, CONFORMANCE_TITLE]]);
  for (const definition of model.attributesFor(kindId, mixins)) {
    if (!definition.required || !definition.mutable || SET_BY_CALLER.has(definition.name)) continue;
    if (values.has(definition.name) || definition.default !== undefined) continue;
    const example = EXAMPLE_VALUES.get(definition.name);
    if (example !== undefined) values.set(definition.name, example);
    else if (definition.enum !== undefined && definition.enum[0] !== undefined)
      values.set(definition.name, definition.enum[0]);
    else if (definition.type === 'number') values.set(definition.name, definition.minimum ?? 1);
    else if (definition.type === 'boolean') values.set(definition.name, false);
    else values.set(definition.name, 'conformance');
  }
  return values;
}

export interface CreateSpec {
  readonly kindId: TypeId;
  readonly mixins?: readonly TypeId[];
  readonly attributes: ReadonlyMap<string, AttributeValue>;
  readonly links?: readonly Link[];
  /** What is made, for the inspector: "a compute (INFRA/CREATE/001)". */
  readonly words: string;
}

export interface CreateAnswer {
  readonly response: ProbeResponse;
  /** The collection posted to. */
  readonly collection: string;
  /** Where the answer said the new entity is, when it succeeded and said so. */
  readonly created: CreatedLocation | undefined;
}

/** POSTs a create to the Kind's collection in text/plain, and records a success for the clean-up. */
export async function postCreate(context: CheckContext, spec: CreateSpec): Promise<CreateAnswer> {
  const kind = kindWithLocation(context, spec.kindId);
  const update = {
    kind: spec.kindId,
    mixins: spec.mixins ?? [],
    attributes: new Map(spec.attributes),
    links: spec.links ?? [],
  };
  const response = await context.send(
    bodyRequest('POST', kind.location, 'entity-update', update, `create ${spec.words}`),
  );
  const success = response.status >= 200 && response.status < 300;
  const created = success ? createdLocationOf(response) : undefined;
  if (success) {
    context.state.created.push(
      created === undefined
        ? {
            location: `${kind.location} (the create answered ${response.status} with no location)`,
            what: 'entity',
            kind: spec.kindId,
            known: false,
          }
        : { location: created.location, what: 'entity', kind: spec.kindId, known: true },
    );
  }
  return { response, collection: kind.location, created };
}

/** The deviation a refused create points at, read from the server's words. */
export function refusalDeviation(response: ProbeResponse): string | undefined {
  const words = serverWords(response) ?? '';
  if (/occi\.core\.id/i.test(words)) return DEVIATION.clientId;
  if (/ipnetwork/i.test(words)) return DEVIATION.ipNetwork;
  if (/os_tpl|resource_tpl|template|image/i.test(words)) return DEVIATION.templates;
  return undefined;
}

const KIND_OF: Readonly<Record<FixtureName, TypeId>> = { compute: COMPUTE, storage: STORAGE, network: NETWORK };

/**
 * Makes a resource to work on, trying what servers are known to need in turn: the plain create,
 * then with a client-chosen occi.core.id (rOCCI-server 2), then, for a compute, with one os_tpl and
 * one resource_tpl as well, for a network with the ipnetwork mixin and its address (ooi). Skips the
 * check when nothing works.
 */
export async function createWorkingResource(context: CheckContext, name: FixtureName, why: string): Promise<string> {
  const { model } = modelOf(context);
  const kindId = KIND_OF[name];
  const templates = [model.osTemplates()[0], model.resourceTemplates()[0]]
    .filter((m) => m !== undefined)
    .map((m) => m.scheme + m.term);
  const attempts: { id: boolean; mixins: readonly TypeId[] }[] = [
    { id: false, mixins: [] },
    { id: true, mixins: [] },
    ...(name === 'compute' && templates.length > 0 ? [{ id: true, mixins: templates }] : []),
    ...(name === 'network' && model.mixin(IPNETWORK) !== undefined ? [{ id: true, mixins: [IPNETWORK] }] : []),
  ];
  let last: ProbeResponse | undefined;
  for (const attempt of attempts) {
    const attributes = requiredAttributes(model, kindId, attempt.mixins);
    if (attempt.id) attributes.set(ATTR.id, newId());
    const answer = await postCreate(context, { kindId, mixins: attempt.mixins, attributes, words: `a ${name} ${why}` });
    if (answer.created !== undefined) return answer.created.location;
    last = answer.response;
    if (answer.response.status >= 200 && answer.response.status < 300) break;
  }
  throw new SkipCheck(
    `no ${name} could be made to work on (the last create answered ${last === undefined ? 'nothing' : describeAnswer(last)})`,
  );
}

/** The resource of that role the change checks share: made by its create check, or now. */
export async function fixture(context: CheckContext, name: FixtureName): Promise<string> {
  const known = context.state.fixtures.get(name);
  if (known !== undefined) return known;
  const location = await createWorkingResource(context, name, 'to work on');
  context.state.fixtures.set(name, location);
  return location;
}
