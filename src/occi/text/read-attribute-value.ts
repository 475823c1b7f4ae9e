import type { AttributeValue } from '../model.ts';
import { DOT, MINUS, QUOTE } from './char-class.ts';
import type { Cursor } from './cursor.ts';

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/**
 * Whether a bare value is a number. The spec's grammar is `*DIGIT ["." *DIGIT]`; a leading `-` and
 * an exponent are accepted too, since servers render what their language prints.
 */
export function isNumberText(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (i < n && s.charCodeAt(i) === MINUS) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === DOT) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < n && (s.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (i < n && (s.charCodeAt(i) === MINUS || s.charCodeAt(i) === 0x2b)) i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  return i === n;
}

/**
 * Reads an attribute value at the cursor and keeps the type it was sent with: a quoted string is
 * a string even when it holds a number (pyssf and rOCCI quote numbers, ooi quotes booleans); a bare
 * number is a number, bare `true`/`false` a boolean, any other bare token a string (an enum value).
 * A number too large for a double stays the string it was, so nothing is lost.
 */
export function readAttributeValue(cursor: Cursor): AttributeValue {
  if (cursor.peek() === QUOTE) return cursor.readQuoted();
  const start = cursor.pos;
  const bare = cursor.readBare();
  if (bare.length === 0) throw cursor.error('an attribute value (a quoted string, a number, true or false)', start);
  if (bare === 'true') return true;
  if (bare === 'false') return false;
  if (isNumberText(bare)) {
    const number = Number(bare);
    if (Number.isFinite(number)) return number;
  }
  return bare;
}
