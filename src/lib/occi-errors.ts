/**
 * The failures of a request to a cloud, one class each (architecture habit 7): `name` set, a type
 * guard that checks the name (not `instanceof`), and a reason in words a tenant can act on. The
 * protocol library's OcciParseError (a malformed answer, with line and column) and
 * OcciMediaTypeError (an answer in no OCCI rendering) pass through the client unchanged.
 */
import { isOcciMediaTypeError, isOcciParseError } from '../occi/index.ts';

/** The request never got an answer: the browser is offline, or the console's own server is down. */
export class OcciNetworkError extends Error {
  override readonly name = 'OcciNetworkError';
  readonly endpointId: string;

  constructor(endpointId: string, cause: unknown) {
    super(
      `The console could not reach its server for endpoint "${endpointId}" (${cause instanceof Error ? cause.message : String(cause)}). Check the network connection and try again.`,
    );
    this.endpointId = endpointId;
  }
}

/** No answer within the client's time limit. */
export class OcciTimeoutError extends Error {
  override readonly name = 'OcciTimeoutError';
  readonly endpointId: string;
  readonly timeoutMs: number;

  constructor(endpointId: string, timeoutMs: number) {
    super(`Endpoint "${endpointId}" did not answer within ${Math.round(timeoutMs / 1000)} s. Try again later.`);
    this.endpointId = endpointId;
    this.timeoutMs = timeoutMs;
  }
}

/** The server (or the proxy in front of it) answered with an error status. */
export class OcciHttpError extends Error {
  override readonly name = 'OcciHttpError';
  readonly endpointId: string;
  readonly status: number;
  readonly statusText: string;
  /** The server's own words (X-OCCI-Error, a JSON report, or its text), or undefined. */
  readonly serverMessage: string | undefined;
  /** What to try, in words. */
  readonly hint: string;
  /** The console's own proxy gave this answer (it could not reach the endpoint, or refused), not the cloud. */
  readonly fromProxy: boolean;

  constructor(
    endpointId: string,
    status: number,
    statusText: string,
    serverMessage: string | undefined,
    hint: string = httpHint(status, endpointId, serverMessage),
    fromProxy = false,
  ) {
    const head = `${status}${statusText === '' ? '' : ` ${statusText}`}`;
    super(serverMessage === undefined ? head : `${head}: ${serverMessage}`);
    this.endpointId = endpointId;
    this.status = status;
    this.statusText = statusText;
    this.serverMessage = serverMessage;
    this.hint = hint;
    this.fromProxy = fromProxy;
  }
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

export function isOcciNetworkError(error: unknown): error is OcciNetworkError {
  return hasName(error, 'OcciNetworkError');
}

export function isOcciTimeoutError(error: unknown): error is OcciTimeoutError {
  return hasName(error, 'OcciTimeoutError');
}

export function isOcciHttpError(error: unknown): error is OcciHttpError {
  return hasName(error, 'OcciHttpError');
}

/** Every failure the client reports; anything else is a bug. */
export function isOcciClientFailure(error: unknown): boolean {
  return (
    isOcciNetworkError(error) ||
    isOcciTimeoutError(error) ||
    isOcciHttpError(error) ||
    isOcciParseError(error) ||
    isOcciMediaTypeError(error)
  );
}

/**
 * What a 409 means, from the server's own words where they say it: a conflict has several causes
 * (rOCCI-server answers a missing occi.core.id, a value outside its pattern and a state conflict
 * alike with 409), so a state conflict is named only when the server speaks of one.
 */
function conflictHint(serverMessage: string | undefined): string {
  const words = serverMessage ?? '';
  const stateWords =
    /\b(state|busy|booting|transition|in progress|not (currently )?(applicable|available)|does not apply)\b/i;
  const alreadyThere = /\balready (running|started|stopped|active|inactive|suspended|online|offline|up|down)\b/i;
  if (stateWords.test(words) || alreadyThere.test(words))
    return 'The resource is not in a state that allows this (state conflict); wait for it to settle and try again.';
  if (/\b(exists?|already|duplicate|taken|in use)\b/i.test(words))
    return 'Something by this id or name exists already: open it, or choose another.';
  if (/\b(required|not provided|missing|invalid|pattern|match|compliant|restrictions?|value)\b/i.test(words))
    return 'The server refused what was sent (its words above say which part); correct it and send again.';
  return 'The server refused this as a conflict; its words above say why.';
}

/** What a tenant can do about a status, in words; a 409 by what the server says of it. */
export function httpHint(status: number, endpointId: string, serverMessage?: string): string {
  switch (status) {
    case 400:
      return 'The server did not accept the request as sent; check the values entered.';
    case 401:
      return `Log in to endpoint "${endpointId}" on the Endpoints page (or log in again: the login may have expired).`;
    case 403:
      return 'The server knows who you are but does not allow this; ask the cloud operator for the right.';
    case 404:
      return 'The server has nothing at this address: it may have been deleted, or this server does not offer it.';
    case 405:
      return 'This server does not allow this operation here.';
    case 406:
      return 'The server cannot answer in the rendering asked for; choose another rendering for this endpoint.';
    case 409:
      return conflictHint(serverMessage);
    case 413:
      return 'The request is too large for the server or the proxy; send less.';
    case 415:
      return 'The server does not read the rendering the request was sent in; choose another rendering for this endpoint.';
    case 500:
      return 'The server failed while handling the request; try again, and tell the cloud operator if it persists.';
    case 501:
      return 'This server does not support this operation (not implemented).';
    case 502:
      return `The console's proxy could not get a usable answer from endpoint "${endpointId}": the cloud may be down or misconfigured.`;
    case 503:
      return 'The server is busy or in maintenance; try again in a moment.';
    case 504:
      return `The console's proxy gave up waiting for endpoint "${endpointId}": the cloud is slow or unreachable.`;
    default:
      return status >= 500 ? 'The server failed; try again later.' : 'The server refused the request.';
  }
}
