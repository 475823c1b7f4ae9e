/**
 * Properties: no input makes a parser throw anything but OcciParseError, the syntax scan agrees
 * with JSON.parse, and generated models survive render → parse unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOcciParseError } from '../errors.ts';
import type { AttributeValue, EntityUpdate } from '../model.ts';
import { findJsonSyntaxError } from './find-json-syntax-error.ts';
import {
  parseJsonActionInvocation,
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  parseJsonEntityUpdate,
  parseJsonLocationList,
  renderJsonActionInvocation,
  renderJsonCategories,
  renderJsonEntity,
  renderJsonEntityCollection,
  renderJsonEntityUpdate,
} from './json-renderings.ts';
import {
  arbAttributeName,
  arbAttributeValue,
  arbCategoryCollection,
  arbLink,
  arbResource,
  arbTypeId,
  arbUri,
} from './test-support/arbitraries.ts';
import { GOLDENS } from './test-support/json-goldens.ts';

const PARSERS: readonly ((body: string) => unknown)[] = [
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  parseJsonActionInvocation,
  parseJsonEntityUpdate,
  parseJsonLocationList,
];

/** Runs every parser; fails the property if one throws anything but a well-formed OcciParseError. */
function onlyParseErrors(body: string): void {
  const lines = body.split(/\r\n|\r|\n/).length;
  for (const parse of PARSERS) {
    try {
      parse(body);
    } catch (error) {
      if (!isOcciParseError(error)) throw error;
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines);
      expect(error.column).toBeGreaterThanOrEqual(1);
    }
  }
}

const arbGolden = fc.constantFrom(...GOLDENS.map((g) => g.input));

type Edit = { kind: 'delete' | 'insert' | 'replace' | 'truncate'; at: number; char: string };

const arbEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
  at: fc.nat(),
  char: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '0', '-', 'e', 'n', ' ', '\n', '\u0000', '\uFEFF'),
});

function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % text.length;
  switch (edit.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + edit.char + text.slice(at);
    case 'replace':
      return text.slice(0, at) + edit.char + text.slice(at + 1);
    default:
      return text.slice(0, at);
  }
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place in a JSON value where another value could stand. */
function slotsOf(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push({ parent: value, key: i });
      slotsOf(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      slotsOf(item, out);
    }
  }
  return out;
}

const arbOddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1e308, '', true, [], {}, [null], { __proto__: null, x: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

describe('parsers never throw anything but OcciParseError', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), onlyParseErrors), { numRuns: 150 });
    // Any UTF-16 code unit, lone surrogates included. (fast-check's own unit: 'binary' takes over a
    // second to set up on first use.)
    const anyCodeUnit = fc.nat(0xffff).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 40 }), onlyParseErrors), { numRuns: 150 });
  });

  it('for arbitrary JSON texts and values', () => {
    fc.assert(fc.property(fc.json(), onlyParseErrors), { numRuns: 100 });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => onlyParseErrors(JSON.stringify(value) ?? 'null')),
      { numRuns: 100 },
    );
  });

  it('for character-level mutations of the golden inputs', () => {
    fc.assert(
      fc.property(arbGolden, fc.array(arbEdit, { minLength: 1, maxLength: 4 }), (input, edits) =>
        onlyParseErrors(edits.reduce(applyEdit, input)),
      ),
      { numRuns: 100 },
    );
  });

  it('for structural mutations of the golden inputs (any value swapped for an odd one)', () => {
    fc.assert(
      fc.property(arbGolden, fc.nat(), arbOddValue, (input, pick, replacement) => {
        const value: unknown = JSON.parse(input);
        const slots = slotsOf(value);
        const slot = slots[pick % Math.max(1, slots.length)];
        if (slot !== undefined) {
          if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = replacement;
          else Object.defineProperty(slot.parent, slot.key, { value: replacement, enumerable: true });
        }
        onlyParseErrors(JSON.stringify(slot === undefined ? replacement : value) ?? 'null');
      }),
      { numRuns: 200 },
    );
  });

  it('lets the syntax scan agree with JSON.parse on what is JSON', () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const arbText = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.json(),
      fc.tuple(arbGolden, fc.array(arbEdit, { minLength: 1, maxLength: 3 })).map(([g, e]) => e.reduce(applyEdit, g)),
    );
    fc.assert(
      fc.property(arbText, (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(accepts(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('generated models round-trip through render and parse', () => {
  it('Resources with links', () => {
    fc.assert(
      fc.property(arbResource, (resource) => {
        expect(parseJsonEntity(renderJsonEntity(resource))).toStrictEqual(resource);
      }),
      { numRuns: 100 },
    );
  });

  it('Links', () => {
    fc.assert(
      fc.property(arbLink, (link) => {
        expect(parseJsonEntity(renderJsonEntity(link))).toStrictEqual(link);
      }),
      { numRuns: 100 },
    );
  });

  it('category collections', () => {
    fc.assert(
      fc.property(arbCategoryCollection, (collection) => {
        expect(parseJsonCategories(renderJsonCategories(collection))).toStrictEqual(collection);
      }),
      { numRuns: 100 },
    );
  });

  it('entity collections (entities, or locations alone)', () => {
    const arbCollection = fc.oneof(
      fc.record(
        {
          locations: fc.constant([] as string[]),
          resources: fc.array(arbResource, { maxLength: 3 }),
          links: fc.array(arbLink, { maxLength: 3 }),
        },
        { noNullPrototype: true },
      ),
      fc.record(
        {
          locations: fc.array(arbUri, { maxLength: 4 }),
          resources: fc.constant([]),
          links: fc.constant([]),
        },
        { noNullPrototype: true },
      ),
    );
    fc.assert(
      fc.property(arbCollection, (collection) => {
        expect(parseJsonEntityCollection(renderJsonEntityCollection(collection))).toStrictEqual(collection);
      }),
      { numRuns: 100 },
    );
  });

  it('action invocations and entity updates', () => {
    // Parameter names may lack a dot (`method`), but then their value must not be an object.
    const arbParameter = fc.oneof(
      fc.tuple(arbAttributeName, arbAttributeValue),
      fc.tuple(fc.constantFrom('method', 'name', 'size'), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    );
    const arbInvocation = fc.record(
      {
        action: arbTypeId,
        attributes: fc
          .uniqueArray(arbParameter, { maxLength: 4, selector: ([name]) => name })
          .map((entries) => new Map<string, AttributeValue>(entries)),
      },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(arbInvocation, (invocation) => {
        expect(parseJsonActionInvocation(renderJsonActionInvocation(invocation))).toStrictEqual(invocation);
      }),
      { numRuns: 100 },
    );
    const arbUpdate: fc.Arbitrary<EntityUpdate> = fc
      .tuple(fc.option(arbTypeId, { nil: undefined }), arbResource)
      .map(([kind, { mixins, attributes, links }]) =>
        kind === undefined ? { mixins, attributes, links } : { kind, mixins, attributes, links },
      );
    fc.assert(
      fc.property(arbUpdate, (update) => {
        expect(parseJsonEntityUpdate(renderJsonEntityUpdate(update))).toStrictEqual(update);
      }),
      { numRuns: 100 },
    );
  });
});
