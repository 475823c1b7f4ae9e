import type { LocationList } from '../model.ts';
import { childPath, type JsonPath } from './json-path.ts';
import { failAt } from './json-shape-failure.ts';
import { isJsonObject } from './json-values.ts';

/**
 * A list of entity locations. OCCI JSON defines none; rOCCI-server sends a bare array of URL
 * strings and rOCCI-core 5 renders `{"locations":[...]}`. Both are read.
 */
export function readLocationList(value: unknown): LocationList {
  if (Array.isArray(value)) return { locations: readStrings(value, undefined) };
  if (isJsonObject(value) && Array.isArray(value.locations)) {
    return { locations: readStrings(value.locations, childPath(undefined, 'locations')) };
  }
  if (isJsonObject(value)) return failAt(undefined, 'locations', 'an array of URI strings');
  return failAt(undefined, undefined, 'a location list (an array of URI strings)');
}

function readStrings(items: readonly unknown[], path: JsonPath): string[] {
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== 'string') failAt(path, i, 'a URI string');
  }
  // Every member is a string: the parsed array itself is the list.
  return items as string[];
}
