import type { EntityUpdate } from '../model.ts';
import { errorReportMessage } from './json-error-report.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';
import { readEntityAttributes } from './read-json-attributes.ts';
import { readEntityKind, readLinks } from './read-json-entity.ts';
import { readTypeIdList } from './read-json-type-ids.ts';

/** What an update may carry at its top level (1.2 puts id, title and summary there too). */
const UPDATE_MEMBERS = ['kind', 'mixins', 'attributes', 'links', 'id', 'title', 'summary', 'source', 'target'];

/**
 * A partial or full update: an entity rendering whose kind may be left out. Actions are ignored
 * (a client cannot set them). An update wrapped in a collection of one (`{"resources":[{...}]}`,
 * as rOCCI 4 clients send it) is unwrapped; a collection of more is refused where it stands.
 */
export function readEntityUpdate(value: unknown): EntityUpdate {
  if (Array.isArray(value)) return readEntityUpdate(onlyMember(value, undefined));
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an entity update (a JSON object)');
  if (value.kind === undefined && value.resources !== undefined) {
    if (!Array.isArray(value.resources)) return failAt(undefined, 'resources', 'an array of entity objects');
    return readEntityUpdate(onlyMember(value.resources, 'resources'));
  }
  // Every member is optional, so an error body would otherwise read as an empty update.
  if (value.attributes === undefined && value.mixins === undefined && errorReportMessage(value) !== undefined) {
    return failAt(undefined, undefined, 'an entity update ("kind", "mixins", "attributes", "links")');
  }
  if (Object.keys(value).length > 0 && !UPDATE_MEMBERS.some((key) => value[key] !== undefined)) {
    return failAt(undefined, Object.keys(value)[0], 'an entity update ("kind", "mixins", "attributes", "links")');
  }
  const mixins = readTypeIdList(value, 'mixins', undefined);
  const attributes = readEntityAttributes(value, undefined);
  const links = readLinks(value, undefined);
  if (value.kind === undefined || value.kind === null) return { mixins, attributes, links };
  return { kind: readEntityKind(value, undefined), mixins, attributes, links };
}

/** The one entity of a wrapping collection, or a failure at the collection saying how many it holds. */
function onlyMember(items: readonly unknown[], key: string | undefined): unknown {
  if (items.length !== 1) {
    return failAt(undefined, key, `one entity update (this collection holds ${items.length} entities)`);
  }
  return items[0];
}
