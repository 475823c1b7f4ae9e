/**
 * Character classes of the text renderings, as one lookup table over ASCII so the parsers test a
 * char code with one array read instead of a regular expression per character.
 */

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SP = 0x20;
export const QUOTE = 0x22;
export const HASH = 0x23;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const LT = 0x3c;
export const EQUALS = 0x3d;
export const GT = 0x3e;
export const BACKSLASH = 0x5c;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const DEL = 0x7f;

/** RFC 7230 tchar: header names, parameter names. */
const TCHAR = 1;
/** OCCI 1.2 term and attribute-name characters: ALPHA / DIGIT / "-" / "_" / ".". */
const TERM = 2;
/** Ends a bare (unquoted) parameter or attribute value: whitespace, `,`, `;`, `"` and controls. */
const BARE_STOP = 4;
/** Cannot appear in a URI as this library renders or reads one: controls, space, `<`, `>`, `"`, `\`. */
const NOT_URI = 8;

const TABLE = new Uint8Array(128);
for (let ch = 0; ch < 128; ch++) {
  const alnum = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
  let flags = 0;
  if (alnum || "!#$%&'*+-.^_`|~".includes(String.fromCharCode(ch))) flags |= TCHAR;
  if (alnum || ch === MINUS || ch === DOT || ch === 0x5f) flags |= TERM;
  if (ch < SP || ch === DEL || ch === SP || ch === COMMA || ch === SEMICOLON || ch === QUOTE) flags |= BARE_STOP;
  if (ch <= SP || ch === DEL || ch === LT || ch === GT || ch === QUOTE || ch === BACKSLASH) flags |= NOT_URI;
  TABLE[ch] = flags;
}

export function isTchar(ch: number): boolean {
  return ch < 128 && ((TABLE[ch] ?? 0) & TCHAR) !== 0;
}

export function isTermChar(ch: number): boolean {
  return ch < 128 && ((TABLE[ch] ?? 0) & TERM) !== 0;
}

export function isBareStop(ch: number): boolean {
  return ch < 128 && ((TABLE[ch] ?? 0) & BARE_STOP) !== 0;
}

export function isNotUri(ch: number): boolean {
  return ch < 128 && ((TABLE[ch] ?? 0) & NOT_URI) !== 0;
}

/** Optional whitespace (RFC 7230 OWS): space and horizontal tab. */
export function isOws(ch: number): boolean {
  return ch === SP || ch === TAB;
}

/** C0 controls except TAB, and DEL: never part of a header value or a text/plain line. */
export function isControl(ch: number): boolean {
  return (ch < SP && ch !== TAB) || ch === DEL;
}

/**
 * Characters that some line splitters treat as a line break although HTTP does not: C1 controls
 * (U+0085 NEL among them) and U+2028/U+2029. Python's `str.splitlines()`, which a server may run
 * over a text/plain body, splits on these, so a rendered value must never contain one.
 */
export function isForeignLineBreak(ch: number): boolean {
  return (ch >= 0x80 && ch <= 0x9f) || ch === 0x2028 || ch === 0x2029;
}
