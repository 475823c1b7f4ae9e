import { describe, expect, it } from 'vitest';
import { coerceAttributeValue, memoryInGiB, typedAttributes, validateAttributeValue } from './attribute-typing.ts';
import type { AttributeDefinition, AttributeType, AttributeValue, Entity } from './model.ts';
import { createQueryInterface } from './query-interface.ts';
import { type ResolvedAttribute, resolveAttribute } from './resolve-attribute.ts';
import { EXAMPLE, kind, OGF_JSON, OPENSTACK_TEXT, ROCCI5 } from './test-support/category-collections.ts';
import { COMPUTE, INFRASTRUCTURE, RESOURCE } from './well-known.ts';

describe('coerceAttributeValue', () => {
  it.each<[AttributeValue, AttributeType | undefined, AttributeValue]>([
    // pyssf quotes every number, rOCCI some.
    ['2', 'number', 2],
    ['1.0', 'number', 1],
    [' 3 ', 'number', 3],
    ['-1.5', 'number', -1.5],
    ['.5', 'number', 0.5],
    ['1e3', 'number', 1000],
    ['abc', 'number', 'abc'],
    ['', 'number', ''],
    ['0x10', 'number', '0x10'],
    ['Infinity', 'number', 'Infinity'],
    ['NaN', 'number', 'NaN'],
    ['1e999', 'number', '1e999'],
    ['1,5', 'number', '1,5'],
    ['2 GB', 'number', '2 GB'],
    // ooi quotes booleans.
    ['true', 'boolean', true],
    ['FALSE', 'boolean', false],
    ['yes', 'boolean', 'yes'],
    ['1', 'boolean', '1'],
    // rOCCI renders complex values in text as a quoted JSON string.
    ['[1,"a"]', 'array', [1, 'a']],
    ['[1,', 'array', '[1,'],
    ['{"a":1}', 'array', '{"a":1}'],
    ['{"from":"0.0.0.0/0","port":22}', 'object', { from: '0.0.0.0/0', port: 22 }],
    ['[1]', 'object', '[1]'],
    ['null', 'object', 'null'],
    // Strings stay strings, and only strings are coerced.
    ['2', 'string', '2'],
    ['2', undefined, '2'],
    [2, 'string', 2],
    [true, 'number', true],
    [null, 'number', null],
  ])('%j as %s is %j', (value, type, expected) => {
    expect(coerceAttributeValue(value, type === undefined ? undefined : { type })).toEqual(expected);
  });

  it('leaves the value alone without a definition', () => {
    expect(coerceAttributeValue('2', undefined)).toBe('2');
  });

  it('keeps a __proto__ key as data, not as a prototype', () => {
    const value = coerceAttributeValue('{"__proto__":{"polluted":true}}', { type: 'object' });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

function resource(kindId: string, attributes: [string, AttributeValue][], mixins: string[] = []): Entity {
  return { entityType: 'resource', kind: kindId, mixins, attributes: new Map(attributes), actions: [], links: [] };
}

describe('typedAttributes', () => {
  it("types pyssf's quoted values from the spec when the server gives no types", () => {
    const entity = resource(COMPUTE, [
      ['occi.core.id', '/compute/42'],
      ['occi.core.title', '42'],
      ['occi.compute.cores', '2'],
      ['occi.compute.memory', '1.0'],
      ['occi.compute.architecture', 'x64'],
      ['org.openstack.compute.console.vnc', '5900'],
    ]);
    const typed = typedAttributes(entity, createQueryInterface(OPENSTACK_TEXT));
    expect([...typed]).toEqual([
      ['occi.core.id', '/compute/42'],
      ['occi.core.title', '42'],
      ['occi.compute.cores', 2],
      ['occi.compute.memory', 1],
      ['occi.compute.architecture', 'x64'],
      ['org.openstack.compute.console.vnc', '5900'],
    ]);
    // The entity itself is not changed.
    expect(entity.attributes.get('occi.compute.cores')).toBe('2');
  });

  it('types a spec attribute no category defines (ooi lists no attributes in text)', () => {
    const bare = createQueryInterface({
      kinds: [kind(INFRASTRUCTURE, 'compute', { parent: RESOURCE })],
      mixins: [],
      actions: [],
    });
    const typed = typedAttributes(
      resource(COMPUTE, [
        ['occi.compute.cores', '4'],
        ['occi.compute.speed', '2.4'],
      ]),
      bare,
    );
    expect(typed.get('occi.compute.cores')).toBe(4);
    expect(typed.get('occi.compute.speed')).toBe(2.4);
  });

  it("follows the server's types: booleans and mixin attributes", () => {
    const qi = createQueryInterface({
      kinds: [
        kind(EXAMPLE, 'reservation', {
          parent: RESOURCE,
          attributes: [{ name: 'occi.ipreservation.used', mutable: false, required: true, type: 'boolean' }],
        }),
      ],
      mixins: [],
      actions: [],
    });
    const typed = typedAttributes(resource(`${EXAMPLE}reservation`, [['occi.ipreservation.used', 'true']]), qi);
    expect(typed.get('occi.ipreservation.used')).toBe(true);
  });

  it("uses a template's definitions", () => {
    const qi = createQueryInterface(ROCCI5);
    const typed = typedAttributes(
      resource(
        COMPUTE,
        [['occi.compute.ephemeral_storage.size', '10']],
        ['http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#small'],
      ),
      qi,
    );
    expect(typed.get('occi.compute.ephemeral_storage.size')).toBe(10);
  });
});

const ogf = createQueryInterface(OGF_JSON);
const openstack = createQueryInterface(OPENSTACK_TEXT);
const rocci5 = createQueryInterface(ROCCI5);

function definitionOf(qi: ReturnType<typeof createQueryInterface>, kindId: string, name: string): ResolvedAttribute {
  const found = qi.attributesFor(kindId).find((a) => a.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

function define(definition: Partial<AttributeDefinition> & { name?: string }): ResolvedAttribute {
  return resolveAttribute({ name: 'example.x', mutable: true, required: false, ...definition }, `${EXAMPLE}thing`);
}

describe('validateAttributeValue', () => {
  const cores = definitionOf(openstack, COMPUTE, 'occi.compute.cores');
  const architecture = definitionOf(openstack, COMPUTE, 'occi.compute.architecture');
  const vlan = definitionOf(openstack, `${INFRASTRUCTURE}network`, 'occi.network.vlan');
  const size = definitionOf(ogf, `${INFRASTRUCTURE}storage`, 'occi.storage.size');
  const title = definitionOf(rocci5, COMPUTE, 'occi.core.title');
  const id = definitionOf(rocci5, COMPUTE, 'occi.core.id');

  it.each<[string, AttributeValue | undefined, ResolvedAttribute | AttributeDefinition, string | null]>([
    ['a number as typed into a form', '2', cores, null],
    ['a number', 2, cores, null],
    ['a word for a number', 'two', cores, 'must be a number'],
    ['a fraction for an integer', '1.5', cores, 'must be a whole number'],
    ['below the minimum', 0, cores, 'must be at least 1'],
    ['above the maximum', 5000, vlan, 'must be at most 4095'],
    ['an allowed value', 'x86', architecture, null],
    ['a value outside the enum', 'arm', architecture, 'must be one of x86, x64'],
    ['a missing required value', undefined, size, 'is required'],
    ['an empty required value', '', size, 'is required'],
    ['a null required value', null, size, 'is required'],
    ['a missing optional value', undefined, cores, null],
    ['a missing required value with a default', undefined, define({ required: true, default: 'x' }), null],
    ['a boolean as text', 'true', define({ type: 'boolean' }), null],
    ['not a boolean', 'maybe', define({ type: 'boolean' }), 'must be true or false'],
    ['a list as JSON text', '[1,2]', define({ type: 'array' }), null],
    ['not a list', 'x', define({ type: 'array' }), 'must be a list'],
    ['an object', { a: 1 }, define({ type: 'object' }), null],
    ['not an object', [1], define({ type: 'object' }), 'must be an object'],
    ['text for text', 'x', define({}), null],
    ['a number for text', 5, define({ type: 'string' }), 'must be text'],
    [
      'a bare AttributeDefinition',
      'abc',
      { name: 'n', mutable: true, required: false, type: 'number' },
      'must be a number',
    ],
  ])('%s', (_name, value, definition, expected) => {
    expect(validateAttributeValue(value, definition)).toBe(expected);
  });

  describe('ERE patterns (text renderings, rOCCI)', () => {
    it.each<[string, AttributeValue, ResolvedAttribute, string | null]>([
      ["rOCCI's title pattern accepts", 'web server-01', title, null],
      [
        "rOCCI's title pattern refuses",
        'web (prod)',
        title,
        'does not match the pattern (?-mix:^[[:word:]]([[:blank:]]|[[:word:]]|\\-)*$)',
      ],
      ["rOCCI's id pattern", 'vm_01', id, null],
      ['a pattern is a full match', 'xabcx', define({ pattern: 'abc' }), 'does not match the pattern abc'],
      ['a full match', 'abc', define({ pattern: 'abc' }), null],
      ['a number against a pattern', 12, define({ type: 'number', pattern: '[0-9]+' }), null],
      [
        'a number against a pattern it fails',
        1.5,
        define({ type: 'number', pattern: '[0-9]+' }),
        'does not match the pattern [0-9]+',
      ],
      ['an invalid pattern gives no verdict', 'x', define({ pattern: '(' }), null],
      ['an unsupported pattern gives no verdict', 'aa', define({ pattern: '(a)\\1' }), null],
    ])('%s', (_name, value, definition, expected) => {
      expect(validateAttributeValue(value, definition)).toBe(expected);
    });

    it('judges a catastrophic-backtracking pattern without hanging', () => {
      const started = Date.now();
      const message = validateAttributeValue(`${'a'.repeat(10_000)}!`, define({ pattern: '(a+)+$' }));
      expect(message).toBe('does not match the pattern (a+)+$');
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('JSON Schema patterns (OCCI 1.2 JSON)', () => {
    it.each<[string, AttributeValue, Record<string, AttributeValue>, string | null, AttributeType?]>([
      ['minLength', 'ab', { type: 'string', minLength: 3 }, 'must be at least 3 characters long'],
      ['maxLength', 'abcdef', { maxLength: 5 }, 'must be at most 5 characters long'],
      ['lengths count characters, not UTF-16 units', '😀😀', { maxLength: 2 }, null],
      ['an anchored pattern', 'ABC', { pattern: '^[a-z]+$' }, 'does not match the pattern ^[a-z]+$'],
      ['an unanchored pattern matches anywhere', 'abc', { pattern: 'b' }, null],
      ['an invalid pattern gives no verdict', 'abc', { pattern: '(' }, null],
      ['enum', 'c', { enum: ['a', 'b'] }, 'must be one of a, b'],
      ['enum accepts', 'a', { enum: ['a', 'b'] }, null],
      ['type', 'x', { type: 'number' }, 'must be a number'],
      ['type integer', '1.5', { type: 'integer' }, 'must be a whole number'],
      ['a list of types', 'x', { type: ['number', 'string'] }, null],
      ['a list of types refusing', true, { type: ['number', 'string'] }, 'must be a number', 'boolean'],
      ['minimum', '0', { minimum: 1 }, 'must be at least 1'],
      ['maximum', 11, { maximum: 10 }, 'must be at most 10'],
      [
        'other keywords are ignored',
        '10.0.0.1',
        { format: 'ipv4', $schema: 'http://json-schema.org/draft-04/schema#' },
        null,
      ],
    ])('%s', (_name, value, schema, expected, explicitType) => {
      const numeric =
        typeof value === 'number' ||
        schema.type === 'integer' ||
        schema.minimum !== undefined ||
        schema.maximum !== undefined;
      const type: AttributeType = explicitType ?? (numeric ? 'number' : 'string');
      const definition = resolveAttribute(
        { name: 'example.x', mutable: true, required: false, type, pattern: schema },
        `${EXAMPLE}thing`,
      );
      expect(validateAttributeValue(value, definition)).toBe(expected);
    });
  });
});

describe('memoryInGiB', () => {
  it.each<[AttributeValue | undefined, Parameters<typeof memoryInGiB>[1], number | null]>([
    [2, undefined, 2],
    ['1.0', undefined, 1],
    [0.5, 'generic', 0.5],
    // ooi passes nova's flavour RAM through in MiB.
    [512, 'ooi', 0.5],
    ['2048', 'ooi', 2],
    [4, 'rocci-server', 4],
    ['abc', undefined, null],
    [undefined, 'ooi', null],
    [null, undefined, null],
  ])('%j from %s is %j GiB', (value, profile, expected) => {
    expect(memoryInGiB(value, profile)).toBe(expected);
  });
});
