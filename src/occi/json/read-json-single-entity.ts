import type { Entity } from '../model.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';
import { readEntity } from './read-json-entity.ts';
import { readEntityCollection } from './read-json-entity-collection.ts';

/**
 * One entity: the 1.2 Resource or Link object. rOCCI 4 answers a GET on an entity with a whole
 * collection (`{"resources":[{...}]}`) and pyssf renders lists as bare arrays, so a collection
 * holding exactly one entity is accepted too.
 */
export function readSingleEntity(value: unknown): Entity {
  if (isJsonObject(value) && value.kind === undefined && (value.resources !== undefined || value.links !== undefined)) {
    return onlyEntity(value);
  }
  if (Array.isArray(value)) return onlyEntity(value);
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an entity (a JSON object)');
  return readEntity(value, undefined, false);
}

function onlyEntity(value: unknown): Entity {
  const collection = readEntityCollection(value);
  const count = collection.resources.length + collection.links.length;
  const entity = collection.resources[0] ?? collection.links[0];
  if (count !== 1 || entity === undefined || collection.locations.length > 0) {
    return failAt(undefined, undefined, `exactly one entity (this collection holds ${count})`);
  }
  return entity;
}
