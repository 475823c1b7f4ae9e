/**
 * The query interface, `/-/` and `/.well-known/org/ogf/occi/-/` (spec digest §3.3): GET lists
 * every category (filtered by `Category` fields), POST adds user-defined mixins, DELETE removes
 * them.
 */
import {
  type AttributeDefinition,
  type Category,
  type CategoryCollection,
  type Kind,
  type Mixin,
  type TypeId,
  typeId,
  wellKnown,
} from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { invalidRequest, OcciHttpError } from './occi-http-error.ts';
import { nothingToSay, occiResponse } from './occi-response.ts';
import { categoryUrl } from './public-urls.ts';
import { parseRequest } from './read-request-body.ts';
import { pathOf } from './route-request.ts';

/** OCCI reserves its own scheme prefix (GFD.221): users cannot define mixins there. */
const RESERVED_SCHEME = 'http://schemas.ogf.org/occi/';
const { CORE } = wellKnown;

function idOf(category: Category): TypeId {
  return typeId(category.scheme, category.term);
}

/**
 * The categories matching the filter, and what they relate to (1.2): a Kind or Mixin brings its
 * actions along.
 */
function filtered(collection: CategoryCollection, filter: ReadonlySet<TypeId>): CategoryCollection {
  if (filter.size === 0) return collection;
  const kinds = collection.kinds.filter((kind) => filter.has(idOf(kind)));
  const mixins = collection.mixins.filter((mixin) => filter.has(idOf(mixin)));
  const related = new Set([...kinds, ...mixins].flatMap((category) => category.actions));
  const actions = collection.actions.filter((action) => filter.has(idOf(action)) || related.has(idOf(action)));
  return { kinds, mixins, actions };
}

const MEMORY = 'occi.compute.memory';

/** ooi's flavours give memory in MiB (its JSON discovery, capture 03), as its entities do. */
function inMiB(definitions: readonly AttributeDefinition[]): AttributeDefinition[] {
  return definitions.map((definition) =>
    definition.name === MEMORY && typeof definition.default === 'number'
      ? { ...definition, default: Math.round(definition.default * 1024) }
      : definition,
  );
}

/**
 * The categories as the profile shows them: their locations in its URL style; ooi leaves
 * `attributes=` and `actions=` out of text (its header renderer has a FIXME; JSON has them);
 * pyssf lists no core Kinds (capture 01).
 */
function asProfile(context: RequestContext, collection: CategoryCollection): CategoryCollection {
  const { textDiscoveryDetails, coreKindsListed, memoryInMiB } = context.behaviour;
  const strip = !textDiscoveryDetails && context.negotiated.mediaType !== 'application/occi+json';
  const adapt = <C extends Kind | Mixin>(category: C): C => ({
    ...category,
    ...(category.location !== undefined && {
      location: categoryUrl(context, category.location, category.class === 'mixin'),
    }),
    ...(memoryInMiB && { attributes: inMiB(category.attributes) }),
    ...(strip && { attributes: [], actions: [] }),
  });
  const kinds = coreKindsListed ? collection.kinds : collection.kinds.filter((kind) => kind.scheme !== CORE);
  return {
    kinds: kinds.map(adapt),
    mixins: collection.mixins.map(adapt),
    actions: strip ? collection.actions.map((action) => ({ ...action, attributes: [] })) : collection.actions,
  };
}

function listCategories(context: RequestContext): Response {
  const given = parseRequest('categories', context.body);
  // ooi (captures 154, 155) and rOCCI-server 2 (capture 141) answer a filtered read in full.
  const named = context.behaviour.discoveryFilter ? [...given.kinds, ...given.mixins, ...given.actions] : [];
  const filter = new Set(named.map(idOf));
  const model = asProfile(context, filtered(context.store.categories, filter));
  return occiResponse(context, 200, { structure: 'categories', model });
}

function locationKey(location: string): string {
  return `${pathOf(location)}/`;
}

/**
 * The user mixin already defined exactly so (same location, same dependencies): defining it again
 * asks for nothing new, so it is no clash. pOCCI's CORE/CREATE/006 posts the same `stufik` mixin
 * on every run, and a second run against the same cloud must pass too.
 */
function sameUserMixin(context: RequestContext, mixin: Mixin): Mixin | undefined {
  if (mixin.location === undefined) return undefined;
  const location = locationKey(mixin.location);
  const named = [...mixin.depends, ...mixin.applies].sort().join(' ');
  return context.store.userMixins.find(
    (existing) =>
      idOf(existing) === idOf(mixin) &&
      existing.location === location &&
      [...existing.depends, ...existing.applies].sort().join(' ') === named,
  );
}

/** A user mixin as it will be kept, or the reason it cannot be. */
function checkedUserMixin(context: RequestContext, mixin: Mixin, taken: Set<string>): Mixin {
  const queryInterface = context.store.queryInterface;
  const id = idOf(mixin);
  if (mixin.scheme.startsWith(RESERVED_SCHEME)) {
    throw invalidRequest(`the scheme ${mixin.scheme} is reserved by OCCI; use a scheme of your own`);
  }
  const same = sameUserMixin(context, mixin);
  if (same !== undefined) return same;
  if (queryInterface.category(id) !== undefined) throw new OcciHttpError(409, `${id} exists already`);
  if (mixin.location === undefined || mixin.location.trim() === '') {
    throw invalidRequest(`the mixin ${id} needs a location (location="/my-tags/${mixin.term}/")`);
  }
  const location = locationKey(mixin.location);
  if (location === '//' || /^\/(?:\.well-known\/|-\/)/.test(location)) {
    throw new OcciHttpError(409, `the location ${mixin.location} is the query interface's`);
  }
  if (
    taken.has(location) ||
    queryInterface.kindForLocation(location) !== undefined ||
    queryInterface.mixinForLocation(location) !== undefined
  ) {
    throw new OcciHttpError(409, `the location ${location} is taken`);
  }
  const shadowing = queryInterface
    .kinds()
    .find((kind) => kind.location !== undefined && location.startsWith(kind.location));
  if (shadowing !== undefined) {
    throw new OcciHttpError(
      409,
      `the location ${location} lies inside the ${shadowing.term} collection ${shadowing.location}`,
    );
  }
  // A 1.1 `rel` naming a Kind means "applies to" (rOCCI-core 5 renders both in `rel`).
  const depends = mixin.depends.filter((dependency) => queryInterface.kind(dependency) === undefined);
  const applies = [
    ...mixin.applies,
    ...mixin.depends.filter((dependency) => queryInterface.kind(dependency) !== undefined),
  ];
  for (const dependency of depends) {
    if (queryInterface.mixin(dependency) === undefined)
      throw invalidRequest(`${id} depends on unknown mixin ${dependency}`);
  }
  for (const kind of applies) {
    if (queryInterface.kind(kind) === undefined) throw invalidRequest(`${id} applies to unknown kind ${kind}`);
  }
  if (mixin.actions.length > 0) {
    throw new OcciHttpError(
      501,
      'the demo cloud cannot run the actions of a user-defined mixin; define it without actions',
    );
  }
  taken.add(location);
  return { ...mixin, depends, applies: [...new Set(applies)], location };
}

function addUserMixins(context: RequestContext): Response {
  // Only mixins are added here, so a category without a class is one (pyssf's clients send none).
  const given = parseRequest('categories', context.body, 'mixin');
  if (given.kinds.length > 0 || given.actions.length > 0) {
    throw invalidRequest('only mixins can be added to the query interface, not kinds or actions');
  }
  if (given.mixins.length === 0) {
    throw invalidRequest(
      'no mixin to add: send Category: <term>; scheme="<your scheme>"; class="mixin"; location="/<path>/"',
    );
  }
  const taken = new Set<string>();
  const seen = new Set<TypeId>();
  const mixins = given.mixins.map((mixin) => {
    if (seen.has(idOf(mixin))) throw new OcciHttpError(409, `${idOf(mixin)} is given twice`);
    seen.add(idOf(mixin));
    return checkedUserMixin(context, mixin, taken);
  });
  context.store.addUserMixins(mixins.filter((mixin) => !context.store.userMixins.includes(mixin)));
  return occiResponse(context, 200, {
    structure: 'categories',
    model: asProfile(context, { kinds: [], mixins, actions: [] }),
  });
}

function removeUserMixins(context: RequestContext): Response {
  const given = parseRequest('categories', context.body, 'mixin');
  if (given.kinds.length > 0 || given.actions.length > 0) {
    throw invalidRequest('only mixins can be removed from the query interface, not kinds or actions');
  }
  if (given.mixins.length === 0) {
    throw invalidRequest('no mixin to remove: send Category: <term>; scheme="<scheme>"; class="mixin"');
  }
  const queryInterface = context.store.queryInterface;
  const ids = given.mixins.map(idOf);
  for (const id of ids) {
    if (queryInterface.mixin(id) === undefined) throw new OcciHttpError(404, `no mixin ${id} here`);
    // Tags are the user's to manage, the tenant's seeded ones too; templates and the rest are the provider's.
    if (context.store.isProviderMixin(id) && queryInterface.mixinRole(id) !== 'tag') {
      throw new OcciHttpError(403, `${id} is defined by the provider and cannot be deleted`);
    }
  }
  for (const id of ids) context.store.removeMixin(id);
  return nothingToSay(context, context.behaviour.deleteAnswer);
}

/** POST and DELETE `/-/` where the profile's server has no user mixins. */
function withoutUserMixins(context: RequestContext): Response {
  if (context.behaviour.userMixins === 'not-implemented') {
    // rOCCI-server 2 (captures 128, 138).
    throw new OcciHttpError(501, 'Requested functionality is not implemented');
  }
  // ooi routes /-/ with no method condition: DELETE reads like GET, POST is refused (captures 153, 156).
  if (context.method === 'DELETE') return listCategories(context);
  throw new OcciHttpError(
    400,
    'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  );
}

export function handleQueryInterface(context: RequestContext): Response {
  if (context.url.searchParams.has('action')) {
    throw new OcciHttpError(400, 'actions cannot be triggered on the query interface');
  }
  const writes = context.method === 'POST' || context.method === 'DELETE';
  if (writes && context.behaviour.userMixins !== 'supported') return withoutUserMixins(context);
  switch (context.method) {
    case 'POST':
      return addUserMixins(context);
    case 'DELETE':
      return removeUserMixins(context);
    default:
      return listCategories(context);
  }
}
