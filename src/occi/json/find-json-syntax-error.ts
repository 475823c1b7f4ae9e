import { isDigit, type JsonTextProblem, scanString, skipWhitespace } from './json-text-scan.ts';

const IN_OBJECT = 1;
const IN_ARRAY = 2;

/**
 * The first place where `text` stops being JSON (RFC 8259), and what would have been valid there.
 * Run only after `JSON.parse` has refused the text: V8 in Node 20 gives no position for
 * "Unexpected token" errors, and Safari never gives one, so the position is worked out here, the
 * same way in every engine. Iterative, with an explicit stack, so any nesting depth is fine.
 * Returns `undefined` if it finds nothing wrong (the engine refused for its own reasons).
 */
export function findJsonSyntaxError(text: string): JsonTextProblem | undefined {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  for (;;) {
    // A value is expected at i.
    i = skipWhitespace(text, i);
    if (i >= n) return { offset: i, wanted: 'a JSON value' };
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i = skipWhitespace(text, i + 1);
      if (text.charCodeAt(i) === 0x7d) {
        i++;
      } else {
        const afterKey = scanMemberName(text, i, "a property name in double quotes or '}'");
        if (typeof afterKey !== 'number') return afterKey;
        stack.push(IN_OBJECT);
        i = afterKey;
        continue;
      }
    } else if (c === 0x5b) {
      i = skipWhitespace(text, i + 1);
      if (text.charCodeAt(i) === 0x5d) {
        i++;
      } else {
        stack.push(IN_ARRAY);
        continue;
      }
    } else if (c === 0x22) {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
    } else if (c === 0x2d || isDigit(c)) {
      const end = scanNumber(text, i);
      if (typeof end !== 'number') return end;
      i = end;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      for (let k = 1; k < literal.length; k++) {
        if (text[i + k] !== literal[k]) return { offset: i + k, wanted: `'${literal}'` };
      }
      i += literal.length;
    } else {
      return { offset: i, wanted: 'a JSON value' };
    }
    // A value ended at i: what may follow depends on the enclosing container.
    for (;;) {
      i = skipWhitespace(text, i);
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? { offset: i, wanted: 'the end of the JSON text' } : undefined;
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        if (top === IN_OBJECT) {
          const afterKey = scanMemberName(text, skipWhitespace(text, i), 'a property name in double quotes');
          if (typeof afterKey !== 'number') return afterKey;
          i = afterKey;
        }
        break;
      }
      if ((top === IN_OBJECT && d === 0x7d) || (top === IN_ARRAY && d === 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      return { offset: i, wanted: top === IN_OBJECT ? "',' or '}'" : "',' or ']'" };
    }
  }
}

/** A member name and its colon, starting at `i`; returns the index after the colon. */
function scanMemberName(text: string, i: number, wanted: string): number | JsonTextProblem {
  if (text.charCodeAt(i) !== 0x22) return { offset: i, wanted };
  const end = scanString(text, i);
  if (typeof end !== 'number') return end;
  const colon = skipWhitespace(text, end);
  if (text.charCodeAt(colon) !== 0x3a) return { offset: colon, wanted: "':' after the property name" };
  return colon + 1;
}

function scanNumber(text: string, from: number): number | JsonTextProblem {
  let i = from;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return { offset: i, wanted: 'a digit' };
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return { offset: i, wanted: "a digit after '.'" };
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return { offset: i, wanted: 'a digit in the exponent' };
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}
