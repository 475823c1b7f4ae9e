import type { TypeId } from '../model.ts';
import { typeId } from '../type-id.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject, type JsonObject } from './json-values.ts';

/**
 * A term. ooi's JSON discovery gives some template terms as numbers (`"term": 1`); they are
 * identifiers, so they become strings.
 */
export function termOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A type identifier: a string (1.2, rOCCI, ooi) or a whole category object with scheme and term
 * (pyssf renders an entity's kind, mixins and actions that way).
 */
export function typeIdOf(value: unknown): TypeId | undefined {
  if (typeof value === 'string') return value;
  if (!isJsonObject(value)) return undefined;
  const scheme = value.scheme;
  const term = termOf(value.term);
  return typeof scheme === 'string' && term !== undefined ? typeId(scheme, term) : undefined;
}

/** A list of type identifiers; absent or null is empty. An all-string array is kept as it is. */
export function readTypeIdList(owner: JsonObject, key: string, path: JsonPath): readonly TypeId[] {
  const value = owner[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return failAt(path, key, 'an array of type identifiers');
  let allStrings = true;
  for (const item of value) {
    if (typeof item !== 'string') {
      allStrings = false;
      break;
    }
  }
  // The common case (1.2) needs no copy: JSON.parse made the array and nobody else holds it.
  if (allStrings) return value as string[];
  const ids: TypeId[] = [];
  for (let i = 0; i < value.length; i++) {
    ids.push(typeIdOf(value[i]) ?? failAt(childPath(path, key), i, 'a type identifier (string)'));
  }
  return ids;
}
