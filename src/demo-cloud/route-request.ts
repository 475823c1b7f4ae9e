/**
 * Which OCCI target a path names (spec digest §3.1): the query interface, a Kind's or a Mixin's
 * collection (trailing slash optional), or an entity `<kind location><id>`. Anything else is 404.
 */
import { type Kind, type Mixin, type QueryInterface, type TypeId, typeId } from '../occi/index.ts';

export type Route =
  | { readonly target: 'query-interface' }
  | { readonly target: 'kind-collection'; readonly kind: Kind; readonly kindId: TypeId }
  | { readonly target: 'mixin-collection'; readonly mixin: Mixin; readonly mixinId: TypeId }
  | {
      readonly target: 'entity';
      readonly kind: Kind;
      readonly kindId: TypeId;
      /** `/compute/<id>`, without a trailing slash. */
      readonly location: string;
      readonly id: string;
    }
  | { readonly target: 'none' };

/** The method matrix (GFD.223, spec digest §3.2); HEAD and OPTIONS wherever GET is. */
export const ALLOWED_METHODS: { readonly [T in Route['target']]: readonly string[] } = {
  'query-interface': ['GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'],
  'kind-collection': ['GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'],
  'mixin-collection': ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'],
  entity: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'],
  none: [],
};

const QUERY_INTERFACE = /^\/(?:\.well-known\/org\/ogf\/occi\/)?-\/?$/;

/** An entity id the demo cloud hands out or takes from a client: one safe path segment. */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

export function routeRequest(path: string, queryInterface: QueryInterface): Route {
  if (QUERY_INTERFACE.test(path)) return { target: 'query-interface' };
  if (path === '/' || path === '') return { target: 'none' };
  const kind = queryInterface.kindForLocation(path);
  if (kind !== undefined) return { target: 'kind-collection', kind, kindId: typeId(kind.scheme, kind.term) };
  const mixin = queryInterface.mixinForLocation(path);
  if (mixin !== undefined) return { target: 'mixin-collection', mixin, mixinId: typeId(mixin.scheme, mixin.term) };
  // An entity: the last segment is its id, what comes before it a Kind's location.
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  const id = trimmed.slice(slash + 1);
  if (slash < 0 || !ENTITY_ID.test(id)) return { target: 'none' };
  const entityKind = queryInterface.kindForLocation(trimmed.slice(0, slash + 1));
  if (entityKind === undefined) return { target: 'none' };
  return {
    target: 'entity',
    kind: entityKind,
    kindId: typeId(entityKind.scheme, entityKind.term),
    location: trimmed,
    id,
  };
}

/**
 * The path of a URI the client gave for an entity: relative or absolute, on any host (the seed
 * document names `http://localhost:8787/...`, and a console behind a proxy rewrites hosts), query
 * and fragment dropped, without a trailing slash.
 */
export function pathOf(uri: string): string {
  let path = uri.trim().replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '');
  path = path.replace(/[?#].*$/, '');
  if (!path.startsWith('/')) path = `/${path}`;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
