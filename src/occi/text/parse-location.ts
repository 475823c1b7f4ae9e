import { COMMA, isNotUri, isOws } from './char-class.ts';
import type { Cursor } from './cursor.ts';

/**
 * Reads one URI-reference of an X-OCCI-Location (or `Location`) value at the cursor, kept as given:
 * absolute or relative, nothing resolved. Whitespace, quotes, `<`, `>` or a control character
 * inside are errors, pointing at that character.
 */
export function parseLocation(cursor: Cursor): string {
  const text = cursor.text;
  const start = cursor.pos;
  let pos = start;
  while (pos < cursor.end) {
    const ch = text.charCodeAt(pos);
    if (ch === COMMA || isNotUri(ch)) break;
    pos++;
  }
  if (pos < cursor.end) {
    const ch = text.charCodeAt(pos);
    if (isOws(ch)) {
      let after = pos;
      while (after < cursor.end && isOws(text.charCodeAt(after))) after++;
      if (after < cursor.end && text.charCodeAt(after) !== COMMA) {
        throw cursor.error("',' or the end of the location (a URI has no spaces)", pos);
      }
    } else if (ch !== COMMA) {
      throw cursor.error('a URI character (no quotes, <, >, \\ or control characters in a location)', pos);
    }
  }
  cursor.pos = pos;
  return text.slice(start, pos);
}
