/**
 * Where a value sits in a JSON document, as a chain of object keys and array indices. The walkers
 * build one node per entity or category they descend into (cheap), and only turn the chain into
 * an array when something is wrong and the error has to point at the source text.
 */

export interface JsonPathNode {
  readonly parent: JsonPath;
  readonly key: string | number;
}

/** `undefined` is the top-level value. */
export type JsonPath = JsonPathNode | undefined;

export type JsonPathSegment = string | number;

export function childPath(parent: JsonPath, key: string | number): JsonPathNode {
  return { parent, key };
}

export function pathSegments(path: JsonPath): JsonPathSegment[] {
  const segments: JsonPathSegment[] = [];
  for (let node = path; node !== undefined; node = node.parent) segments.push(node.key);
  return segments.reverse();
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `resources[3].kind`, `kinds[0].attributes["occi.compute.cores"].type`; the root is `the top level`. */
export function formatPath(segments: readonly JsonPathSegment[]): string {
  if (segments.length === 0) return 'the top level';
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
