import { childPath, type JsonPath, type JsonPathSegment, pathSegments } from './json-path.ts';

/**
 * Thrown by the walkers when a parsed JSON value has the wrong shape. Not an Error (no stack to
 * capture): `parseJsonWith` always catches it and turns it into an `OcciParseError` with the line
 * and column of the offending value, which only it can compute because only it holds the text.
 */
export class JsonShapeFailure {
  readonly segments: readonly JsonPathSegment[];
  /** What was wanted, without the place: `a string type identifier`. */
  readonly wanted: string;

  constructor(segments: readonly JsonPathSegment[], wanted: string) {
    this.segments = segments;
    this.wanted = wanted;
  }
}

/** Fails at `path`, or at its member `key` when given (which may be missing from the text). */
export function failAt(path: JsonPath, key: string | number | undefined, wanted: string): never {
  throw new JsonShapeFailure(pathSegments(key === undefined ? path : childPath(path, key)), wanted);
}
