/**
 * OCCI error answers. The spec standardises no error body, so this follows what clients already
 * read (spec digest §5): a text/plain message; in text/occi the message also in `X-OCCI-Error`
 * (ooi and rOCCI-server 2 send it); in JSON ooi's `{"code": N, "message": "..."}`, or rOCCI's
 * `{"status": ..., "error": ...}` under the rocci profile.
 */
import { type Negotiated, TEXT_PLAIN } from './negotiate-response.ts';
import type { QuirkBehaviour } from './quirks/quirk-behaviour.ts';

/** A header value: printable ASCII only, one line, not too long. */
function headerSafe(message: string): string {
  const safe = message.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  return safe.length > 1000 ? `${safe.slice(0, 997)}...` : safe;
}

export function occiErrorResponse(
  status: number,
  message: string,
  options: {
    readonly negotiated: Negotiated | undefined;
    readonly behaviour: QuirkBehaviour;
    readonly headers?: readonly (readonly [string, string])[];
    readonly head?: boolean;
  },
): Response {
  // text/uri-list has no way to say an error; a message reads best as text/plain.
  const negotiated =
    options.negotiated === undefined || options.negotiated.mediaType === 'text/uri-list'
      ? TEXT_PLAIN
      : options.negotiated;
  const headers = new Headers();
  headers.set('Server', options.behaviour.serverHeader);
  headers.set('Content-Type', negotiated.contentType);
  for (const [name, value] of options.headers ?? []) headers.set(name, value);
  let body: string;
  if (negotiated.mediaType === 'application/occi+json') {
    body = JSON.stringify(options.behaviour.jsonError(status, message));
  } else {
    if (negotiated.mediaType === 'text/occi') headers.set('X-OCCI-Error', headerSafe(message));
    body = message;
  }
  return new Response(options.head === true ? null : body, { status, headers });
}
