/**
 * Character-level helpers over JSON text, shared by the syntax-error finder and the path locator.
 * Both run only when a parse has already failed, so they favour clarity over speed; neither
 * recurses, so no nesting depth can overflow the stack.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** JSON whitespace only (RFC 8259 §2): no BOM, no NBSP, no other Unicode spaces. */
export function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR) return i;
    i++;
  }
}

/** 1-based line and column (UTF-16 code units, as V8 counts) of `offset`. CRLF and lone CR end lines too. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const EXCERPT_LENGTH = 40;

/**
 * What stands at `offset`, shortened for a message; empty at the end of the input. With `end`,
 * only up to there (one JSON value); otherwise the rest of the line.
 */
export function excerptAt(text: string, offset: number, end = offset + EXCERPT_LENGTH + 1): string {
  const rest = text.slice(offset, Math.min(end, offset + EXCERPT_LENGTH + 1));
  const firstLine = rest.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return firstLine.length > EXCERPT_LENGTH ? `${firstLine.slice(0, EXCERPT_LENGTH)}…` : firstLine;
}

/** Where a scan found the text broken, and what it wanted there. */
export interface JsonTextProblem {
  readonly offset: number;
  readonly wanted: string;
}

/** The index after the string literal whose opening quote is at `from`, or what breaks it. */
export function scanString(text: string, from: number): number | JsonTextProblem {
  const n = text.length;
  let i = from + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, wanted: 'an escape sequence instead of a raw control character' };
    if (c === 0x5c) {
      if (i + 1 >= n) break;
      const e = text.charCodeAt(i + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          if (!isHexDigit(text.charCodeAt(i + k))) return { offset: i + k, wanted: 'a hex digit of a \\u escape' };
        }
        i += 6;
        continue;
      }
      // The only single-character escapes: \" \\ \/ \b \f \n \r \t
      if (
        e === 0x22 ||
        e === 0x5c ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        i += 2;
        continue;
      }
      return { offset: i + 1, wanted: 'an escape character (one of " \\ / b f n r t u)' };
    }
    i++;
  }
  return { offset: n, wanted: "a closing '\"'" };
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The index after the value starting at `from`, in text known to be valid JSON. Containers are
 * skipped by counting brackets outside strings, so this needs no stack either.
 */
export function skipValue(text: string, from: number): number {
  const n = text.length;
  const first = text.charCodeAt(from);
  if (first === 0x22) {
    const end = scanString(text, from);
    return typeof end === 'number' ? end : n;
  }
  if (first !== 0x7b && first !== 0x5b) {
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x5d || c === 0x7d || c === SPACE || c === TAB || c === LF || c === CR) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = scanString(text, i);
      if (typeof end !== 'number') return n;
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}
