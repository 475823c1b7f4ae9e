import { describe, expect, it } from 'vitest';
import { compileSafePattern, patternAlternatives } from './safe-pattern.ts';

describe('compileSafePattern: full-match semantics (OCCI text patterns)', () => {
  it.each([
    // [pattern, input, expected]
    ['x86|x64', 'x64', true],
    ['x86|x64', 'x646', false],
    ['x86|x64', 'ax86', false],
    ['[a-z]+', 'abc', true],
    ['[a-z]+', 'abc1', false],
    ['[a-z]+', '', false],
    ['[a-z]*', '', true],
    ['a{2,3}', 'a', false],
    ['a{2,3}', 'aa', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2,}', 'aaaaa', true],
    ['a{3}', 'aaa', true],
    ['a{,2}', 'aa', true],
    ['a{x}', 'a{x}', true], // a brace that is no quantifier is a literal
    ['colou?r', 'color', true],
    ['colou?r', 'colour', true],
    ['[^0-9]+', 'abc', true],
    ['[^0-9]+', 'ab1', false],
    ['[]a]+', ']a]', true], // a leading ] is a member
    ['[a-]+', 'a-a', true],
    ['\\d+\\.\\d+', '1.5', true],
    ['\\d+\\.\\d+', '1x5', false],
    ['\\w+', 'web_01', true],
    ['\\s', ' ', true],
    ['\\S+', 'a b', false],
    ['a.c', 'abc', true],
    ['a.c', 'a\nc', false],
    ['(?:ab)+', 'abab', true],
    ['(?<name>ab)+', 'abab', true],
    ['\\bfoo\\b', 'foo', true],
    ['\\x41', 'A', true],
    ['\\u0041', 'A', true],
    ['\\p{Lu}+', 'ÄB', true],
    ['[[:alpha:]]+', 'abcÄ', true],
    ['[[:digit:]]+', '123', true],
    ['[[:alnum:]_]+', 'ab_1', true],
    ['[[:space:]]', '\t', true],
    ['[[:xdigit:]]+', 'c0ffee', true],
    ['[[:xdigit:]]+', 'coffee', false],
    ['[[:upper:]][[:lower:]]+', 'Ubuntu', true],
    ['(a|b)*c', 'ababc', true],
    ['^abc$', 'abc', true],
    ['a^b', 'ab', false], // ^ in the middle is an assertion that cannot hold
  ])('%s against %j gives %s', (pattern, input, expected) => {
    expect(compileSafePattern(pattern)?.test(input)).toBe(expected);
  });
});

describe('compileSafePattern: Ruby patterns as rOCCI-core 5 renders them', () => {
  it.each([
    ['(?-mix:^(x86|x64)$)', 'x86', true],
    ['(?-mix:^(x86|x64)$)', 'arm', false],
    ['(?-mix:^[[:alnum:]]([[:alnum:]]|-|_)*$)', 'vm-01_a', true],
    ['(?-mix:^[[:alnum:]]([[:alnum:]]|-|_)*$)', '-vm', false],
    ['(?-mix:^[[:word:]]([[:blank:]]|[[:word:]]|\\-)*$)', 'web server-01', true],
    ['(?-mix:^[[:word:]]([[:blank:]]|[[:word:]]|\\-)*$)', 'web (prod)', false],
    ['(?-mix:^([0-9a-fA-F]{2}[:-]){5}([0-9a-fA-F]{2})$)', '02:00:0a:00:00:05', true],
    ['(?-mix:^([0-9a-fA-F]{2}[:-]){5}([0-9a-fA-F]{2})$)', '02:00:0a:00:00', false],
    ['(?-mix:^.*$)', 'anything at all', true],
    ['\\A\\d+\\z', '42', true],
    ['\\A\\d+\\z', '42a', false],
    ['(?i-mx:^abc$)', 'ABC', true],
    ['(?-mix:^abc$)', 'ABC', false],
    ['(?i)abc', 'AbC', true],
    ['(?m-ix:a.c)', 'a\nc', true],
    ['\\h+', 'beef', true],
  ])('%s against %j gives %s', (pattern, input, expected) => {
    expect(compileSafePattern(pattern)?.test(input)).toBe(expected);
  });
});

describe('compileSafePattern: search semantics (JSON Schema patterns)', () => {
  it.each([
    ['ab', 'xxabxx', true],
    ['^ab', 'xxab', false],
    ['ab$', 'xxab', true],
    ['[0-9]', 'abc', false],
  ])('%s against %j gives %s', (pattern, input, expected) => {
    expect(compileSafePattern(pattern, { anchored: false })?.test(input)).toBe(expected);
  });
});

describe('compileSafePattern: bad patterns never throw', () => {
  it.each([
    ['(', 'unbalanced group'],
    ['a)', 'unbalanced close'],
    ['[abc', 'unterminated bracket'],
    ['*a', 'nothing to repeat'],
    ['a**', 'double quantifier'],
    ['a{3,1}', 'inverted bounds'],
    ['(a)\\1', 'back-reference'],
    ['(?=a)a', 'look-ahead'],
    ['(?<=a)b', 'look-behind'],
    ['a++', 'possessive quantifier'],
    ['[[:nosuch:]]', 'unknown POSIX class'],
    ['\\p{NoSuchProperty}', 'unknown property'],
    ['(?x) a b', 'extended mode'],
    ['\\', 'trailing backslash'],
    ['(a{1000}){1000}', 'too large once expanded'],
    ['a'.repeat(5000), 'too long'],
    ['('.repeat(20000) + ')'.repeat(20000), 'absurd nesting'],
  ])('%s (%s) compiles to null', (pattern) => {
    expect(compileSafePattern(pattern)).toBeNull();
  });

  it('runs catastrophic-backtracking patterns in linear time', () => {
    const evil = ['(a+)+$', '(a|a)*b', '(a|aa)+c', '(.*a){12}', '([a-z]+)*\\d'];
    const input = `${'a'.repeat(5000)}!`;
    const started = Date.now();
    for (const source of evil) {
      const pattern = compileSafePattern(source);
      expect(pattern, source).not.toBeNull();
      expect(pattern?.test(input), source).toBe(false);
    }
    // A backtracking engine takes years on these; the automaton takes milliseconds.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('declines to judge (undefined) an input too long for the work limit', () => {
    const pattern = compileSafePattern('[a-z]{1,100}x');
    expect(pattern?.test('a'.repeat(500_000))).toBeUndefined();
  });
});

describe('patternAlternatives', () => {
  it.each([
    ['(?-mix:^(graceful|acpioff|poweroff)$)', ['graceful', 'acpioff', 'poweroff']],
    ['(?-mix:^(hot|deffered)$)', ['hot', 'deffered']],
    ['^(x86|x64)$', ['x86', 'x64']],
    ['x86|x64', ['x86', 'x64']],
    ['\\A(static|dynamic)\\z', ['static', 'dynamic']],
    ['^(a\\.b|c\\-d)$', ['a.b', 'c-d']],
  ])('%s lists %j', (pattern, values) => {
    expect(patternAlternatives(pattern)).toEqual(values);
  });

  it.each(['(?-mix:^.*$)', '^[a-z]+$', '^(a|b+)$', '(?i)^(a|b)$', '('])('%s is not a list of literals', (pattern) => {
    expect(patternAlternatives(pattern)).toBeNull();
  });
});
