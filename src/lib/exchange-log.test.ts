import { describe, expect, it, vi } from 'vitest';
import type { Exchange } from './exchange.ts';
import { createExchangeLog } from './exchange-log.ts';

function request(purpose: string): Omit<Exchange, 'id'> {
  return {
    endpoint: 'demo',
    purpose,
    method: 'GET',
    url: '/occi/demo/-/',
    requestHeaders: [['Accept', 'text/plain']],
    requestBody: '',
    startedAt: 1_700_000_000_000,
  };
}

const answer = {
  response: { status: 200, statusText: 'OK', headers: [], body: 'ok', truncated: false, durationMs: 12 },
} as const;

describe('createExchangeLog', () => {
  it('records requests in order with increasing ids', () => {
    const log = createExchangeLog();
    const first = log.start(request('one'));
    const second = log.start(request('two'));
    expect(second).toBeGreaterThan(first);
    expect(log.snapshot().map((e) => [e.id, e.purpose])).toEqual([
      [first, 'one'],
      [second, 'two'],
    ]);
  });

  it('adds the answer to the right request, leaving the others as they were', () => {
    const log = createExchangeLog();
    const first = log.start(request('one'));
    const second = log.start(request('two'));
    const before = log.snapshot()[0];
    log.complete(second, answer);
    const [one, two] = log.snapshot();
    expect(one).toBe(before);
    expect(one?.response).toBeUndefined();
    expect(two?.response?.status).toBe(200);
    log.complete(first, { failure: 'The network is unreachable' });
    expect(log.snapshot()[0]?.failure).toBe('The network is unreachable');
  });

  it('gives a new snapshot on every change and the same one otherwise', () => {
    const log = createExchangeLog();
    const empty = log.snapshot();
    expect(log.snapshot()).toBe(empty);
    const id = log.start(request('one'));
    const started = log.snapshot();
    expect(started).not.toBe(empty);
    log.complete(id, answer);
    expect(log.snapshot()).not.toBe(started);
  });

  it('keeps only the newest `limit` exchanges', () => {
    const log = createExchangeLog(3);
    for (const n of [1, 2, 3, 4, 5]) log.start(request(`r${n}`));
    expect(log.snapshot().map((e) => e.purpose)).toEqual(['r3', 'r4', 'r5']);
  });

  it('clears everything, and ids keep growing after a clear', () => {
    const log = createExchangeLog();
    const before = log.start(request('one'));
    log.clear();
    expect(log.snapshot()).toEqual([]);
    expect(log.start(request('two'))).toBeGreaterThan(before);
  });

  it('tells subscribers of every change until they unsubscribe', () => {
    const log = createExchangeLog();
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    const id = log.start(request('one'));
    log.complete(id, answer);
    log.clear();
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    log.start(request('two'));
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('hands a reveal to every inspector listening, until it stops listening', () => {
    const log = createExchangeLog();
    const revealed: number[] = [];
    const stop = log.onReveal((id) => revealed.push(id));
    log.reveal(3);
    stop();
    log.reveal(4);
    expect(revealed).toEqual([3]);
  });
});
