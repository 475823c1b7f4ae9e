/**
 * The selected exchange in the URL (`?exchange=<load>.<id>`), so an entry can be shared and found
 * again. Exchanges live in memory and their ids restart at every page load, so the link carries a
 * token of the page load as well: after a reload the same number is another exchange, and the
 * inspector says the linked one is gone instead of showing the wrong one.
 */
export const EXCHANGE_PARAM = 'exchange';

/** Unique to this page load: the time the document started loading, in base 36. */
export const PAGE_LOAD = Math.round(performance.timeOrigin).toString(36);

export function exchangeLinkValue(id: number, pageLoad = PAGE_LOAD): string {
  return `${pageLoad}.${id}`;
}

export type LinkedExchange =
  | { readonly state: 'none' }
  | { readonly state: 'this-load'; readonly id: number }
  | { readonly state: 'earlier-load' };

export function readExchangeLink(search: string, pageLoad = PAGE_LOAD): LinkedExchange {
  const value = new URLSearchParams(search).get(EXCHANGE_PARAM);
  if (value === null || value === '') return { state: 'none' };
  const match = /^([0-9a-z]+)\.(\d+)$/.exec(value);
  if (match === null || match[1] !== pageLoad) return { state: 'earlier-load' };
  return { state: 'this-load', id: Number(match[2]) };
}

/**
 * Writes the selection into the address bar without a navigation: `history.replaceState` keeps the
 * router's own state object, so the router sees no change and the view stays as it is.
 */
export function writeExchangeLink(id: number | undefined): void {
  const url = new URL(window.location.href);
  if (id === undefined) url.searchParams.delete(EXCHANGE_PARAM);
  else url.searchParams.set(EXCHANGE_PARAM, exchangeLinkValue(id));
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url.href);
}
