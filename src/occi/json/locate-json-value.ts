import type { JsonPathSegment } from './json-path.ts';
import { scanString, skipValue, skipWhitespace } from './json-text-scan.ts';

/**
 * The offset in `text` (valid JSON) of the value at `segments`. When the path leaves the document
 * (a member that is missing, an index past the end) it stops at the deepest value that exists,
 * which is where a "missing scheme" error should point. A repeated member name resolves to its
 * last occurrence, as `JSON.parse` keeps the last one.
 */
export function locateJsonValue(text: string, segments: readonly JsonPathSegment[]): number {
  let at = skipWhitespace(text, 0);
  for (const segment of segments) {
    const next = typeof segment === 'number' ? locateElement(text, at, segment) : locateMember(text, at, segment);
    if (next < 0) return at;
    at = next;
  }
  return at;
}

function locateElement(text: string, at: number, index: number): number {
  if (text.charCodeAt(at) !== 0x5b) return -1;
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x5d) return -1;
  for (let k = 0; ; k++) {
    if (k === index) return i;
    i = skipWhitespace(text, skipValue(text, i));
    if (text.charCodeAt(i) !== 0x2c) return -1;
    i = skipWhitespace(text, i + 1);
  }
}

function locateMember(text: string, at: number, name: string): number {
  if (text.charCodeAt(at) !== 0x7b) return -1;
  let i = skipWhitespace(text, at + 1);
  let found = -1;
  while (text.charCodeAt(i) === 0x22) {
    const end = scanString(text, i);
    if (typeof end !== 'number') return found;
    const key: unknown = JSON.parse(text.slice(i, end));
    const valueAt = skipWhitespace(text, skipWhitespace(text, end) + 1);
    if (key === name) found = valueAt;
    i = skipWhitespace(text, skipValue(text, valueAt));
    if (text.charCodeAt(i) !== 0x2c) break;
    i = skipWhitespace(text, i + 1);
  }
  return found;
}
