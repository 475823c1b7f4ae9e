import { describe, expect, it } from 'vitest';
import { mergeAttributeDefinitions, resolveAttribute } from './resolve-attribute.ts';

const BY = 'http://example.org/occi#thing';

describe('mergeAttributeDefinitions', () => {
  it('lets the later definition decide mutable and required, and keeps what it leaves out', () => {
    expect(
      mergeAttributeDefinitions(
        { name: 'a', mutable: true, required: true, type: 'number', default: 1, pattern: '[0-9]+', description: 'd' },
        { name: 'a', mutable: false, required: false },
      ),
    ).toEqual({
      name: 'a',
      mutable: false,
      required: false,
      type: 'number',
      default: 1,
      pattern: '[0-9]+',
      description: 'd',
    });
  });

  it("takes the later definition's properties where it has them, a null default included", () => {
    expect(
      mergeAttributeDefinitions(
        { name: 'a', mutable: true, required: false, type: 'string', default: 'x' },
        { name: 'a', mutable: true, required: false, type: 'number', default: null, description: 'later' },
      ),
    ).toEqual({ name: 'a', mutable: true, required: false, type: 'number', default: null, description: 'later' });
  });
});

describe('resolveAttribute', () => {
  it.each([
    ['an unknown name without type', { name: 'x.y' }, { type: 'string', typeSource: 'default' }],
    [
      'a spec name without type',
      { name: 'occi.storage.size' },
      { type: 'number', typeSource: 'well-known', minimum: 0 },
    ],
    ['a server type', { name: 'x.y', type: 'boolean' as const }, { type: 'boolean', typeSource: 'server' }],
  ])('%s', (_name, definition, expected) => {
    expect(resolveAttribute({ mutable: true, required: false, ...definition }, BY)).toMatchObject({
      ...expected,
      definedBy: BY,
    });
  });

  it('takes an enum from a pattern of two or more literal alternatives only', () => {
    expect(resolveAttribute({ name: 'x', mutable: true, required: false, pattern: '^(a|b)$' }, BY).enum).toEqual([
      'a',
      'b',
    ]);
    expect(resolveAttribute({ name: 'x', mutable: true, required: false, pattern: '^a$' }, BY).enum).toBeUndefined();
    expect(resolveAttribute({ name: 'x', mutable: true, required: false, pattern: '^[ab]$' }, BY).enum).toBeUndefined();
  });

  it("drops the spec's number constraints when the server types the attribute otherwise", () => {
    const resolved = resolveAttribute(
      { name: 'occi.network.vlan', mutable: true, required: false, type: 'string' },
      BY,
    );
    expect(resolved).toMatchObject({ type: 'string' });
    expect(resolved.maximum).toBeUndefined();
    expect(resolved.integer).toBeUndefined();
  });
});
