/**
 * Reading: the compute collection, filtered collections, each entity, and what the renderings of
 * entities and collections must look like. GET only.
 */
import { type AttributeValue, splitTypeId, termOf, typedAttributes, wellKnown } from '../../../occi/index.ts';
import { describeAnswer, hasHeader, mediaTypeOf, parseAnswer, renderingOfAnswer, sameLocation } from './answers.ts';
import { type Check, fail, need, pass, skip } from './check-kit.ts';
import type { ProbeResponse } from './conformance-types.ts';
import { DEVIATION } from './deviations.ts';
import { kindWithLocation, modelOf } from './model-access.ts';
import { categoryFilter, getRequest, TEXT } from './requests.ts';
import type { ReadEntity } from './run-state.ts';
import { SPEC } from './spec-sections.ts';

const { COMPUTE, RESOURCE } = wellKnown;

/** The most entities READ/007 reads: enough to judge, few enough for a large tenant. */
export const MAX_ENTITIES_READ = 20;
/** The most collections the empty-collection check reads looking for an empty one. */
export const MAX_COLLECTIONS_SCANNED = 30;

const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

/** The locations a collection answer lists (text: locations; JSON: the entities' locations). */
function listed(response: ProbeResponse): { ok: true; locations: string[] } | { ok: false; error: string } {
  if (response.status === 204) return { ok: true, locations: [] };
  const parsed = parseAnswer('entity-collection', response);
  if (!parsed.ok) return parsed;
  const { locations, resources, links } = parsed.model;
  const more = [...resources, ...links].map((e) => e.location).filter((l): l is string => l !== undefined);
  return { ok: true, locations: [...locations, ...more] };
}

const collection: Check = {
  id: 'reading.collection',
  title: 'The compute collection answers 200 with a list of locations',
  group: 'reading',
  spec: SPEC.collectionGet,
  etsi: 'OCCI/CORE/READ/001',
  async run(context) {
    const kind = kindWithLocation(context, COMPUTE);
    const response = await context.send(getRequest(kind.location, TEXT, 'list the compute collection (text/plain)'));
    const list = listed(response);
    if (response.status !== 200) {
      return fail(
        `GET ${kind.location} answered ${describeAnswer(response)}, not 200`,
        response.status === 204 ? DEVIATION.emptyNoContent : undefined,
      );
    }
    if (!list.ok) return fail(`GET ${kind.location} answered 200, but ${list.error}`);
    context.state.computeLocations = list.locations;
    context.state.computeCollection = response;
    return pass(`GET ${kind.location}: 200 with ${list.locations.length} locations`);
  },
};

const collectionFilter: Check = {
  id: 'reading.collection-filter',
  title: 'A collection read with a Category filter answers 200 with a list of locations',
  group: 'reading',
  spec: SPEC.collectionGet,
  etsi: 'OCCI/CORE/READ/002',
  async run(context) {
    const { model } = modelOf(context);
    // pOCCI: the first category whose rel is core#resource (compute, as servers list it), read at
    // its own location with itself as the filter.
    const first = model.kinds().find((k) => k.parent === RESOURCE && k.location !== undefined);
    const target = first ?? kindWithLocation(context, COMPUTE);
    const location = need(target.location, 'no collection to read');
    const response = await context.send(
      getRequest(location, TEXT, `list ${target.term} filtered by ${target.term}`, {
        'Content-Type': 'text/occi',
        Category: categoryFilter(target.term, target.scheme, target.class),
      }),
    );
    const what = `GET ${location} with Category ${target.term}`;
    if (response.status !== 200) {
      return fail(
        `${what} answered ${describeAnswer(response)}, not 200`,
        response.status === 204 ? DEVIATION.emptyNoContent : undefined,
      );
    }
    if (renderingOfAnswer(response) === null)
      return fail(`${what}: its Content-Type ${mediaTypeOf(response)} is no OCCI rendering`);
    const list = listed(response);
    if (!list.ok) return fail(`${what} answered 200, but ${list.error}`);
    return pass(`${what}: 200 with ${list.locations.length} locations`);
  },
};

const TEXT_PLAIN_TYPES = new Set(['text/plain', 'text/occi+plain']);

const entity: Check = {
  id: 'reading.entity',
  title: 'Each listed compute answers 200 in text/plain with its kind',
  group: 'reading',
  spec: SPEC.entityGet,
  etsi: 'OCCI/CORE/READ/007',
  async run(context) {
    const locations = need(context.state.computeLocations, 'needs the compute collection (reading.collection)');
    if (locations.length === 0) return skip('the compute collection is empty: no entity to read');
    const read: ReadEntity[] = [];
    const problems: string[] = [];
    const chosen = locations.slice(0, MAX_ENTITIES_READ);
    for (const location of chosen) {
      const response = await context.send(getRequest(location, TEXT, `read ${location} (text/plain)`));
      if (response.status !== 200) {
        problems.push(`${location} answered ${describeAnswer(response)}`);
        continue;
      }
      const media = mediaTypeOf(response);
      if (!TEXT_PLAIN_TYPES.has(media)) problems.push(`${location} answered in ${media}, not text/plain`);
      const parsed = parseAnswer('entity', response);
      if (!parsed.ok) problems.push(`${location}: ${parsed.error}`);
      else read.push({ location, response, entity: parsed.model });
    }
    context.state.computes = read;
    const of = chosen.length < locations.length ? ` (the first ${chosen.length} of ${locations.length})` : '';
    if (problems.length > 0) {
      const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
      return fail(`${problems.slice(0, 3).join('; ')}${more}`);
    }
    return pass(`read ${read.length} computes${of}: 200, text/plain, each with its kind`);
  },
};

const filterHonoured: Check = {
  id: 'reading.filter-honoured',
  title: 'A Category filter on the compute collection keeps exactly the computes with that mixin',
  group: 'reading',
  spec: SPEC.collectionFilter11,
  async run(context) {
    const computes = need(context.state.computes, 'needs the computes read by reading.entity');
    const kind = kindWithLocation(context, COMPUTE);
    const counts = new Map<string, number>();
    for (const { entity: e } of computes)
      for (const mixin of new Set(e.mixins)) counts.set(mixin, (counts.get(mixin) ?? 0) + 1);
    const mixin = [...counts].find(([, count]) => count > 0 && count < computes.length)?.[0];
    if (mixin === undefined) return skip('no mixin that some computes have and others lack, so no filter to judge');
    const { scheme, term } = splitTypeId(mixin);
    const response = await context.send(
      getRequest(kind.location, TEXT, `list compute filtered by ${term}`, {
        'Content-Type': 'text/occi',
        Category: categoryFilter(term, scheme, 'mixin'),
      }),
    );
    if (response.status !== 200 && response.status !== 204) {
      return fail(`GET ${kind.location} with Category ${term} answered ${describeAnswer(response)}`);
    }
    const list = listed(response);
    if (!list.ok) return fail(`GET ${kind.location} with Category ${term}: ${list.error}`);
    const found = (location: string) => list.locations.some((l) => sameLocation(l, location));
    const missing = computes.filter((c) => c.entity.mixins.includes(mixin) && !found(c.location));
    const extra = computes.filter((c) => !c.entity.mixins.includes(mixin) && found(c.location));
    if (missing.length === 0 && extra.length === 0) {
      return pass(
        `Category ${term} kept the ${counts.get(mixin)} computes with it and left out the other ${computes.length - (counts.get(mixin) ?? 0)}`,
      );
    }
    const said = [
      ...(extra.length > 0 ? [`kept ${extra.length} without ${term} (${extra[0]?.location})`] : []),
      ...(missing.length > 0 ? [`left out ${missing.length} with it (${missing[0]?.location})`] : []),
    ].join(', and ');
    const ignored = extra.length === computes.length - (counts.get(mixin) ?? 0) && missing.length === 0;
    return fail(`GET ${kind.location} with Category ${term} ${said}`, ignored ? DEVIATION.filterIgnored : undefined);
  },
};

function quotedValues(read: ReadEntity, typed: ReadonlyMap<string, AttributeValue>) {
  const numbers: string[] = [];
  const booleans: string[] = [];
  let judged = 0;
  for (const [name, value] of read.entity.attributes) {
    const coerced = typed.get(name);
    if (typeof coerced !== 'number' && typeof coerced !== 'boolean') continue;
    judged++;
    if (typeof value !== 'string') continue;
    if (typeof coerced === 'number') numbers.push(`${name}="${value}"`);
    else booleans.push(`${name}="${value}"`);
  }
  return { numbers, booleans, judged };
}

const numbersUnquoted: Check = {
  id: 'reading.numbers-unquoted',
  title: 'Entity renderings write numbers and booleans bare, not quoted',
  group: 'reading',
  spec: SPEC.attributeAbnf,
  async run(context) {
    const computes = need(context.state.computes, 'needs the computes read by reading.entity');
    const { model } = modelOf(context);
    context.cite(...computes.map((c) => c.response));
    let judged = 0;
    const numbers: string[] = [];
    const booleans: string[] = [];
    let where: string | undefined;
    for (const read of computes) {
      const found = quotedValues(read, typedAttributes(read.entity, model));
      judged += found.judged;
      if (where === undefined && found.numbers.length + found.booleans.length > 0) where = read.location;
      numbers.push(...found.numbers);
      booleans.push(...found.booleans);
    }
    if (judged === 0) return skip('no number or boolean attribute in the computes read');
    const quoted = [...numbers, ...booleans];
    if (quoted.length === 0)
      return pass(`all ${judged} number and boolean values of ${computes.length} computes are bare`);
    const more = quoted.length > 2 ? ` and ${quoted.length - 2} more` : '';
    return fail(
      `quoted: ${quoted.slice(0, 2).join(', ')}${more} (first in ${where}); a number or boolean is written bare`,
      numbers.length > 0 ? DEVIATION.quotedNumbers : DEVIATION.quotedBooleans,
    );
  },
};

/** Actions GFD.224's compute state diagram does not allow in a state. */
const NOT_IN_STATE: ReadonlyMap<string, readonly string[]> = new Map([
  ['active', ['start']],
  ['inactive', ['stop', 'restart', 'suspend']],
  ['suspended', ['stop', 'restart', 'suspend']],
]);

export function inapplicableActions(state: unknown, actions: readonly string[]): string[] {
  const forbidden = typeof state === 'string' ? NOT_IN_STATE.get(state) : undefined;
  if (forbidden === undefined) return [];
  return actions.filter((a) => a.startsWith(COMPUTE_ACTION) && forbidden.includes(termOf(a))).map(termOf);
}

const actionsApplicable: Check = {
  id: 'reading.actions-applicable',
  title: 'A compute advertises only the actions its state allows',
  group: 'reading',
  spec: SPEC.computeActions,
  async run(context) {
    const computes = need(context.state.computes, 'needs the computes read by reading.entity');
    context.cite(...computes.map((c) => c.response));
    const judged = computes.filter((c) => NOT_IN_STATE.has(String(c.entity.attributes.get('occi.compute.state'))));
    if (judged.length === 0) return skip('no compute read is active, inactive or suspended');
    const wrong = judged
      .map((c) => {
        const state = c.entity.attributes.get('occi.compute.state');
        const actions = c.entity.actions.map((a) => a.action);
        return { c, state, actions, bad: inapplicableActions(state, actions) };
      })
      .filter((w) => w.bad.length > 0);
    if (wrong.length === 0) return pass(`${judged.length} computes advertise only actions their state allows`);
    const first = wrong[0] as (typeof wrong)[number];
    const all = wrong.every((w) =>
      ['start', 'stop', 'restart', 'suspend'].every((t) => w.actions.includes(COMPUTE_ACTION + t)),
    );
    return fail(
      `${wrong.length} of ${judged.length} computes advertise actions their state rules out: ${first.c.location} is ${String(first.state)} and offers ${first.bad.join(', ')}`,
      all ? DEVIATION.allActions : undefined,
    );
  },
};

const textOcci: Check = {
  id: 'reading.text-occi',
  title: 'text/occi answers use the Category, Link and X-OCCI-Location headers and the body OK',
  group: 'reading',
  spec: SPEC.headerRendering,
  async run(context) {
    const locations = need(context.state.computeLocations, 'needs the compute collection (reading.collection)');
    const first = need(locations[0], 'the compute collection is empty: no entity to read');
    const kind = kindWithLocation(context, COMPUTE);
    const response = await context.send(getRequest(first, 'text/occi', `read ${first} (text/occi)`));
    if (response.status === 406 || response.status === 415)
      return skip(`text/occi is not offered (${response.status})`);
    const problems: string[] = [];
    let xNames = false;
    let emptyBody = false;
    if (response.status !== 200) problems.push(`${first} answered ${describeAnswer(response)}`);
    else {
      if (mediaTypeOf(response) !== 'text/occi') problems.push(`${first} answered in ${mediaTypeOf(response)}`);
      if (hasHeader(response, 'x-occi-category') || hasHeader(response, 'x-occi-link')) {
        xNames = true;
        problems.push(`${first} uses X-OCCI-Category/X-OCCI-Link headers`);
      } else if (!hasHeader(response, 'category')) problems.push(`${first} has no Category header`);
      if (response.body.trim() !== 'OK') {
        emptyBody = response.body.trim() === '';
        problems.push(
          `the body of ${first} is ${emptyBody ? 'empty' : JSON.stringify(response.body.slice(0, 30))}, not OK`,
        );
      }
      const parsed = parseAnswer('entity', response);
      if (!parsed.ok) problems.push(`${first}: ${parsed.error}`);
    }
    const list = await context.send(getRequest(kind.location, 'text/occi', 'list the compute collection (text/occi)'));
    if (list.status !== 200) problems.push(`${kind.location} answered ${describeAnswer(list)}`);
    else if (!hasHeader(list, 'x-occi-location')) {
      if (hasHeader(list, 'location')) xNames = true;
      problems.push(
        `${kind.location} lists its members ${hasHeader(list, 'location') ? 'in Location headers' : 'in no header'}, not X-OCCI-Location`,
      );
    }
    if (problems.length === 0) return pass(`${first} and ${kind.location} in text/occi: spec header names, body OK`);
    const deviation = xNames
      ? DEVIATION.xOcciHeaders
      : emptyBody && problems.length === 1
        ? DEVIATION.textOcciEmptyBody
        : undefined;
    return fail(problems.join('; '), deviation);
  },
};

const emptyCollection: Check = {
  id: 'reading.empty-collection',
  title: 'An empty collection answers 200 with an empty rendering',
  group: 'reading',
  spec: SPEC.collectionGet,
  async run(context) {
    const { model } = modelOf(context);
    const locations = [...model.mixins(), ...model.kinds()]
      .map((c) => c.location)
      .filter((l): l is string => l !== undefined && l.trim() !== '');
    let read = 0;
    for (const location of locations.slice(0, MAX_COLLECTIONS_SCANNED)) {
      const response = await context.send(getRequest(location, TEXT, `look for an empty collection: ${location}`));
      read++;
      if (response.status === 204) {
        return fail(`${location} is empty and answered 204 No Content`, DEVIATION.emptyNoContent);
      }
      if (response.status !== 200) continue;
      const list = listed(response);
      if (list.ok && list.locations.length === 0) {
        return pass(
          `${location} is empty and answered 200 ${response.body.trim() === '' ? 'with an empty body' : 'with an empty rendering'}`,
        );
      }
    }
    return skip(`every collection read (${read}) has members; no empty one to judge`);
  },
};

export const READING_CHECKS: readonly Check[] = [
  collection,
  collectionFilter,
  entity,
  filterHonoured,
  numbersUnquoted,
  actionsApplicable,
  textOcci,
  emptyCollection,
];
