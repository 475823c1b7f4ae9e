import { OcciRenderError } from '../errors.ts';
import { BACKSLASH, COMMA, DEL, isForeignLineBreak, isNotUri, isTermChar, QUOTE, SP, TAB } from './char-class.ts';

/**
 * The checks that keep a rendering inside the grammar: nothing from the model can end a line or a
 * header, open a new parameter, or close a quoted string early. What does not fit is refused with
 * an OcciRenderError naming the field; nothing is silently dropped or rewritten.
 */

function codePoint(ch: number): string {
  return `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** text/occi travels in HTTP headers, which carry ASCII only (fetch refuses anything above U+00FF). */
const ASCII_ONLY = 'is not ASCII, and text/occi headers carry ASCII only (use text/plain)';

/** An OCCI 1.2 term or attribute name: `(ALPHA / DIGIT) *(ALPHA / DIGIT / "-" / "_" / ".")`. */
export function isTerm(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  if (first === 0x2d || first === 0x2e || first === 0x5f) return false;
  for (let i = 0; i < value.length; i++) if (!isTermChar(value.charCodeAt(i))) return false;
  return true;
}

export function checkTerm(field: string, value: string): string {
  if (!isTerm(value)) {
    throw new OcciRenderError(field, 'is not a term (letters, digits, -, _ and ., starting with a letter or digit)');
  }
  return value;
}

export function checkAttributeName(name: string): string {
  if (!isTerm(name)) {
    throw new OcciRenderError(
      'attribute name',
      `${JSON.stringify(name)} is not an attribute name (letters, digits, -, _ and ., starting with a letter or digit)`,
    );
  }
  return name;
}

/**
 * A URI or URI-reference (scheme, location, link target, type identifier): no whitespace, quotes,
 * `<`, `>`, `\` or control characters. `listed` marks a bare list entry (X-OCCI-Location), where a
 * comma would split the URI in two on the way back.
 */
export function checkUri(field: string, value: string, ascii: boolean, listed = false): string {
  if (value.length === 0) throw new OcciRenderError(field, 'is empty, and a URI cannot be');
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (isNotUri(ch) || isForeignLineBreak(ch)) {
      throw new OcciRenderError(field, `contains ${codePoint(ch)}, which a URI cannot hold in a text rendering`);
    }
    if (ascii && ch > 0x7e) throw new OcciRenderError(field, ASCII_ONLY);
    if (listed && ch === COMMA) {
      throw new OcciRenderError(field, 'contains a comma, which would split the location list (percent-encode it)');
    }
  }
  return value;
}

/**
 * `value` as an RFC 7230 quoted-string, `"` and `\` escaped. Line breaks and other control
 * characters (anything below U+0020 but TAB, and U+007F), and the Unicode line breaks some
 * splitters honour, are refused: no title or attribute value can start a line or a header.
 */
export function quoted(field: string, value: string, ascii: boolean): string {
  let needsEscape = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch < SP) {
      if (ch !== TAB) throw new OcciRenderError(field, `contains the control character ${codePoint(ch)}`);
    } else if (ch === QUOTE || ch === BACKSLASH) {
      needsEscape = true;
    } else if (ch >= DEL) {
      if (ch === DEL || isForeignLineBreak(ch)) {
        throw new OcciRenderError(field, `contains the control character ${codePoint(ch)}`);
      }
      if (ascii) throw new OcciRenderError(field, ASCII_ONLY);
    }
  }
  return needsEscape ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
}
