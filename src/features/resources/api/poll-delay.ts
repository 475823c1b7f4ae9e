/**
 * How long to wait before asking again about something on its way to another state: 1 s, then
 * doubling, at most 15 s, so a VM that takes minutes to build costs a few requests a minute.
 */
export function pollDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 4)));
}

/**
 * Back-off per polled thing: counts the answers since it was first seen on its way somewhere,
 * from a counter that grows with every answer (TanStack's `dataUpdateCount`), and starts over
 * once it settles.
 */
export function createBackOff<K extends object>() {
  const streaks = new WeakMap<K, number>();
  return (key: K, transitional: boolean, updateCount: number): number | false => {
    if (!transitional) {
      streaks.delete(key);
      return false;
    }
    const start = streaks.get(key) ?? updateCount;
    streaks.set(key, start);
    return pollDelay(updateCount - start);
  };
}
