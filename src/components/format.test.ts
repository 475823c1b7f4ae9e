import { describe, expect, it } from 'vitest';
import { formatBytes, utf8Length } from './format-bytes.ts';
import { formatDuration } from './format-duration.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [4200, '4.2 kB'],
    [123_456, '123 kB'],
    [1_300_000, '1.3 MB'],
    [-1, '–'],
    [Number.NaN, '–'],
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Length('é€')).toBe(5);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [85.4, '85 ms'],
    [1250, '1.25 s'],
    [125_000, '2 min 5 s'],
    [-5, '–'],
  ])('%d ms read %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
