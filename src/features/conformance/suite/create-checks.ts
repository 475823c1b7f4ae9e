/**
 * Creating (only when changes are allowed): the ETSI TS 103 142 create tests as pOCCI runs them,
 * a user mixin, and an invalid create. Everything made is recorded for the clean-up. The checks
 * work on resources of their own, never on the tenant's.
 */
import { type AttributeValue, type Link, type TypeId, wellKnown } from '../../../occi/index.ts';
import { describeAnswer, header, mediaTypeOf, parseAnswer, sameLocation } from './answers.ts';
import { type Check, type CheckContext, fail, pass, skip, type Verdict } from './check-kit.ts';
import {
  CONFORMANCE_SUMMARY,
  CONFORMANCE_TITLE,
  type CreateSpec,
  createWorkingResource,
  fixture,
  postCreate,
  refusalDeviation,
  requiredAttributes,
} from './creating.ts';
import { DEVIATION } from './deviations.ts';
import { idOf, kindWithLocation, modelOf } from './model-access.ts';
import { bodyRequest, categoryFilter, getRequest, newId, TEXT } from './requests.ts';
import type { FixtureName } from './run-state.ts';
import { SPEC } from './spec-sections.ts';
import { readEntity } from './waiting.ts';

const { ATTR, COMPUTE, NETWORK, NETWORKINTERFACE, STORAGE, STORAGELINK } = wellKnown;

const TEXT_PLAIN_TYPES = new Set(['text/plain', 'text/occi+plain']);

/**
 * pOCCI's INFRA_CREATE_COMMON: 201 or 200 for a resource (the status is judged by
 * changes.create-bare-compute), but only 201 for a compute with inline links and for a link
 * (pOCCI's INFRA/CREATE/005 to 007 want 201), a location in the answer, the requested rendering,
 * and the new entity listed in its collection.
 */
async function judgedCreate(
  context: CheckContext,
  spec: CreateSpec,
  options: { readonly role?: FixtureName; readonly only201?: boolean } = {},
): Promise<{ verdict: Verdict; location: string | undefined }> {
  const { role, only201 = false } = options;
  const answer = await postCreate(context, spec);
  const { response, collection, created } = answer;
  const what = `POST ${collection} (${spec.words})`;
  if (response.status === 200 && only201) {
    return { verdict: fail(`${what} answered 200, not 201 Created`, DEVIATION.create200), location: undefined };
  }
  if (response.status !== 200 && response.status !== 201) {
    return {
      verdict: fail(`${what} answered ${describeAnswer(response)}`, refusalDeviation(response)),
      location: undefined,
    };
  }
  if (created === undefined) {
    return {
      verdict: fail(
        `${what} answered ${response.status} with no location: no Location, no X-OCCI-Location, none in the body`,
      ),
      location: undefined,
    };
  }
  if (role !== undefined && !context.state.fixtures.has(role)) context.state.fixtures.set(role, created.location);
  const problems: string[] = [];
  const media = mediaTypeOf(response);
  if (response.body.trim() !== '' && !TEXT_PLAIN_TYPES.has(media))
    problems.push(`it answered in ${media}, not the text/plain asked for`);
  const list = await context.send(getRequest(collection, TEXT, `list ${collection} to find the new entity`));
  const parsed = list.status === 200 ? parseAnswer('entity-collection', list) : undefined;
  const listed = parsed?.ok === true && parsed.model.locations.some((l) => sameLocation(l, created.location));
  if (!listed) {
    problems.push(
      `${created.location} is not listed in ${collection} (${list.status === 200 ? (parsed?.ok ? `${parsed.model.locations.length} listed` : parsed?.error) : describeAnswer(list)})`,
    );
  }
  const said = `${response.status} with ${created.location} (in ${created.where})`;
  return {
    verdict:
      problems.length === 0
        ? pass(`${said}, listed in ${collection}`)
        : fail(`${what}: ${said}, but ${problems.join('; ')}`),
    location: created.location,
  };
}

function creationCheck(
  id: string,
  etsi: string,
  title: string,
  kindId: TypeId,
  role: FixtureName,
  spec: string,
): Check {
  return {
    id,
    title,
    group: 'changes',
    spec,
    etsi,
    async run(context) {
      const { model } = modelOf(context);
      const attributes = requiredAttributes(model, kindId);
      const term = kindId.slice(kindId.indexOf('#') + 1);
      return (await judgedCreate(context, { kindId, attributes, words: `a ${term} (${etsi})` }, { role })).verdict;
    },
  };
}

const bareCompute: Check = {
  id: 'changes.create-bare-compute',
  title: 'A compute with only its kind and attributes is created: 201 Created with the new URL in Location',
  group: 'changes',
  spec: SPEC.createEntity,
  etsi: 'OCCI/CORE/CREATE/001',
  async run(context) {
    kindWithLocation(context, COMPUTE);
    const attributes = new Map<string, AttributeValue>([
      [ATTR.id, newId()],
      [ATTR.title, CONFORMANCE_TITLE],
      [ATTR.summary, CONFORMANCE_SUMMARY],
      ['occi.compute.architecture', 'x64'],
    ]);
    const { response, collection, created } = await postCreate(context, {
      kindId: COMPUTE,
      attributes,
      words: 'a bare compute (CORE/CREATE/001)',
    });
    if (created !== undefined) context.state.bareCompute = created.location;
    const location = header(response, 'location');
    if (response.status === 201 && location !== undefined) return pass(`201 Created, Location: ${location}`);
    if (response.status === 201) return fail(`POST ${collection} answered 201 without a Location header`);
    if (response.status === 200) {
      const xLocation = header(response, 'x-occi-location');
      return fail(
        `POST ${collection} answered 200${xLocation === undefined ? '' : ` with X-OCCI-Location: ${xLocation}`} instead of 201 Created with Location`,
        xLocation !== undefined && location === undefined ? DEVIATION.create200 : undefined,
      );
    }
    const deviation = response.status >= 400 ? refusalDeviation(response) : undefined;
    const note = deviation === DEVIATION.templates ? ' (pOCCI skips CORE/CREATE/001 by default for this reason)' : '';
    return fail(`POST ${collection} answered ${describeAnswer(response)}, not 201${note}`, deviation);
  },
};

const fromTemplates: Check = {
  id: 'changes.create-from-templates',
  title: 'A compute is created from the first os_tpl and resource_tpl mixins and listed in its collection',
  group: 'changes',
  spec: `${SPEC.createEntity}; ${SPEC.templates}`,
  etsi: 'OCCI/INFRA/CREATE/004',
  async run(context) {
    const { model } = modelOf(context);
    const os = model.osTemplates()[0];
    if (os === undefined)
      return skip('the query interface offers no os_tpl mixin (a provider SHOULD offer OS templates)');
    const size = model.resourceTemplates()[0];
    const mixins = [idOf(os), ...(size === undefined ? [] : [idOf(size)])];
    const attributes = requiredAttributes(model, COMPUTE, mixins);
    const words = `a compute from ${os.term}${size === undefined ? '' : ` and ${size.term}`} (INFRA/CREATE/004)`;
    return (await judgedCreate(context, { kindId: COMPUTE, mixins, attributes, words })).verdict;
  },
};

function inlineLink(kindId: TypeId, target: string, targetKind: TypeId): Link {
  return {
    entityType: 'link',
    kind: kindId,
    mixins: [],
    attributes: new Map<string, AttributeValue>([
      [ATTR.target, target],
      [ATTR.targetKind, targetKind],
    ]),
    actions: [],
  };
}

/** The links of a resource that point at `target`. */
async function linksTo(
  context: CheckContext,
  location: string,
  targets: readonly string[],
): Promise<{ missing: string[]; problem?: string }> {
  const read = await readEntity(context, location, `read ${location} for its links`);
  if (read.entity === undefined) return { missing: [...targets], problem: `${location} ${read.problem}` };
  const links = read.entity.entityType === 'resource' ? read.entity.links : [];
  const missing = targets.filter(
    (target) =>
      !links.some(
        (link) =>
          typeof link.attributes.get(ATTR.target) === 'string' &&
          sameLocation(String(link.attributes.get(ATTR.target)), target),
      ),
  );
  return { missing };
}

const withLinks: Check = {
  id: 'changes.create-with-links',
  title: 'A compute created with inline storagelink and networkinterface Links has both links',
  group: 'changes',
  spec: `${SPEC.createEntity}; ${SPEC.linkHandling11}`,
  etsi: 'OCCI/INFRA/CREATE/005',
  async run(context) {
    const { model } = modelOf(context);
    const storage = await fixture(context, 'storage');
    const network = await fixture(context, 'network');
    const links = [inlineLink(STORAGELINK, storage, STORAGE), inlineLink(NETWORKINTERFACE, network, NETWORK)];
    const attributes = requiredAttributes(model, COMPUTE);
    const { verdict, location } = await judgedCreate(
      context,
      {
        kindId: COMPUTE,
        attributes,
        links,
        words: 'a compute with a storage and a network link (INFRA/CREATE/005)',
      },
      { only201: true },
    );
    if (verdict.outcome !== 'pass' || location === undefined) return verdict;
    const { missing, problem } = await linksTo(context, location, [storage, network]);
    if (problem !== undefined) return fail(`created, but ${problem}`);
    if (missing.length > 0) return fail(`${location} was created but has no link to ${missing.join(' nor ')}`);
    return pass(`${verdict.reason}; it links ${storage} and ${network}`);
  },
};

function linkCheck(id: string, etsi: string, linkKind: TypeId, targetRole: 'storage' | 'network', spec: string): Check {
  const term = linkKind.slice(linkKind.indexOf('#') + 1);
  return {
    id,
    title: `A ${term} from a compute to a ${targetRole} is created, and the compute then links the ${targetRole}`,
    group: 'changes',
    spec,
    etsi,
    async run(context) {
      const { model } = modelOf(context);
      kindWithLocation(context, linkKind);
      const compute = await fixture(context, 'compute');
      // A volume attaches to one VM: the storage of INFRA/CREATE/005 is taken, so a fresh one.
      const target =
        targetRole === 'storage'
          ? await createWorkingResource(context, 'storage', `to attach (${etsi})`)
          : await fixture(context, 'network');
      const attributes = requiredAttributes(model, linkKind);
      attributes.set(ATTR.id, newId());
      attributes.set(ATTR.source, compute);
      attributes.set(ATTR.target, target);
      const { verdict } = await judgedCreate(
        context,
        { kindId: linkKind, attributes, words: `a ${term} ${compute} → ${target} (${etsi})` },
        { only201: true },
      );
      if (verdict.outcome !== 'pass') return verdict;
      const { missing, problem } = await linksTo(context, compute, [target]);
      if (problem !== undefined) return fail(`created, but ${problem}`);
      if (missing.length > 0) return fail(`the ${term} was created, but ${compute} has no link to ${target}`);
      return pass(`${verdict.reason}; ${compute} links ${target}`);
    },
  };
}

const USER_MIXIN_SCHEME = 'http://schemas.occi-console.org/conformance/tags#';

const userMixin: Check = {
  id: 'changes.create-user-mixin',
  title: 'A user-defined mixin (a tag) POSTed to the query interface answers 200 and is listed there',
  group: 'changes',
  spec: SPEC.queryInterfacePost,
  etsi: 'OCCI/CORE/CREATE/006',
  async run(context) {
    const term = `conformance-${newId().slice(0, 8)}`;
    const mixin = {
      class: 'mixin',
      scheme: USER_MIXIN_SCHEME,
      term,
      title: CONFORMANCE_TITLE,
      location: `/${term}/`,
      depends: [],
      applies: [],
      attributes: [],
      actions: [],
    } as const;
    const response = await context.send(
      bodyRequest(
        'POST',
        '-/',
        'categories',
        { kinds: [], mixins: [mixin], actions: [] },
        `define the user mixin ${term}`,
      ),
    );
    if (response.status >= 200 && response.status < 300) {
      context.state.created.push({
        location: idOf(mixin),
        what: 'user-mixin',
        category: categoryFilter(term, USER_MIXIN_SCHEME, 'mixin'),
        known: true,
      });
    }
    if (response.status !== 200) {
      return fail(
        `POST /-/ with the mixin ${term} answered ${describeAnswer(response)}, not 200`,
        [400, 404, 405, 501].includes(response.status) ? DEVIATION.userMixins : undefined,
      );
    }
    const listing = await context.send(getRequest('-/', TEXT, `find the user mixin ${term} in the query interface`));
    const parsed = parseAnswer('categories', listing);
    if (!parsed.ok) return fail(`the mixin was accepted, but GET /-/ ${parsed.error}`);
    if (!parsed.model.mixins.some((m) => idOf(m) === idOf(mixin)))
      return fail(`POST /-/ answered 200, but GET /-/ does not list ${idOf(mixin)}`);
    return pass(`200, and GET /-/ lists ${idOf(mixin)}`);
  },
};

const invalidValue: Check = {
  id: 'changes.invalid-value-refused',
  title: 'A create with an invalid attribute value is refused with 400 Bad Request',
  group: 'changes',
  spec: `${SPEC.statusCodes}; GFD.185 §3.6.6 Return codes`,
  async run(context) {
    kindWithLocation(context, STORAGE);
    const attributes = new Map<string, AttributeValue>([
      [ATTR.id, newId()],
      [ATTR.title, CONFORMANCE_TITLE],
      ['occi.storage.size', 'lots'],
    ]);
    const { response, collection } = await postCreate(context, {
      kindId: STORAGE,
      attributes,
      words: 'a storage of size "lots" (must be refused)',
    });
    if (response.status === 400)
      return pass(`POST ${collection} with occi.storage.size="lots" answered ${describeAnswer(response)}`);
    if (response.status >= 200 && response.status < 300)
      return fail(`POST ${collection} accepted occi.storage.size="lots" (${response.status})`);
    return fail(
      `POST ${collection} with occi.storage.size="lots" answered ${describeAnswer(response)}, not 400`,
      response.status === 409 ? DEVIATION.validation409 : undefined,
    );
  },
};

export const CREATE_CHECKS: readonly Check[] = [
  bareCompute,
  creationCheck(
    'changes.create-compute',
    'OCCI/INFRA/CREATE/001',
    'A compute is created (required attributes filled from its Kind) and listed in its collection',
    COMPUTE,
    'compute',
    SPEC.createEntity,
  ),
  creationCheck(
    'changes.create-storage',
    'OCCI/INFRA/CREATE/002',
    'A storage is created (title and size) and listed in its collection',
    STORAGE,
    'storage',
    SPEC.createEntity,
  ),
  creationCheck(
    'changes.create-network',
    'OCCI/INFRA/CREATE/003',
    'A network is created (title) and listed in its collection',
    NETWORK,
    'network',
    SPEC.createEntity,
  ),
  fromTemplates,
  withLinks,
  linkCheck(
    'changes.create-storagelink',
    'OCCI/INFRA/CREATE/006',
    STORAGELINK,
    'storage',
    `${SPEC.createEntity}; ${SPEC.linkingToStorage}`,
  ),
  linkCheck(
    'changes.create-networkinterface',
    'OCCI/INFRA/CREATE/007',
    NETWORKINTERFACE,
    'network',
    `${SPEC.createEntity}; ${SPEC.linkingToNetwork}`,
  ),
  userMixin,
  invalidValue,
];
