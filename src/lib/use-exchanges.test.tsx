// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExchangeLog, type ExchangeLog } from './exchange-log.ts';
import { useExchanges } from './use-exchanges.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function record(log: ExchangeLog, n: number) {
  for (let i = 0; i < n; i++) {
    const id = log.start({
      endpoint: 'demo',
      purpose: `read ${i}`,
      method: 'GET',
      url: `/occi/demo/compute/${i}`,
      requestHeaders: [],
      requestBody: '',
      startedAt: 0,
    });
    log.complete(id, {
      response: { status: 200, statusText: 'OK', headers: [], body: '', truncated: false, durationMs: 1 },
    });
  }
}

function Count({ log, counted }: { log: ExchangeLog; counted: { renders: number } }) {
  counted.renders++;
  return <p>{useExchanges(log).length} exchanges</p>;
}

describe('useExchanges', () => {
  it('re-renders once for a burst of exchanges, then shows them all', () => {
    vi.useFakeTimers();
    const log = createExchangeLog();
    const counted = { renders: 0 };
    render(<Count log={log} counted={counted} />);
    const before = counted.renders;
    act(() => record(log, 1));
    // The first change shows at once; those right after it wait for the interval.
    expect(counted.renders - before).toBe(1);
    expect(screen.getByText('1 exchanges')).toBeInTheDocument();
    act(() => record(log, 99));
    expect(counted.renders - before).toBe(1);
    expect(screen.getByText('1 exchanges')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByText('100 exchanges')).toBeInTheDocument();
    expect(counted.renders - before).toBe(2);
  });
});
