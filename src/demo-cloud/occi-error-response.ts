/**
 * OCCI error answers. The spec standardises no error body, so this follows what clients already
 * read (spec digest §5): a text/plain message; in text/occi the message also in `X-OCCI-Error`
 * (standard), only there with an empty body (rOCCI-server 2, capture 123c), or nowhere (ooi sends
 * an empty body and no header, captures 58, 136); in JSON the profile's shape (ooi's
 * `{"message", "code"}`, rOCCI's `{"status": "<rails symbol>", "error"}`). pyssf answers every
 * error in text/plain, whatever was asked for (captures 136, 137).
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
  const { behaviour } = options;
  const negotiated =
    options.negotiated === undefined || options.negotiated.mediaType === 'text/uri-list' || behaviour.errorsInTextPlain
      ? TEXT_PLAIN
      : options.negotiated;
  const headers = new Headers();
  headers.set('Server', behaviour.serverHeader);
  headers.set('Content-Type', `${negotiated.contentType}${behaviour.contentTypeParameters}`);
  for (const [name, value] of options.headers ?? []) headers.set(name, value);
  let body = message;
  if (negotiated.mediaType === 'application/occi+json') {
    body = JSON.stringify(behaviour.jsonError(status, message));
  } else if (negotiated.mediaType === 'text/occi') {
    if (behaviour.textOcciErrors !== 'empty') headers.set('X-OCCI-Error', headerSafe(message));
    if (behaviour.textOcciErrors !== 'message-and-header') body = '';
  }
  return new Response(options.head === true ? null : body, { status, headers });
}
