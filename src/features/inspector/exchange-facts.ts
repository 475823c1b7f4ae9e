import type { Exchange } from '../../lib/exchange.ts';

/** Where the request went inside its endpoint: `/compute/42?action=stop` of `/occi/demo/compute/42?action=stop`. */
export interface EndpointPath {
  /** Path from the endpoint's root, always starting with `/`. */
  readonly path: string;
  /** The query string with its `?`, or empty. */
  readonly search: string;
  /** The request went to an OCCI endpoint (under /occi/<endpoint>/), not to the console's own API. */
  readonly occi: boolean;
}

export function endpointPathOf(exchange: Pick<Exchange, 'url'>): EndpointPath {
  // The client records same-origin URLs, relative or absolute; the base only makes relative ones parse.
  const url = new URL(exchange.url, 'http://console.invalid');
  const match = /^\/occi\/[^/]+(\/.*)?$/.exec(url.pathname);
  const path = match === null ? url.pathname : (match[1] ?? '/');
  return { path, search: url.search, occi: match !== null };
}

/** A header value by name, case-insensitively; repeated headers are joined with `, ` as HTTP allows. */
export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values = headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(', ');
}

export type ExchangeTone = 'pending' | 'ok' | 'info' | 'warn' | 'error';

/** The state of an exchange in words and a tone the styles colour. */
export function statusOf(exchange: Exchange): { readonly text: string; readonly tone: ExchangeTone } {
  if (exchange.failure !== undefined) return { text: `failed: ${exchange.failure}`, tone: 'error' };
  const response = exchange.response;
  if (response === undefined) return { text: 'pending', tone: 'pending' };
  const text = `${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  if (response.status >= 500) return { text, tone: 'error' };
  if (response.status >= 400) return { text, tone: 'warn' };
  if (response.status >= 300) return { text, tone: 'info' };
  return { text, tone: 'ok' };
}

/**
 * Bytes of the response body: Content-Length when the server sent one (the recorded body may be cut),
 * otherwise the UTF-8 size of the recorded text. Undefined while pending or after a failure.
 */
export function responseSizeOf(exchange: Exchange): number | undefined {
  const response = exchange.response;
  if (response === undefined) return undefined;
  const declared = headerValue(response.headers, 'content-length')?.trim();
  if (declared !== undefined && /^\d+$/.test(declared)) return Number(declared);
  return new TextEncoder().encode(response.body).length;
}

/** What a set of exchanges cost: how many, the bytes received, and the time they spanned. */
export interface Meter {
  readonly requests: number;
  readonly bytes: number;
  /** From the first request leaving to the last answer arriving (parallel requests overlap). */
  readonly spanMs: number;
  /** The durations added up. */
  readonly totalMs: number;
  readonly pending: number;
}

export function meterOf(exchanges: readonly Exchange[]): Meter {
  let bytes = 0;
  let totalMs = 0;
  let pending = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const exchange of exchanges) {
    bytes += responseSizeOf(exchange) ?? 0;
    const duration = exchange.response?.durationMs;
    if (duration === undefined) {
      if (exchange.failure === undefined) pending += 1;
      continue;
    }
    totalMs += duration;
    first = Math.min(first, exchange.startedAt);
    last = Math.max(last, exchange.startedAt + duration);
  }
  return { requests: exchanges.length, bytes, spanMs: last > first ? last - first : 0, totalMs, pending };
}
