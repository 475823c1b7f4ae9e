import { OcciParseError } from '../errors.ts';
import { COLON, CR, isOws, isTchar, LF } from './char-class.ts';
import { Cursor } from './cursor.ts';
import { Field, fieldOf } from './field-name.ts';

/** Where the input ends, for errors about something missing from the whole message. */
export interface EndPosition {
  readonly line: number;
  readonly column: number;
}

export type FieldVisitor = (field: Field, cursor: Cursor) => void;

/**
 * Calls `visit` once per OCCI structure line (text/plain) or header (text/occi), with a cursor on
 * its value; other headers are skipped. text/plain reads the body only and text/occi the headers
 * only (servers put `OK` or nothing in a text/occi body).
 */
export function scanTextFields(
  input: { readonly headers: Iterable<readonly [string, string]>; readonly body: string },
  occi: boolean,
  visit: FieldVisitor,
): EndPosition {
  return occi ? scanHeaders(input.headers, visit) : scanBody(input.body, visit);
}

/**
 * text/occi: line = the header's 1-based index in iteration order, and columns count as if the
 * header were written `Name: value`, so the value's first character is column name length + 3.
 */
function scanHeaders(headers: Iterable<readonly [string, string]>, visit: FieldVisitor): EndPosition {
  const cursor = new Cursor();
  let index = 0;
  for (const header of headers) {
    index++;
    const name = header[0];
    const field = fieldOf(name, 0, name.length);
    if (field === -1) continue;
    const value = header[1];
    cursor.reset(value, 0, value.length, index, -(name.length + 2));
    visit(field, cursor);
  }
  return { line: index + 1, column: 1 };
}

/**
 * Finds line ends with the native `indexOf` (much faster than a loop over char codes), remembering
 * the next CR and the next LF so a body is searched once for each, not once per line.
 */
class LineEnds {
  private nextCr = -2;
  private nextLf = -2;

  constructor(private readonly body: string) {}

  /** Index of the first CR or LF at or after `pos`, or the body's length. */
  from(pos: number): number {
    const body = this.body;
    if (this.nextCr !== -1 && this.nextCr < pos) this.nextCr = body.indexOf('\r', pos);
    if (this.nextLf !== -1 && this.nextLf < pos) this.nextLf = body.indexOf('\n', pos);
    const cr = this.nextCr === -1 ? body.length : this.nextCr;
    const lf = this.nextLf === -1 ? body.length : this.nextLf;
    return Math.min(cr, lf);
  }
}

/** The start of the line after the one ending at `eol` (CRLF, LF and CR all end a line). */
function nextLine(body: string, eol: number): number {
  if (eol >= body.length) return eol;
  return body.charCodeAt(eol) === CR && body.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
}

function isBlank(body: string, from: number, to: number): boolean {
  while (from < to && isOws(body.charCodeAt(from))) from++;
  return from === to;
}

/**
 * text/plain: `Name: value` lines separated by CRLF, LF or CR. Blank lines may sit anywhere (pyssf
 * starts its bodies with one; ooi ends without a final newline). A line starting with space or tab
 * continues the previous one (RFC 2616 obs-fold, which GFD.185 inherited). `Location` is an HTTP
 * header, never a body line, so only the four OCCI names count here.
 */
function scanBody(body: string, visit: FieldVisitor): EndPosition {
  const cursor = new Cursor();
  const lines = new LineEnds(body);
  const n = body.length;
  // A UTF-8 byte order mark decoded into the string: not part of the first line.
  let pos = n > 0 && body.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The physical line `pos` is on, and where it starts.
  let line = 1;
  let lineStart = pos;
  while (pos < n) {
    const eol = lines.from(pos);
    let first = pos;
    while (first < eol && isOws(body.charCodeAt(first))) first++;
    if (first === eol) {
      if (eol >= n) break;
      pos = nextLine(body, eol);
      line++;
      lineStart = pos;
      continue;
    }
    let p = first;
    while (p < eol && isTchar(body.charCodeAt(p))) p++;
    const nameEnd = p;
    while (p < eol && isOws(body.charCodeAt(p))) p++;
    if (nameEnd === first || p >= eol || body.charCodeAt(p) !== COLON) {
      const expected =
        nameEnd === first
          ? "a header name ('Category', 'Link', 'X-OCCI-Attribute' or 'X-OCCI-Location') and ':'"
          : "':' after the header name";
      throw new OcciParseError(expected, p >= eol ? '' : body.charAt(p), line, p - lineStart + 1);
    }
    const valueStart = p + 1;
    const valueLine = line;
    const valueLineStart = lineStart;
    let field = fieldOf(body, first, nameEnd);
    if (field === Field.httpLocation) field = -1;

    // Continuation lines (obs-fold) belong to this value; the fold keeps its leading whitespace.
    let valueEnd = eol;
    let folds: number[] | undefined;
    let folded = '';
    while (valueEnd < n) {
      const cont = nextLine(body, valueEnd);
      if (cont >= n || !isOws(body.charCodeAt(cont))) break;
      const contEnd = lines.from(cont);
      if (isBlank(body, cont, contEnd)) break;
      line++;
      lineStart = cont;
      if (field !== -1) {
        if (folds === undefined) {
          folded = body.slice(valueStart, eol);
          folds = [0, valueLine, valueLineStart - valueStart];
        }
        folds.push(folded.length, line, folded.length);
        folded += body.slice(cont, contEnd);
      }
      valueEnd = contEnd;
    }
    if (field !== -1) {
      if (folds === undefined) cursor.reset(body, valueStart, eol, valueLine, valueLineStart);
      else cursor.reset(folded, 0, folded.length, valueLine, valueLineStart - valueStart, folds);
      visit(field, cursor);
    }
    if (valueEnd >= n) break;
    pos = nextLine(body, valueEnd);
    line++;
    lineStart = pos;
  }
  return { line, column: n - lineStart + 1 };
}
