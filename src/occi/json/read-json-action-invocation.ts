import type { ActionInvocation } from '../model.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';
import { readPlainAttributes } from './read-json-attributes.ts';
import { typeIdOf } from './read-json-type-ids.ts';

/**
 * `{"action": "<type id>", "attributes": {...}}` (1.2 and rOCCI 4, whose attributes may be nested).
 * The 2011 JSON draft called the member `category`; an action category object is accepted too.
 */
export function readActionInvocation(value: unknown): ActionInvocation {
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an action invocation (a JSON object)');
  const key = value.action === undefined && value.category !== undefined ? 'category' : 'action';
  const action = typeIdOf(value[key]) ?? failAt(undefined, key, 'an action type identifier (string)');
  return { action, attributes: readPlainAttributes(value, undefined) };
}
