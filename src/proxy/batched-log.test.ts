import { describe, expect, it } from 'vitest';
import { createBatchedLog } from './batched-log.ts';

describe('createBatchedLog', () => {
  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = [];
    const log = createBatchedLog((text) => writes.push(text));
    log('one');
    log('two');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    log('three');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['one\ntwo\n', 'three\n']);
  });
});
