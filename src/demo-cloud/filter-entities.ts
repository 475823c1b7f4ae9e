/**
 * Collection filters (spec digest §3.4): `Category` fields keep the members of that Kind or
 * Mixin, `X-OCCI-Attribute: name="value"` fields the members whose attribute is exactly that
 * value. Several filters must all match. 1.2 pagination: `?page=<n>&number=<per page>`.
 */
import { type Attributes, type TypeId, typeId } from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { parseRequest, parseRequestAttributes } from './read-request-body.ts';
import type { StoredEntity } from './store.ts';
import { sameValue } from './validate-entity.ts';

export interface EntityFilter {
  readonly categories: readonly TypeId[];
  readonly attributes: Attributes;
}

export function readEntityFilter(context: RequestContext): EntityFilter {
  const collection = parseRequest('categories', context.body);
  const categories = [...collection.kinds, ...collection.mixins, ...collection.actions].map((category) =>
    typeId(category.scheme, category.term),
  );
  return { categories, attributes: parseRequestAttributes(context.body) };
}

export function filterEntities(
  context: RequestContext,
  entities: readonly StoredEntity[],
  filter: EntityFilter,
): StoredEntity[] {
  if (filter.categories.length === 0 && filter.attributes.size === 0) return [...entities];
  const queryInterface = context.store.queryInterface;
  return entities.filter((entity) => {
    for (const id of filter.categories) {
      const isKind = queryInterface.isSubKindOf(entity.kind, id);
      if (!isKind && !queryInterface.mixinClosure(entity.mixins).includes(id)) return false;
    }
    for (const [name, value] of filter.attributes) {
      if (!sameValue(entity.attributes.get(name), value)) return false;
    }
    return true;
  });
}

/** Larger pages get 413, as OCCI 1.2 says for a `number` the server will not serve. */
export const MAX_PAGE_SIZE = 1000;

function positiveInteger(url: URL, name: string): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new OcciHttpError(400, `?${name}= must be a whole number from 1 (got ${JSON.stringify(text)})`);
  }
  return Number(text);
}

/** One page of the members; pages count from 1; past the end is an empty page. */
export function paginate<T>(url: URL, items: readonly T[]): T[] {
  const number = positiveInteger(url, 'number');
  const page = positiveInteger(url, 'page');
  if (number === undefined) {
    if (page !== undefined) throw new OcciHttpError(400, '?page= needs ?number= (the items per page)');
    return [...items];
  }
  if (number > MAX_PAGE_SIZE) {
    throw new OcciHttpError(413, `?number= may be at most ${MAX_PAGE_SIZE} (got ${number})`);
  }
  const start = ((page ?? 1) - 1) * number;
  return items.slice(start, start + number);
}
