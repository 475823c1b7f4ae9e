import type { ServerResponse } from 'node:http';
import { FORWARDED_RESPONSE_SECURITY_HEADERS } from './forwarded-headers.ts';

/** What the access log line needs to know about one exchange; filled in by whoever answers it. */
export interface RequestRecord {
  /** The endpoint id for `/occi/<id>/` requests, `-` otherwise. */
  endpointId: string;
  /** Body bytes sent to the client. */
  bytes: number;
}

/**
 * Set on the proxy's own answers, so the console says "the console's proxy says" rather than
 * putting the proxy's words in the cloud's mouth (src/lib/occi-client.ts reads it). Forwarded
 * answers never carry it: forwarded-headers.ts drops it from what a cloud sends.
 */
export const PROXY_ANSWER_HEADER = 'X-Console-Proxy-Answer';

/**
 * The proxy's own answers (errors, refusals, `/api/` JSON): short, in words, never cached, with the
 * same locked-down security headers as forwarded answers.
 */
export function sendPlain(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  record: RequestRecord,
  extraHeaders: readonly string[] = [],
): void {
  if (res.headersSent) {
    // Too late for a status: the client sees the connection end early instead of a complete answer.
    res.destroy();
    return;
  }
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, [
    'Content-Type',
    contentType,
    'Content-Length',
    String(bytes.length),
    'Cache-Control',
    'no-store',
    PROXY_ANSWER_HEADER,
    '1',
    ...FORWARDED_RESPONSE_SECURITY_HEADERS,
    ...extraHeaders,
  ]);
  res.end(bytes);
  record.bytes += bytes.length;
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  record: RequestRecord,
  extraHeaders: readonly string[] = [],
): void {
  sendPlain(res, status, 'text/plain; charset=utf-8', `${text}\n`, record, extraHeaders);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  record: RequestRecord,
  extraHeaders: readonly string[] = [],
): void {
  sendPlain(res, status, 'application/json; charset=utf-8', JSON.stringify(value), record, extraHeaders);
}

/** 204 No Content from the proxy itself (a CORS preflight it answers with no grant). */
export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, ['Cache-Control', 'no-store', PROXY_ANSWER_HEADER, '1', ...FORWARDED_RESPONSE_SECURITY_HEADERS]);
  res.end();
}
