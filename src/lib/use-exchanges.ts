/**
 * The exchanges of the log, for a component, re-rendered at most every `intervalMs`: a listing
 * that reads 1,000 entities records 2,000 changes, and re-rendering the inspector for each one
 * cost more than the requests themselves. The first change after a quiet spell shows at once.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Exchange } from './exchange.ts';
import type { ExchangeLog } from './exchange-log.ts';
import { throttleSubscription } from './throttle-subscription.ts';

const EXCHANGE_RENDER_INTERVAL_MS = 100;

export function useExchanges(log: ExchangeLog, intervalMs = EXCHANGE_RENDER_INTERVAL_MS): readonly Exchange[] {
  const subscribe = useMemo(() => throttleSubscription(log.subscribe, intervalMs), [log, intervalMs]);
  return useSyncExternalStore(subscribe, log.snapshot, log.snapshot);
}
