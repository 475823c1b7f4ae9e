import type { EntityUpdate } from '../model.ts';
import { errorReportMessage } from './json-error-report.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';
import { readEntityAttributes } from './read-json-attributes.ts';
import { readEntityKind, readLinks } from './read-json-entity.ts';
import { readTypeIdList } from './read-json-type-ids.ts';

/**
 * A partial or full update: an entity rendering whose kind may be left out. Actions are ignored
 * (a client cannot set them).
 */
export function readEntityUpdate(value: unknown): EntityUpdate {
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an entity update (a JSON object)');
  // Every member is optional, so an error body would otherwise read as an empty update.
  if (value.attributes === undefined && value.mixins === undefined && errorReportMessage(value) !== undefined) {
    return failAt(undefined, undefined, 'an entity update ("kind", "mixins", "attributes", "links")');
  }
  const mixins = readTypeIdList(value, 'mixins', undefined);
  const attributes = readEntityAttributes(value, undefined);
  const links = readLinks(value, undefined);
  if (value.kind === undefined || value.kind === null) return { mixins, attributes, links };
  return { kind: readEntityKind(value, undefined), mixins, attributes, links };
}
