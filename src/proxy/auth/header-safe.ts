/**
 * What may travel in an HTTP header the proxy writes. A credential that fails these checks is
 * treated as no credential at all, so a pasted token can never add a header line or split a request.
 */

/** Visible ASCII only (RFC 9110 token68-like): what Keystone tokens, project ids and pasted bearer tokens are made of. */
const HEADER_TOKEN = /^[\x21-\x7e]+$/;

/** Any C0 control character (CR, LF, NUL, ...) or DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\x00-\x1f\x7f]/;

/** True when `value` can be sent as a header value verbatim: non-empty visible ASCII, no space. */
export function isHeaderToken(value: string): boolean {
  return HEADER_TOKEN.test(value);
}

/** True when `value` holds a control character (CR, LF, NUL, tab, DEL, ...). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}
