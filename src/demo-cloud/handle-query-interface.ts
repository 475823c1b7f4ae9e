/**
 * The query interface, `/-/` and `/.well-known/org/ogf/occi/-/` (spec digest §3.3): GET lists
 * every category (filtered by `Category` fields), POST adds user-defined mixins, DELETE removes
 * them.
 */
import { type Category, type CategoryCollection, type Kind, type Mixin, type TypeId, typeId } from '../occi/index.ts';
import { publicUrl, type RequestContext } from './demo-context.ts';
import { invalidRequest, OcciHttpError } from './occi-http-error.ts';
import { NO_CONTENT, occiResponse } from './occi-response.ts';
import { parseRequest } from './read-request-body.ts';
import { pathOf } from './route-request.ts';

/** OCCI reserves its own scheme prefix (GFD.221): users cannot define mixins there. */
const RESERVED_SCHEME = 'http://schemas.ogf.org/occi/';

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

/** ooi: absolute category locations; and in text, no attributes= or actions= (JSON has them). */
function asProfile(context: RequestContext, collection: CategoryCollection): CategoryCollection {
  const { absoluteUrls, textDiscoveryDetails } = context.behaviour;
  const strip = !textDiscoveryDetails && context.negotiated.mediaType !== 'application/occi+json';
  if (!absoluteUrls && !strip) return collection;
  const adapt = <C extends Kind | Mixin>(category: C): C => ({
    ...category,
    ...(category.location !== undefined && { location: publicUrl(context, category.location) }),
    ...(strip && { attributes: [], actions: [] }),
  });
  return {
    kinds: collection.kinds.map(adapt),
    mixins: collection.mixins.map(adapt),
    actions: strip ? collection.actions.map((action) => ({ ...action, attributes: [] })) : collection.actions,
  };
}

function listCategories(context: RequestContext): Response {
  const given = parseRequest('categories', context.body);
  const filter = new Set([...given.kinds, ...given.mixins, ...given.actions].map(idOf));
  const model = asProfile(context, filtered(context.store.categories, filter));
  return occiResponse(context, 200, { structure: 'categories', model });
}

function locationKey(location: string): string {
  return `${pathOf(location)}/`;
}

/** A user mixin as it will be kept, or the reason it cannot be. */
function checkedUserMixin(context: RequestContext, mixin: Mixin, taken: Set<string>): Mixin {
  const queryInterface = context.store.queryInterface;
  const id = idOf(mixin);
  if (mixin.scheme.startsWith(RESERVED_SCHEME)) {
    throw invalidRequest(`the scheme ${mixin.scheme} is reserved by OCCI; use a scheme of your own`);
  }
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
  context.store.addUserMixins(mixins);
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
  return context.behaviour.noContentWhenEmpty
    ? occiResponse(context, 204, NO_CONTENT)
    : occiResponse(context, 200, NO_CONTENT);
}

export function handleQueryInterface(context: RequestContext): Response {
  if (context.url.searchParams.has('action')) {
    throw new OcciHttpError(400, 'actions cannot be triggered on the query interface');
  }
  switch (context.method) {
    case 'POST':
      return addUserMixins(context);
    case 'DELETE':
      return removeUserMixins(context);
    default:
      return listCategories(context);
  }
}
