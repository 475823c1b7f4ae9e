/**
 * One error class per failure, each with `name` set and a type guard, so callers can tell them
 * apart across module and realm boundaries (a guard checks `name`, not `instanceof`).
 */

/** A rendering could not be read. Points at the bytes: 1-based line and column of the input. */
export class OcciParseError extends Error {
  override readonly name = 'OcciParseError';
  readonly line: number;
  readonly column: number;
  /** What the parser wanted at that position, in words (`'=' after attribute name`). */
  readonly expected: string;
  /** What it found there instead, shortened for messages (empty at the end of input). */
  readonly found: string;

  constructor(expected: string, found: string, line: number, column: number) {
    super(
      `line ${line}, column ${column}: expected ${expected}${found === '' ? ' but the input ended' : `, found ${JSON.stringify(found)}`}`,
    );
    this.expected = expected;
    this.found = found;
    this.line = line;
    this.column = column;
  }
}

/** A model holds something a rendering cannot say without breaking the message (a line break in a
 * text value, a term outside the grammar, a non-finite number). Nothing is rendered. */
export class OcciRenderError extends Error {
  override readonly name = 'OcciRenderError';
  /** Where in the model: an attribute name, `term`, `location`, ... */
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`cannot render ${field}: ${reason}`);
    this.field = field;
  }
}

/** The content type names no OCCI rendering this library reads or writes. */
export class OcciMediaTypeError extends Error {
  override readonly name = 'OcciMediaTypeError';
  readonly mediaType: string;

  constructor(mediaType: string, reason = 'is not an OCCI rendering') {
    super(`${mediaType === '' ? 'an empty content type' : `'${mediaType}'`} ${reason}`);
    this.mediaType = mediaType;
  }
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

export function isOcciParseError(error: unknown): error is OcciParseError {
  return hasName(error, 'OcciParseError');
}

export function isOcciRenderError(error: unknown): error is OcciRenderError {
  return hasName(error, 'OcciRenderError');
}

export function isOcciMediaTypeError(error: unknown): error is OcciMediaTypeError {
  return hasName(error, 'OcciMediaTypeError');
}
