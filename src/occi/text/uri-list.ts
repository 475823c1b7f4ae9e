import { OcciParseError, OcciRenderError } from '../errors.ts';
import type { LocationList } from '../model.ts';
import { CR, HASH, isNotUri, isOws, LF } from './char-class.ts';
import { checkUri } from './render-checks.ts';

/**
 * text/uri-list (RFC 2483): one URI per line. Lines starting with `#` are comments and blank lines
 * are skipped; CRLF, LF and CR all end a line, and whitespace around a URI is dropped. A URI with
 * whitespace, quotes, `<`, `>`, `\` or a control character inside is an error.
 */
export function parseUriList(body: string): LocationList {
  const locations: string[] = [];
  const n = body.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const lineStart = pos;
    let eol = pos;
    while (eol < n) {
      const ch = body.charCodeAt(eol);
      if (ch === CR || ch === LF) break;
      eol++;
    }
    let first = pos;
    while (first < eol && isOws(body.charCodeAt(first))) first++;
    let last = eol;
    while (last > first && isOws(body.charCodeAt(last - 1))) last--;
    if (first < last && body.charCodeAt(first) !== HASH) {
      for (let i = first; i < last; i++) {
        if (isNotUri(body.charCodeAt(i))) {
          throw new OcciParseError(
            'a URI character (no spaces, quotes, <, >, \\ or control characters in a URI)',
            body.charAt(i),
            line,
            i - lineStart + 1,
          );
        }
      }
      locations.push(body.slice(first, last));
    }
    pos = eol < n && body.charCodeAt(eol) === CR && body.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
    line++;
  }
  return { locations };
}

/** One URI per line, each line ended by CRLF as RFC 2483 asks; nothing for an empty list. */
export function renderUriList(model: LocationList): string {
  let body = '';
  for (const location of model.locations) {
    checkUri('locations', location, false);
    // A line starting with '#' is a comment: a fragment-only reference would vanish.
    if (location.charCodeAt(0) === HASH)
      throw new OcciRenderError('locations', "starts with '#', which text/uri-list reads as a comment");
    body += `${location}\r\n`;
  }
  return body;
}
