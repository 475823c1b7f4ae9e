import type { Exchange } from './exchange.ts';

/**
 * The exchanges of this session, newest last, for the inspector. A small external store that React
 * reads with `useSyncExternalStore(subscribe, snapshot)`; it keeps the last `limit` exchanges.
 */
export interface ExchangeLog {
  /** Records a request as it leaves; returns its id for `complete`. */
  start(exchange: Omit<Exchange, 'id'>): number;
  /** Adds the answer (or the failure) to a recorded request. */
  complete(id: number, outcome: Pick<Exchange, 'response' | 'failure'>): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** Asks the inspector to open on this exchange (a page's "show the request" link). */
  reveal(id: number): void;
  /** The inspector listens here for `reveal`. */
  onReveal(listener: (id: number) => void): () => void;
  snapshot(): readonly Exchange[];
}

export function createExchangeLog(limit = 500): ExchangeLog {
  let exchanges: readonly Exchange[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const revealListeners = new Set<(id: number) => void>();
  const changed = (next: readonly Exchange[]) => {
    exchanges = next.length > limit ? next.slice(next.length - limit) : next;
    for (const listener of listeners) listener();
  };
  return {
    start(exchange) {
      const id = nextId++;
      changed([...exchanges, { ...exchange, id }]);
      return id;
    },
    complete(id, outcome) {
      changed(exchanges.map((exchange) => (exchange.id === id ? { ...exchange, ...outcome } : exchange)));
    },
    clear() {
      changed([]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot() {
      return exchanges;
    },
    reveal(id) {
      for (const listener of revealListeners) listener(id);
    },
    onReveal(listener) {
      revealListeners.add(listener);
      return () => revealListeners.delete(listener);
    },
  };
}
