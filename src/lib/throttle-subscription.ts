/**
 * A store subscription that tells its listener at most once per `intervalMs`: the first change
 * after a quiet spell at once, the rest of a burst once at the end. For `useSyncExternalStore`
 * over stores that change per request (the exchange log, a listing's progress), where rendering
 * every change cost more than the requests themselves.
 */
export type Subscribe = (listener: () => void) => () => void;

export function throttleSubscription(subscribe: Subscribe, intervalMs: number): Subscribe {
  return (listener) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Number.NEGATIVE_INFINITY;
    const tell = () => {
      timer = undefined;
      last = Date.now();
      listener();
    };
    const unsubscribe = subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) tell();
      else timer = setTimeout(tell, wait);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  };
}
