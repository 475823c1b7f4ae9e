import type { EntityCollection, Link, Resource } from '../model.ts';
import { errorReportMessage } from './json-error-report.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';
import { readEntity } from './read-json-entity.ts';

/**
 * An entity collection:
 * - 1.2 `{"resources":[...],"links":[...]}`, either key may be missing (ooi, erocci, rOCCI 5);
 * - rOCCI 5's location list, `{"locations":[...]}`, and rOCCI's bare array of URL strings;
 * - pyssf's bare array of entities (strings and objects may even be mixed).
 * An object under `resources` that names a source or target is a Link and joins `links`.
 */
export function readEntityCollection(value: unknown): EntityCollection {
  const locations: string[] = [];
  const resources: Resource[] = [];
  const links: Link[] = [];
  if (Array.isArray(value)) {
    readMembers(value, undefined, locations, resources, links);
    return { locations, resources, links };
  }
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an entity collection (a JSON object or array)');
  if (
    value.resources === undefined &&
    value.links === undefined &&
    value.locations === undefined &&
    errorReportMessage(value) !== undefined
  ) {
    return failAt(undefined, undefined, 'an entity collection ("resources", "links")');
  }
  // A query interface, or a single entity, where a collection was wanted would read as an empty one.
  if (value.resources === undefined && value.links === undefined && value.locations === undefined) {
    const other = OTHER_STRUCTURE_MEMBERS.find((key) => value[key] !== undefined);
    if (other !== undefined) {
      return failAt(undefined, other, 'an entity collection ("resources", "links", "locations")');
    }
  }
  readEntityArray(value, 'resources', false, resources, links);
  readEntityArray(value, 'links', true, resources, links);
  const listed = value.locations;
  if (listed !== undefined && listed !== null) {
    if (!Array.isArray(listed)) failAt(undefined, 'locations', 'an array of URI strings');
    readMembers(listed, childPath(undefined, 'locations'), locations, undefined, undefined);
  }
  return { locations, resources, links };
}

/** Members of a category collection or of one entity, which a collection never has at its top. */
const OTHER_STRUCTURE_MEMBERS = ['kinds', 'mixins', 'actions', 'kind', 'attributes'] as const;

function readEntityArray(
  collection: JsonObject,
  key: 'resources' | 'links',
  inLinksArray: boolean,
  resources: Resource[],
  links: Link[],
): void {
  const items = collection[key];
  if (items === undefined || items === null) return;
  if (!Array.isArray(items)) failAt(undefined, key, `an array of ${key.slice(0, -1)} objects`);
  const listPath = childPath(undefined, key);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const path = childPath(listPath, i);
    if (!isJsonObject(item)) failAt(path, undefined, `a ${key.slice(0, -1)} (a JSON object)`);
    const entity = readEntity(item, path, inLinksArray);
    if (entity.entityType === 'link') links.push(entity);
    else resources.push(entity);
  }
}

/** A bare array's members: URI strings, and (when `resources` is given) entity objects. */
function readMembers(
  items: readonly unknown[],
  path: JsonPath,
  locations: string[],
  resources: Resource[] | undefined,
  links: Link[] | undefined,
): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') locations.push(item);
    else if (resources !== undefined && links !== undefined && isJsonObject(item)) {
      const entity = readEntity(item, childPath(path, i), false);
      if (entity.entityType === 'link') links.push(entity);
      else resources.push(entity);
    } else {
      failAt(path, i, resources === undefined ? 'a URI string' : 'a URI string or an entity object');
    }
  }
}
