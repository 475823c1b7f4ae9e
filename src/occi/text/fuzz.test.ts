/**
 * Whatever arrives, the parsers fail only with OcciParseError (never a TypeError, RangeError or a
 * hang), and whatever they accept the renderers either render or refuse with OcciRenderError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOcciParseError, isOcciRenderError } from '../errors.ts';
import { fixtureNames, readFixture } from '../test-support/fixtures.ts';
import {
  parseTextActionInvocation,
  parseTextCategories,
  parseTextEntity,
  parseTextEntityCollection,
  parseTextEntityUpdate,
  parseTextLocationList,
  renderTextActionInvocation,
  renderTextCategories,
  renderTextEntity,
  renderTextEntityUpdate,
  renderTextLocationList,
  type TextInput,
  type TextMediaType,
} from './text-renderings.ts';
import { parseUriList, renderUriList } from './uri-list.ts';

const TYPES: readonly TextMediaType[] = ['text/plain', 'text/occi'];

/** Parse, then render what was parsed: each step may only fail with its own error type. */
const PIPELINES: ReadonlyArray<(input: TextInput, type: TextMediaType) => void> = [
  (input, type) => renderTextCategories(parseTextCategories(input, type), type),
  (input, type) => renderTextEntity(parseTextEntity(input, type), type),
  (input, type) => renderTextEntityUpdate(parseTextEntityUpdate(input, type), type),
  (input, type) => renderTextActionInvocation(parseTextActionInvocation(input, type), type),
  (input, type) => renderTextLocationList(parseTextLocationList(input, type), type),
  (input, type) => renderTextLocationList(parseTextEntityCollection(input, type), type),
  (input) => renderUriList(parseUriList(input.body)),
];

function failsCleanly(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (isOcciParseError(error)) return error.line >= 1 && error.column >= 1 && error.expected !== '';
    return isOcciRenderError(error);
  }
}

/** Every pipeline, in both renderings, on this input. */
function everyParserCopes(input: TextInput): boolean {
  return TYPES.every((type) => PIPELINES.every((pipeline) => failsCleanly(() => pipeline(input, type))));
}

/** A body split into header pairs, the way a text/occi message would carry the same lines. */
function asHeaders(text: string): Array<[string, string]> {
  return text.split(/\r\n|\r|\n/).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
}

/** Characters the grammar gives a meaning, and some it must never see. */
const SYNTAX = fc.constantFrom(
  '"',
  '\\',
  ';',
  ',',
  '=',
  '<',
  '>',
  '{',
  '}',
  ':',
  '#',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '?action=',
  'Category: ',
  'Link: ',
  'X-OCCI-Attribute: ',
  'X-OCCI-Location: ',
  ' immutable',
  'class=',
  'kind',
  'e9',
  '-',
  '.',
  'é',
);
const CHAR = fc.oneof(
  SYNTAX,
  fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
);

const FIXTURES = fixtureNames().map(readFixture);

interface Edit {
  readonly at: number;
  readonly kind: 'insert' | 'delete' | 'duplicate';
  readonly text: string;
  readonly length: number;
}

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
  }
  return out;
}

const EDIT: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'duplicate'),
  text: fc.string({ unit: CHAR, minLength: 1, maxLength: 4 }),
  length: fc.nat({ max: 60 }),
});

describe('parsers only ever throw OcciParseError', () => {
  it('on arbitrary strings, as a body and as header values', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: CHAR, maxLength: 200 }),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'Category',
              'link',
              'X-OCCI-Attribute',
              'X-OCCI-Location',
              'Location',
              'X-OCCI-Category',
              'Server',
            ),
            fc.string({ unit: CHAR, maxLength: 80 }),
          ),
          { maxLength: 4 },
        ),
        (body, headers) => everyParserCopes({ headers, body }) && everyParserCopes({ headers: asHeaders(body), body }),
      ),
      { numRuns: 300 },
    );
  });

  it('on mutations of the fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(EDIT, { minLength: 1, maxLength: 6 }), (fixture, edits) => {
        const text = mutate(fixture, edits);
        return everyParserCopes({ headers: asHeaders(text), body: text });
      }),
      { numRuns: 300 },
    );
  });

  it('copes with every fixture unmutated, through every parser, as a body and as headers', () => {
    for (const fixture of FIXTURES) expect(everyParserCopes({ headers: asHeaders(fixture), body: fixture })).toBe(true);
  });
});
