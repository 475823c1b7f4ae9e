import type { ActionInvocation } from '../model.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';
import { readPlainAttributes } from './read-json-attributes.ts';
import { typeIdOf } from './read-json-type-ids.ts';

/**
 * `{"action": "<type id>", "attributes": {...}}` (1.2 and rOCCI 4, whose attributes may be nested).
 * The 2011 JSON draft called the member `category`, pyssf `kind`; an action category object is
 * accepted in any of them, and so is the bare category (`{"scheme", "term"}`, no class: the
 * request's `?action=` says what it is).
 */
export function readActionInvocation(value: unknown): ActionInvocation {
  if (!isJsonObject(value)) return failAt(undefined, undefined, 'an action invocation (a JSON object)');
  const key = (['action', 'category', 'kind'] as const).find((name) => value[name] !== undefined) ?? 'action';
  const given = value[key] ?? (value.scheme !== undefined && value.term !== undefined ? value : undefined);
  const action = typeIdOf(given) ?? failAt(undefined, key, 'an action type identifier (string)');
  return { action, attributes: readPlainAttributes(value, undefined) };
}
