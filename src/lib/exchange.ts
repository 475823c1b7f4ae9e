/**
 * One HTTP exchange between the console and a cloud, as the inspector shows it. The occi client
 * records one for every request it sends (see exchange-log.ts). Bodies are kept as text, cut at
 * `MAX_RECORDED_BODY` characters so a 10,000-entity listing does not fill the memory.
 */
export interface Exchange {
  readonly id: number;
  /** The endpoint id (`demo`, `default`, ...): the request went to `/occi/<endpoint>/...`. */
  readonly endpoint: string;
  /** What the console was doing, in words: "List compute", "Start web-01". */
  readonly purpose: string;
  readonly method: string;
  /** The URL the browser requested (same-origin, under /occi/<endpoint>/). */
  readonly url: string;
  readonly requestHeaders: ReadonlyArray<readonly [string, string]>;
  readonly requestBody: string;
  readonly startedAt: number;
  /** Absent while the request is in flight. */
  readonly response?: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: ReadonlyArray<readonly [string, string]>;
    readonly body: string;
    /** The body was longer than what is kept. */
    readonly truncated: boolean;
    readonly durationMs: number;
  };
  /** The request failed without an HTTP answer (network, time-out, abort), in words. */
  readonly failure?: string;
}

export const MAX_RECORDED_BODY = 200_000;
