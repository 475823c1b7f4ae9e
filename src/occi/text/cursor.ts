import { OcciParseError } from '../errors.ts';
import { BACKSLASH, COMMA, isBareStop, isControl, isOws, isTchar, QUOTE } from './char-class.ts';

/**
 * Walks one structure value (a `Name: value` line of a text/plain body, or one header value of
 * text/occi) by char code, in the manner of a structured-header parser, and turns any position
 * back into the 1-based line and column of the original input when it has to fail.
 *
 * One cursor is reused for every value of a message: `reset` points it at the next one.
 */
export class Cursor {
  /** The string that holds the value (the whole text/plain body, or one header value). */
  text = '';
  pos = 0;
  /** One past the value's last character. */
  end = 0;
  /** Line of the value in the input (for text/occi: the header's index). */
  line = 1;
  /** The offset in `text` that counts as column 1 (negative for text/occi: the name comes first). */
  lineStart = 0;
  /**
   * For a value folded over several physical lines (obs-fold): triples of (offset in `text` where a
   * physical line's part starts, its line, its lineStart). Undefined for the usual single line.
   */
  folds: readonly number[] | undefined = undefined;
  /** Where the content of the last quoted string began, and whether it held escapes. */
  quotedStart = 0;
  quotedEscaped = false;

  reset(text: string, pos: number, end: number, line: number, lineStart: number, folds?: readonly number[]): void {
    this.text = text;
    this.pos = pos;
    this.end = end;
    this.line = line;
    this.lineStart = lineStart;
    this.folds = folds;
  }

  /** The char code at the cursor, or -1 at the end of the value. */
  peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }

  skipOws(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < this.end && isOws(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  /**
   * Moves to the start of the next comma-separated element, skipping empty ones (rOCCI-server 2
   * sends an empty `X-OCCI-Link:`; joined headers can leave `a, , b`). False when the value is done.
   */
  nextElement(): boolean {
    const text = this.text;
    let pos = this.pos;
    while (pos < this.end) {
      const ch = text.charCodeAt(pos);
      if (ch !== COMMA && !isOws(ch)) break;
      pos++;
    }
    this.pos = pos;
    return pos < this.end;
  }

  /** After an element: the end of the value, or a comma before the next element. */
  endElement(what: string): void {
    this.skipOws();
    if (this.pos >= this.end) return;
    if (this.text.charCodeAt(this.pos) !== COMMA) throw this.error(`',' or the end of the ${what}`);
    this.pos++;
  }

  /** Reads a run of tchar (a header or parameter name); may be empty. */
  readToken(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    while (pos < this.end && isTchar(text.charCodeAt(pos))) pos++;
    this.pos = pos;
    return text.slice(start, pos);
  }

  /** Reads an unquoted value up to whitespace, `,`, `;`, `"` or a control character; may be empty. */
  readBare(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    while (pos < this.end && !isBareStop(text.charCodeAt(pos))) pos++;
    this.pos = pos;
    return text.slice(start, pos);
  }

  /**
   * Reads an RFC 7230 quoted-string at the cursor (which is on the opening quote) and returns its
   * content with `\"` and `\\` (any quoted-pair) unescaped. A control character inside, or no
   * closing quote before the end of the value, is an error.
   */
  readQuoted(): string {
    const text = this.text;
    const end = this.end;
    const open = this.pos;
    let pos = open + 1;
    let chunk = pos;
    let out: string | undefined;
    this.quotedStart = pos;
    while (pos < end) {
      const ch = text.charCodeAt(pos);
      if (ch === QUOTE) {
        this.pos = pos + 1;
        this.quotedEscaped = out !== undefined;
        return out === undefined ? text.slice(chunk, pos) : out + text.slice(chunk, pos);
      }
      if (ch === BACKSLASH) {
        if (pos + 1 >= end) break;
        const next = text.charCodeAt(pos + 1);
        if (isControl(next)) throw this.error('a printable character after \\ in a quoted string', pos + 1);
        out = (out ?? '') + text.slice(chunk, pos);
        chunk = pos + 1;
        pos += 2;
        continue;
      }
      if (isControl(ch)) {
        throw this.error(`'"' to close the quoted string opened at column ${this.columnAt(open)}`, pos);
      }
      pos++;
    }
    throw this.error(`'"' to close the quoted string opened at column ${this.columnAt(open)}`, end);
  }

  /** Position in `text` of index `i` of the last quoted string's unescaped content. */
  quotedPos(i: number): number {
    if (!this.quotedEscaped) return this.quotedStart + i;
    let pos = this.quotedStart;
    for (let k = 0; k < i; k++) {
      if (this.text.charCodeAt(pos) === BACKSLASH) pos++;
      pos++;
    }
    return pos;
  }

  lineAt(pos: number): number {
    const folds = this.folds;
    if (folds === undefined) return this.line;
    let line = this.line;
    for (let k = 0; k < folds.length && (folds[k] ?? 0) <= pos; k += 3) line = folds[k + 1] ?? line;
    return line;
  }

  columnAt(pos: number): number {
    const folds = this.folds;
    let lineStart = this.lineStart;
    if (folds !== undefined) {
      for (let k = 0; k < folds.length && (folds[k] ?? 0) <= pos; k += 3) lineStart = folds[k + 2] ?? lineStart;
    }
    return pos - lineStart + 1;
  }

  /**
   * The error for position `pos` (default: the cursor). `found` defaults to what is there: a word
   * if a word starts there, else one character, else '' at the end of the value.
   */
  error(expected: string, pos: number = this.pos, found?: string): OcciParseError {
    return new OcciParseError(expected, found ?? this.foundAt(pos), this.lineAt(pos), this.columnAt(pos));
  }

  private foundAt(pos: number): string {
    if (pos >= this.end) return '';
    let stop = pos;
    while (stop < this.end && stop - pos < 24 && isTchar(this.text.charCodeAt(stop))) stop++;
    return this.text.slice(pos, stop === pos ? pos + 1 : stop);
  }
}
