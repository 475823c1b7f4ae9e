import { describe, expect, it } from 'vitest';
import { createBackOff, pollDelay } from './poll-delay.ts';

describe('pollDelay', () => {
  it('starts at one second and doubles up to fifteen', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(pollDelay)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });
});

describe('createBackOff', () => {
  it('counts from the first transitional answer and starts over once settled', () => {
    const backOff = createBackOff<object>();
    const query = {};
    // Fetched 7 times while settled: the first poll still waits one second.
    expect(backOff(query, false, 7)).toBe(false);
    expect(backOff(query, true, 8)).toBe(1000);
    expect(backOff(query, true, 9)).toBe(2000);
    expect(backOff(query, true, 10)).toBe(4000);
    expect(backOff(query, false, 11)).toBe(false);
    expect(backOff(query, true, 12)).toBe(1000);
  });

  it('keeps one count per thing polled', () => {
    const backOff = createBackOff<object>();
    const a = {};
    const b = {};
    backOff(a, true, 1);
    expect(backOff(a, true, 2)).toBe(2000);
    expect(backOff(b, true, 5)).toBe(1000);
  });

  it('starts over when what is under way changes, though nothing settled in between', () => {
    const backOff = createBackOff<object>();
    const vm = {};
    backOff(vm, true, 1, 'booting');
    backOff(vm, true, 2, 'booting');
    expect(backOff(vm, true, 9, 'booting')).toBe(15_000);
    expect(backOff(vm, true, 10, 'attaching storage/link/1')).toBe(1000);
  });
});
