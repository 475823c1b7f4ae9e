import type { ActionLink, Entity, Link, TypeId } from '../model.ts';
import { ATTR, LINK } from '../well-known.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';
import { hasTopLevelLinkEnd, readEntityAttributes } from './read-json-attributes.ts';
import { readTypeIdList, typeIdOf } from './read-json-type-ids.ts';

// Copied out of ATTR once: the hot path should not read module bindings per entity.
const SOURCE = ATTR.source;
const TARGET = ATTR.target;

/**
 * One Resource or Link object. It is a Link when it stands in a `links` array, or names a source,
 * target or `rel` at the top level (1.2, rOCCI 4, pyssf), or `occi.core.source`/`occi.core.target`
 * among its attributes (rOCCI 4's nested links carry them nowhere else). So a Resource whose
 * attributes include `occi.core.target` reads back as a Link: the JSON cannot say otherwise.
 * `location` is not carried by JSON and stays absent.
 */
export function readEntity(obj: JsonObject, path: JsonPath, inLinksArray: boolean): Entity {
  const kind = readEntityKind(obj, path);
  const mixins = readTypeIdList(obj, 'mixins', path);
  const attributes = readEntityAttributes(obj, path);
  const actions = readActionLinks(obj, path);
  if (inLinksArray || hasTopLevelLinkEnd(obj) || attributes.has(SOURCE) || attributes.has(TARGET)) {
    return { entityType: 'link', kind, mixins, attributes, actions };
  }
  return { entityType: 'resource', kind, mixins, attributes, actions, links: readLinks(obj, path) };
}

/** The kind: a type identifier, or pyssf's whole kind category. */
export function readEntityKind(obj: JsonObject, path: JsonPath): TypeId {
  return typeIdOf(obj.kind) ?? failAt(path, 'kind', 'a string type identifier');
}

/**
 * A Resource's `links`: full Link objects (1.2), rOCCI 4's with string ends and `rel`, or the
 * links' locations alone (rOCCI-server 1.x renders each link by its URL). A location becomes a
 * Link known only by where it lives: no target yet, which a client reads from that location.
 */
export function readLinks(obj: JsonObject, path: JsonPath): Link[] {
  const value = obj.links;
  const links: Link[] = [];
  if (value === undefined || value === null) return links;
  if (!Array.isArray(value)) return failAt(path, 'links', 'an array of link objects');
  const linksPath = childPath(path, 'links');
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const itemPath = childPath(linksPath, i);
    if (typeof item === 'string' && item.trim() !== '') {
      links.push({ entityType: 'link', kind: LINK, mixins: [], attributes: new Map(), actions: [], location: item });
      continue;
    }
    if (!isJsonObject(item)) failAt(itemPath, undefined, "a link (a JSON object, or the link's location)");
    links.push(readEntity(item, itemPath, true) as Link);
  }
  return links;
}

/**
 * `actions`: 1.2 gives the type identifiers of the actions that apply now, with no URL. pyssf
 * gives `{"kind": {category}, "link": "/compute/1?action=start"}`, the 2011 JSON draft
 * `{"category": id, "href": url}`, rOCCI-server 1.x the action category itself
 * (`{"scheme": ..., "term": ..., "title": ...}`); a URL becomes the ActionLink's href.
 */
function readActionLinks(obj: JsonObject, path: JsonPath): ActionLink[] {
  const value = obj.actions;
  const actions: ActionLink[] = [];
  if (value === undefined || value === null) return actions;
  if (!Array.isArray(value)) return failAt(path, 'actions', 'an array of action type identifiers');
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string') {
      actions.push({ action: item });
      continue;
    }
    const itemPath = childPath(childPath(path, 'actions'), i);
    if (!isJsonObject(item)) failAt(itemPath, undefined, 'an action type identifier (string)');
    const action = typeIdOf(item.kind ?? item.category ?? item.action ?? item);
    if (action === undefined) failAt(itemPath, 'kind', 'an action type identifier (string)');
    const href = item.link ?? item.href;
    if (typeof href === 'string') actions.push({ action, href });
    else if (href === undefined || href === null) actions.push({ action });
    else failAt(itemPath, item.link === undefined ? 'href' : 'link', 'the action URL (string)');
  }
  return actions;
}
