import { describe, expect, it } from 'vitest';
import { splitTypeId, typeId } from './type-id.ts';

describe('type identifiers', () => {
  it('joins scheme and term with no separator', () => {
    expect(typeId('http://schemas.ogf.org/occi/infrastructure#', 'compute')).toBe(
      'http://schemas.ogf.org/occi/infrastructure#compute',
    );
  });

  it('splits at the last #', () => {
    expect(splitTypeId('http://example.org/a#b#m1.tiny')).toEqual({
      scheme: 'http://example.org/a#b#',
      term: 'm1.tiny',
    });
  });

  it('splits at the last / when there is no #', () => {
    expect(splitTypeId('http://example.org/tpl/small')).toEqual({ scheme: 'http://example.org/tpl/', term: 'small' });
  });
});
