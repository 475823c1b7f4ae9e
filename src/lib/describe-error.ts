/**
 * Any failure of the client, in words for a tenant: what happened, the server's own message,
 * and what to try. Screens show this; the raw exchange is in the inspector.
 */
import { isOcciMediaTypeError, isOcciParseError } from '../occi/index.ts';
import { isOcciHttpError, isOcciNetworkError, isOcciTimeoutError } from './occi-errors.ts';

export interface ErrorWords {
  /** One line: `500 Internal Server Error`, `No answer`, `Malformed answer`. */
  readonly title: string;
  /** The server's own message or the position where the answer broke. */
  readonly detail?: string;
  readonly hint?: string;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
}

const INSPECTOR = 'The raw exchange is in the inspector.';

export function describeError(error: unknown): ErrorWords {
  if (isOcciHttpError(error)) {
    return {
      title: `${error.status}${error.statusText === '' ? '' : ` ${error.statusText}`}`,
      ...(error.serverMessage !== undefined && {
        detail: `${error.fromProxy ? "The console's proxy says" : 'The server says'}: ${error.serverMessage}`,
      }),
      hint: error.hint,
      status: error.status,
    };
  }
  if (isOcciTimeoutError(error))
    return {
      title: 'No answer in time',
      detail: error.message,
      hint: 'Retry; if it keeps timing out, the cloud is slow or down.',
    };
  if (isOcciNetworkError(error)) return { title: 'Network failure', detail: error.message };
  if (isOcciParseError(error)) {
    return {
      title: 'Malformed answer',
      detail: `The answer is not valid OCCI: line ${error.line}, column ${error.column}: expected ${error.expected}${error.found === '' ? ' but the input ended' : `, found ${JSON.stringify(error.found)}`}.`,
      hint: `The server sent something this console cannot read. ${INSPECTOR}`,
    };
  }
  if (isOcciMediaTypeError(error)) {
    return { title: 'Not an OCCI answer', detail: `The answer's content type ${error.message}.`, hint: INSPECTOR };
  }
  return { title: 'Unexpected error', detail: error instanceof Error ? error.message : String(error) };
}
