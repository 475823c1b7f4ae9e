import { isOcciParseError, OcciParseError } from '../errors.ts';
import { engineErrorPosition } from './engine-error-position.ts';
import { findJsonSyntaxError } from './find-json-syntax-error.ts';
import { errorReportMessage } from './json-error-report.ts';
import { formatPath } from './json-path.ts';
import { JsonShapeFailure } from './json-shape-failure.ts';
import { excerptAt, lineColumnAt, skipValue } from './json-text-scan.ts';
import { locateJsonValue } from './locate-json-value.ts';

/**
 * Parses `body` with one `JSON.parse` and hands the value to `read`, a walker that throws
 * `JsonShapeFailure` where the shape is wrong. Every failure leaves as an `OcciParseError` with a
 * line and column in `body`: syntax errors from our own scan, shape errors by locating the
 * offending value's path in the text. Both scans run only on the error path.
 */
export function parseJsonWith<T>(body: string, read: (value: unknown) => T): T {
  if (typeof body !== 'string') throw new OcciParseError('a JSON text', String(body), 1, 1);
  // A leading BOM is not JSON whitespace, but some Windows-hosted servers send one.
  const skipped = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = skipped === 0 ? body : body.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw syntaxError(body, text, skipped, error);
  }
  try {
    return read(value);
  } catch (error) {
    if (error instanceof JsonShapeFailure) throw shapeError(body, text, skipped, value, error);
    if (isOcciParseError(error)) throw error;
    // Only a RangeError (stack exhausted) can get here; the walkers cap their own recursion.
    throw new OcciParseError('JSON the parser can walk', errorText(error), 1, 1);
  }
}

function syntaxError(body: string, text: string, skipped: number, error: unknown): OcciParseError {
  const problem = findJsonSyntaxError(text);
  if (problem !== undefined) return errorAt(body, problem.offset + skipped, problem.wanted);
  // The engine refused text our scan accepts (an engine limit): take its own position if it gave one.
  const message = errorText(error);
  const position = engineErrorPosition(message);
  if (position !== undefined && 'line' in position) {
    return new OcciParseError('valid JSON', message, position.line, position.column);
  }
  const { line, column } = lineColumnAt(body, position === undefined ? body.length : position.offset + skipped);
  return new OcciParseError('valid JSON', message, line, column);
}

function shapeError(
  body: string,
  text: string,
  skipped: number,
  value: unknown,
  failure: JsonShapeFailure,
): OcciParseError {
  let expected = `${failure.wanted} at ${formatPath(failure.segments)}`;
  const report = errorReportMessage(value);
  if (report !== undefined) expected += ` (the body is a server error report: ${report})`;
  const offset = locateJsonValue(text, failure.segments);
  const { line, column } = lineColumnAt(body, offset + skipped);
  return new OcciParseError(expected, excerptAt(text, offset, skipValue(text, offset)), line, column);
}

function errorAt(body: string, offset: number, expected: string): OcciParseError {
  const { line, column } = lineColumnAt(body, offset);
  return new OcciParseError(expected, excerptAt(body, offset), line, column);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
