/**
 * How far a listing has got while it fetches details one entity at a time (a server that lists
 * only locations). A query function cannot report progress through TanStack Query, so it writes
 * here and the list reads it with `useListingProgress`.
 */
import { useSyncExternalStore } from 'react';
import { throttleSubscription } from '../../../lib/throttle-subscription.ts';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

const progress = new Map<string, Progress>();
const listeners = new Set<() => void>();

function keyOf(endpointId: string, location: string): string {
  return `${endpointId}\u0000${location}`;
}

export function reportProgress(endpointId: string, location: string, value: Progress | undefined): void {
  const key = keyOf(endpointId, location);
  if (value === undefined) progress.delete(key);
  else progress.set(key, value);
  for (const listener of listeners) listener();
}

// Reported once per entity read: the list shows it ten times a second, not a thousand.
const subscribe = throttleSubscription((listener) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
}, 100);

export function useListingProgress(endpointId: string, location: string): Progress | undefined {
  const key = keyOf(endpointId, location);
  return useSyncExternalStore(subscribe, () => progress.get(key));
}
