/**
 * Request bodies, read by their Content-Type with the protocol library. A request with no body
 * is read from its headers as text/occi whatever it is labelled: curl users send categories as
 * `-H 'Category: ...'` with no Content-Type, or with `Content-Type: text/plain` and no body.
 */
import {
  type CategoryClass,
  isOcciMediaTypeError,
  isOcciParseError,
  type OcciMessage,
  parseMessage,
  renderingOf,
  type Structure,
  type StructureModels,
  structureName,
} from '../occi/index.ts';
import { OcciHttpError } from './occi-http-error.ts';

/** Larger bodies get 413: an OCCI rendering of one request is small. */
export const MAX_BODY_CHARS = 1024 * 1024;

export interface RequestBody {
  readonly contentType: string | null;
  /** The request's headers, as the Headers object iterates them (repeated ones comma-joined). */
  readonly headers: readonly (readonly [string, string])[];
  readonly text: string;
}

export async function readRequestBody(request: Request): Promise<RequestBody> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_CHARS * 4) throw tooLarge();
  const text = request.body === null ? '' : await request.text();
  if (text.length > MAX_BODY_CHARS) throw tooLarge();
  return { contentType: request.headers.get('content-type'), headers: [...request.headers], text };
}

function tooLarge(): OcciHttpError {
  return new OcciHttpError(413, `the request body is larger than ${MAX_BODY_CHARS} characters`);
}

export function hasBody(body: RequestBody): boolean {
  return body.text.trim() !== '';
}

/** The message the library reads: the body by its Content-Type, or the headers as text/occi. */
function messageOf(body: RequestBody, categoryClass: CategoryClass | undefined): OcciMessage {
  const place = categoryClass === undefined ? {} : { categoryClass };
  if (!hasBody(body)) return { contentType: 'text/occi', headers: body.headers, body: '', ...place };
  if (body.contentType === null || body.contentType.trim() === '') {
    throw new OcciHttpError(
      415,
      'the request has a body but no Content-Type; send text/plain, text/occi or application/occi+json',
    );
  }
  if (renderingOf(body.contentType) === null) {
    throw new OcciHttpError(
      415,
      `Content-Type '${body.contentType}' is not an OCCI rendering; send text/plain, text/occi or application/occi+json`,
    );
  }
  return { contentType: body.contentType, headers: body.headers, body: body.text, ...place };
}

/**
 * Parses the request as one OCCI structure. 415 for a body no OCCI rendering (or not this one)
 * can carry, 400 with the parser's position and reason for a malformed one. `categoryClass` is the
 * class of a category that names none, where the request's target fixes it.
 */
export function parseRequest<S extends Structure>(
  structure: S,
  body: RequestBody,
  categoryClass?: CategoryClass,
): StructureModels[S] {
  const message = messageOf(body, categoryClass);
  try {
    return parseMessage(structure, message);
  } catch (error) {
    if (isOcciMediaTypeError(error))
      throw new OcciHttpError(415, `${error.message}: ${structureName[structure]} cannot be read from it`);
    if (isOcciParseError(error)) {
      const where = message.body === '' ? 'request headers (text/occi)' : `${message.contentType} body`;
      throw new OcciHttpError(400, `malformed ${structureName[structure]} in the ${where}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Parses only the X-OCCI-Attribute fields of the request (filters carry them beside Category
 * fields of any class, which an entity update could not hold). Selects header fields or body
 * lines by name and leaves the reading to the library.
 */
export function parseRequestAttributes(body: RequestBody): StructureModels['entity-update']['attributes'] {
  if (hasBody(body) && renderingOf(body.contentType) === 'application/occi+json') {
    return parseRequest('entity-update', body).attributes;
  }
  const isAttribute = (name: string) => name.trim().toLowerCase() === 'x-occi-attribute';
  const text = body.text
    .split(/\r\n|\n|\r/)
    .filter((line) => isAttribute(line.split(':', 1)[0] ?? ''))
    .join('\n');
  const headers = body.headers.filter(([name]) => isAttribute(name));
  return parseRequest('entity-update', { contentType: body.contentType, headers, text }).attributes;
}
