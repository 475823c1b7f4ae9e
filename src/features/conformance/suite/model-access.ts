/**
 * The server's model as the reading and change checks use it: built once from the richest query
 * interface the discovery checks got (OCCI JSON when offered, else text/plain), so a server whose
 * text discovery leaves attributes out (ooi) still gets its creates filled in.
 */
import {
  type Category,
  createQueryInterface,
  type Kind,
  type QueryInterface,
  type TypeId,
  typeId,
} from '../../../occi/index.ts';
import { type CheckContext, SkipCheck } from './check-kit.ts';
import type { Discovery } from './run-state.ts';

export function idOf(category: Pick<Category, 'scheme' | 'term'>): TypeId {
  return typeId(category.scheme, category.term);
}

export function modelOf(context: CheckContext): { model: QueryInterface; discovery: Discovery } {
  const { state } = context;
  const discovery = state.jsonDiscovery ?? state.textDiscovery;
  if (discovery === undefined) throw new SkipCheck('needs a readable query interface (discovery.query-interface)');
  if (state.model === undefined || state.modelRendering !== discovery.rendering) {
    state.model = createQueryInterface(discovery.categories);
    state.modelRendering = discovery.rendering;
  }
  return { model: state.model, discovery };
}

/** A Kind the server lists, with its location; skips the check when there is none. */
export function kindWithLocation(context: CheckContext, id: TypeId): Kind & { readonly location: string } {
  const { model } = modelOf(context);
  const kind = model.kinds().find((k) => idOf(k) === id);
  const term = id.slice(id.indexOf('#') + 1);
  if (kind === undefined) throw new SkipCheck(`the query interface lists no ${term} kind`);
  if (kind.location === undefined || kind.location.trim() === '') {
    throw new SkipCheck(`the ${term} kind has no location`);
  }
  return { ...kind, location: kind.location };
}
