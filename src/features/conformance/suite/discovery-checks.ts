/**
 * Discovery: the query interface (`/-/`), the renderings it answers in, content negotiation, the
 * Server header, and the core and infrastructure Kinds it must list.
 */
import { type CategoryCollection, occiVersions, wellKnown } from '../../../occi/index.ts';
import { describeAnswer, header, mediaTypeOf, parseAnswer, renderingOfAnswer } from './answers.ts';
import { type Check, fail, pass, skip } from './check-kit.ts';
import type { ProbeResponse } from './conformance-types.ts';
import { DEVIATION } from './deviations.ts';
import { idOf, modelOf } from './model-access.ts';
import { categoryFilter, getRequest, TEXT } from './requests.ts';
import { SPEC } from './spec-sections.ts';

const { COMPUTE, CORE, ENTITY, LINK, NETWORK, NETWORKINTERFACE, RESOURCE, STORAGE, STORAGELINK } = wellKnown;

const OCCI_TYPES = new Set(['text/plain', 'text/occi+plain', 'text/occi', 'application/occi+json']);
const TEXT_PLAIN_TYPES = new Set(['text/plain', 'text/occi+plain']);

function countOf(categories: CategoryCollection): number {
  return categories.kinds.length + categories.mixins.length + categories.actions.length;
}

/** What is wrong with a text/plain answer of the query interface, pOCCI's way. */
function textAnswerProblems(response: ProbeResponse): string[] {
  const problems: string[] = [];
  if (response.status !== 200) problems.push(`it answered ${describeAnswer(response)}, not 200`);
  const media = mediaTypeOf(response);
  if (!OCCI_TYPES.has(media)) problems.push(`its Content-Type is ${media}, not an OCCI rendering`);
  else if (!TEXT_PLAIN_TYPES.has(media)) problems.push(`its Content-Type is ${media}, not the text/plain asked for`);
  return problems;
}

const queryInterface: Check = {
  id: 'discovery.query-interface',
  title: 'The query interface answers 200 in text/plain and lists the core Kinds entity, resource and link',
  group: 'discovery',
  spec: SPEC.queryInterfaceGet,
  etsi: 'OCCI/CORE/DISCOVERY/001',
  async run(context) {
    const response = await context.send(getRequest('-/', TEXT, 'read the query interface (text/plain)'));
    const problems = textAnswerProblems(response);
    const parsed = parseAnswer('categories', response);
    if (!parsed.ok) return fail(`GET /-/: ${[...problems, parsed.error].join('; ')}`);
    const count = countOf(parsed.model);
    if (count === 0) return fail(`GET /-/: ${[...problems, 'it lists no category at all'].join('; ')}`);
    if (problems.length === 0) context.state.textDiscovery = { rendering: TEXT, response, categories: parsed.model };
    const listed = new Set(parsed.model.kinds.map(idOf));
    const missing = [ENTITY, RESOURCE, LINK].filter((id) => !listed.has(id)).map((id) => id.slice(CORE.length));
    if (missing.length > 0)
      problems.push(`it does not list the core kind${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    if (problems.length > 0) {
      return fail(`GET /-/: ${problems.join('; ')}`, problems.length === 1 ? DEVIATION.noCoreKinds : undefined);
    }
    return pass(`200 in text/plain, ${count} categories, core entity, resource and link among them`);
  },
};

const filter: Check = {
  id: 'discovery.filter',
  title: 'The query interface filtered by a Category answers 200 with that category',
  group: 'discovery',
  spec: SPEC.filteringQueryInterface,
  etsi: 'OCCI/CORE/DISCOVERY/002',
  async run(context) {
    const all = context.state.textDiscovery?.categories;
    if (all === undefined) return skip('needs the text/plain query interface (discovery.query-interface)');
    const first = all.kinds[0] ?? all.mixins[0] ?? all.actions[0];
    if (first === undefined) return skip('the query interface lists no category to filter by');
    const response = await context.send(
      getRequest('-/', TEXT, `read the query interface filtered by ${first.term}`, {
        'Content-Type': 'text/occi',
        Category: categoryFilter(first.term, first.scheme, first.class),
      }),
    );
    const problems = textAnswerProblems(response);
    const parsed = parseAnswer('categories', response);
    if (!parsed.ok) return fail(`GET /-/ with Category ${first.term}: ${[...problems, parsed.error].join('; ')}`);
    const ids = [...parsed.model.kinds, ...parsed.model.mixins, ...parsed.model.actions].map(idOf);
    if (!ids.includes(idOf(first))) problems.push(`the answer does not contain ${idOf(first)}`);
    if (problems.length > 0) return fail(`GET /-/ with Category ${first.term}: ${problems.join('; ')}`);
    const narrowed =
      ids.length < countOf(all)
        ? `${ids.length} of ${countOf(all)} categories: the filter was honoured`
        : `all ${ids.length} categories: the filter was ignored, which OCCI 1.2 allows`;
    return pass(`200 in text/plain with ${first.term} (${narrowed})`);
  },
};

interface RenderingTry {
  readonly asked: 'text/plain' | 'text/occi' | 'application/occi+json';
  readonly response: ProbeResponse;
  readonly answered: boolean;
  readonly why: string;
}

function tryRendering(asked: RenderingTry['asked'], response: ProbeResponse): RenderingTry {
  if (response.status !== 200) return { asked, response, answered: false, why: describeAnswer(response) };
  if (renderingOfAnswer(response) !== asked) {
    return { asked, response, answered: false, why: `200 in ${mediaTypeOf(response)}` };
  }
  const parsed = parseAnswer('categories', response);
  if (!parsed.ok) return { asked, response, answered: false, why: parsed.error };
  if (countOf(parsed.model) === 0) return { asked, response, answered: false, why: 'no category listed' };
  return { asked, response, answered: true, why: '' };
}

const renderings: Check = {
  id: 'discovery.renderings',
  title: 'The query interface answers in at least one text rendering (text/plain, text/occi); OCCI JSON is noted',
  group: 'discovery',
  spec: `${SPEC.textRenderings}; ${SPEC.jsonMediaType}`,
  async run(context) {
    const tries: RenderingTry[] = [];
    const text = context.state.textDiscovery;
    if (text !== undefined) {
      context.cite(text.response);
      tries.push({ asked: 'text/plain', response: text.response, answered: true, why: '' });
    } else {
      const response = await context.send(getRequest('-/', TEXT, 'read the query interface (text/plain)'));
      tries.push(tryRendering('text/plain', response));
    }
    for (const asked of ['text/occi', 'application/occi+json'] as const) {
      const response = await context.send(getRequest('-/', asked, `read the query interface (${asked})`));
      tries.push(tryRendering(asked, response));
    }
    const json = tries.find((t) => t.asked === 'application/occi+json');
    if (json !== undefined) {
      context.state.jsonAnswer = json.response;
      const parsed = json.answered ? parseAnswer('categories', json.response) : undefined;
      if (parsed?.ok) {
        context.state.jsonDiscovery = {
          rendering: 'application/occi+json',
          response: json.response,
          categories: parsed.model,
        };
      }
    }
    const yes = tries.filter((t) => t.answered).map((t) => t.asked);
    const no = tries.filter((t) => !t.answered).map((t) => `${t.asked}: ${t.why}`);
    const said = `${yes.length === 0 ? 'none answers' : `${yes.join(', ')} ${yes.length === 1 ? 'answers' : 'answer'}`}${
      no.length === 0 ? '' : `; not ${no.join('; ')}`
    }`;
    return yes.includes('text/plain') || yes.includes('text/occi')
      ? pass(said)
      : fail(`no text rendering answers the query interface (${said})`);
  },
};

const jsonMediaType: Check = {
  id: 'discovery.json-media-type',
  title: 'OCCI JSON, when offered, is labelled application/occi+json',
  group: 'discovery',
  spec: SPEC.jsonMediaType,
  async run(context) {
    const response = context.state.jsonAnswer;
    if (response === undefined) return skip('needs the OCCI JSON answer of discovery.renderings');
    context.cite(response);
    const media = mediaTypeOf(response);
    if (response.status !== 200 || renderingOfAnswer(response) !== 'application/occi+json') {
      return skip(
        `no OCCI JSON offered (asked for it, got ${response.status} ${media}); OCCI 1.1 servers need not offer it`,
      );
    }
    if (media === 'application/occi+json')
      return pass('the query interface in OCCI JSON is labelled application/occi+json');
    return fail(`asked for application/occi+json, the answer is OCCI JSON labelled ${media}`);
  },
};

const defaultRendering: Check = {
  id: 'discovery.default-rendering',
  title: 'Accept: */* is answered in text/plain, the default rendering',
  group: 'discovery',
  spec: SPEC.contentNegotiation11,
  async run(context) {
    // fetch cannot send a request without Accept (it sends */*), so the wildcard covers both cases.
    const response = await context.send(getRequest('-/', '*/*', 'read the query interface with Accept: */*'));
    const media = mediaTypeOf(response);
    if (response.status === 200 && TEXT_PLAIN_TYPES.has(media))
      return pass('Accept: */* was answered 200 in text/plain');
    if (response.status !== 200) {
      return fail(`Accept: */* was answered ${describeAnswer(response)}; a server must answer text/plain by default`);
    }
    return fail(
      `Accept: */* was answered in ${media}; a server must answer text/plain by default`,
      renderingOfAnswer(response) === 'application/occi+json' ? DEVIATION.wildcardAccept : undefined,
    );
  },
};

const INFRASTRUCTURE_KINDS: readonly (readonly [string, string])[] = [
  [COMPUTE, RESOURCE],
  [STORAGE, RESOURCE],
  [NETWORK, RESOURCE],
  [STORAGELINK, LINK],
  [NETWORKINTERFACE, LINK],
];

const infrastructureKinds: Check = {
  id: 'discovery.infrastructure-kinds',
  title:
    'The Kinds compute, storage, network, storagelink and networkinterface are listed, each with a location and parent',
  group: 'discovery',
  spec: SPEC.infrastructureKinds,
  async run(context) {
    const { model, discovery } = modelOf(context);
    context.cite(discovery.response);
    const problems: string[] = [];
    for (const [id, parent] of INFRASTRUCTURE_KINDS) {
      const term = id.slice(id.indexOf('#') + 1);
      const kind = model.kinds().find((k) => idOf(k) === id);
      if (kind === undefined) {
        problems.push(`no ${term} kind`);
        continue;
      }
      if (kind.location === undefined || kind.location.trim() === '') problems.push(`${term} has no location`);
      if (kind.parent === undefined) problems.push(`${term} names no parent (rel)`);
      else if (!model.isSubKindOf(id, parent)) problems.push(`${term}'s parent is ${kind.parent}, not ${parent}`);
    }
    const source = `the query interface in ${discovery.rendering}`;
    return problems.length === 0
      ? pass(`${source} lists all five, each with a location and the right parent`)
      : fail(`${source}: ${problems.join('; ')}`);
  },
};

const textDetails: Check = {
  id: 'discovery.text-details',
  title: 'The text query interface gives each infrastructure Kind its attributes and actions',
  group: 'discovery',
  spec: `${SPEC.categoryAbnf}; ${SPEC.queryInterface11}`,
  async run(context) {
    const text = context.state.textDiscovery;
    if (text === undefined) return skip('needs the text/plain query interface (discovery.query-interface)');
    context.cite(text.response);
    const problems: string[] = [];
    let seen = 0;
    for (const [id] of INFRASTRUCTURE_KINDS) {
      const kind = text.categories.kinds.find((k) => idOf(k) === id);
      if (kind === undefined) continue;
      seen++;
      if (kind.attributes.length === 0) problems.push(`${kind.term} has no attributes=`);
      if ((id === COMPUTE || id === STORAGE || id === NETWORK) && kind.actions.length === 0) {
        problems.push(`${kind.term} has no actions=`);
      }
    }
    if (seen === 0) return skip('the text query interface lists no infrastructure kind');
    if (problems.length === 0)
      return pass(`every infrastructure kind of the text query interface has attributes= and actions=`);
    const json = context.state.jsonDiscovery?.categories.kinds.find((k) => idOf(k) === COMPUTE);
    const jsonHasThem = json !== undefined && json.attributes.length > 0 && json.actions.length > 0;
    return fail(
      `in text/plain: ${problems.join('; ')}${jsonHasThem ? ' (the OCCI JSON query interface has them)' : ''}`,
      jsonHasThem ? DEVIATION.textDiscoveryDetails : undefined,
    );
  },
};

const serverVersion: Check = {
  id: 'discovery.server-version',
  title: 'Every answer names its OCCI version (OCCI/x.y) in the Server header',
  group: 'discovery',
  spec: SPEC.versioning,
  async run(context) {
    const answers = context.state.answers;
    if (answers.length === 0) return skip('no answer to look at yet');
    context.cite(...answers);
    const without = answers.filter((answer) => occiVersions(header(answer, 'server')).length === 0);
    const versions = [...new Set(answers.flatMap((answer) => occiVersions(header(answer, 'server'))))];
    if (without.length === 0) {
      return pass(`all ${answers.length} answers so far name OCCI/${versions.join(', OCCI/')} in Server`);
    }
    const example = header(without[0] as ProbeResponse, 'server');
    return fail(
      `${without.length} of ${answers.length} answers name no OCCI/x.y in Server (${
        example === undefined ? 'no Server header' : `Server: ${example}`
      })`,
    );
  },
};

export const DISCOVERY_CHECKS: readonly Check[] = [
  queryInterface,
  filter,
  renderings,
  jsonMediaType,
  defaultRendering,
  infrastructureKinds,
  textDetails,
  serverVersion,
];
