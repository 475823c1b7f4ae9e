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
 * once it settles or once what is under way changes (`motion`: a VM done booting whose volume is
 * now being attached). Without the second, a page left while a VM booted came back to a link
 * being attached with its next look 15 s away: nobody saw it settle in between.
 */
export function createBackOff<K extends object>() {
  const streaks = new WeakMap<K, { start: number; motion: string }>();
  return (key: K, transitional: boolean, updateCount: number, motion = ''): number | false => {
    if (!transitional) {
      streaks.delete(key);
      return false;
    }
    const known = streaks.get(key);
    const streak = known !== undefined && known.motion === motion ? known : { start: updateCount, motion };
    streaks.set(key, streak);
    return pollDelay(updateCount - streak.start);
  };
}
