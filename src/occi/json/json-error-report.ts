import { isJsonObject } from './json-values.ts';

/**
 * The message of a JSON error body, in the shapes real servers send: ooi `{"code":400,"message":"..."}`,
 * rOCCI-server 2 `{"status":"bad_request","error":"..."}`. `undefined` for anything else. The
 * parsers use it to say why a body is not an OCCI rendering; the HTTP layer can use it to show
 * the server's own words next to the status code.
 */
export function errorReportMessage(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  // An OCCI rendering never has these at the top level, so their presence rules the report out.
  if (value.kind !== undefined || value.kinds !== undefined || value.resources !== undefined) return undefined;
  const text =
    typeof value.message === 'string' ? value.message : typeof value.error === 'string' ? value.error : undefined;
  if (text === undefined) return undefined;
  const code = value.code ?? value.status;
  return typeof code === 'number' || typeof code === 'string' ? `${code}: ${text}` : text;
}

/** `errorReportMessage` for a raw body: `undefined` when it is not JSON or not an error report. */
export function jsonErrorReportMessage(body: string): string | undefined {
  try {
    return errorReportMessage(JSON.parse(body));
  } catch {
    return undefined;
  }
}
