/**
 * A Transport on `fetch`, for the command line (Node) and tests: the endpoint's URL resolves every
 * path, a URL on another origin is refused (the suite, and the token, go to the endpoint and
 * nowhere else), redirects are not followed (for the same reason), each request has a time-out,
 * and the answer comes back with its headers as received.
 */
import type { ProbeRequest, ProbeResponse, Transport } from './conformance-types.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const CONFORMANCE_USER_AGENT = 'occi-console-conformance/0.1 OCCI/1.2';

export interface FetchTransportOptions {
  /** The endpoint: `http://host:8787/occi1.2/`. */
  readonly url: string;
  /** Sent as `X-Auth-Token` (Keystone, rOCCI-server 2, ooi). */
  readonly token?: string;
  /** Per request. Default 30 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** One request as sent, for a report of what a failing check did. */
export interface ExchangeRecord {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly purpose: string;
  /** The status, or why there was none. */
  readonly status?: number;
  readonly failure?: string;
  readonly durationMs: number;
}

export interface FetchTransport {
  readonly transport: Transport;
  /** Every exchange so far, in order. */
  exchanges(): readonly ExchangeRecord[];
}

/** The endpoint's URL with a path that ends in `/`, so relative paths resolve below it. */
export function endpointBase(url: string): URL {
  const base = new URL(url);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return base;
}

/**
 * Where a probe goes: a path relative to the endpoint (`compute/`), one from the server's root
 * (`/compute/x`) or an absolute URL on the endpoint's origin (ooi). A root path or URL that
 * leaves out the endpoint's own path (rOCCI behind a path) is put under it, as the console does.
 * Throws for a URL on another origin.
 */
export function resolveProbePath(path: string, endpoint: string): URL {
  const base = endpointBase(endpoint);
  const trimmed = path.trim();
  let target: URL;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed) || trimmed.startsWith('//')) {
    target = new URL(trimmed, base);
    if (target.origin !== base.origin) {
      throw new Error(`refused: ${target.href} is on another server than the endpoint ${base.origin}`);
    }
  } else if (trimmed.startsWith('/')) {
    target = new URL(trimmed, base);
  } else {
    return new URL(trimmed, base);
  }
  const full = target.pathname + target.search;
  if (full.startsWith(base.pathname)) return target;
  return new URL(full.replace(/^\/+/, ''), base);
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail === undefined ? error.message : `${error.message}: ${detail}`;
}

export function createFetchTransport(options: FetchTransportOptions): FetchTransport {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const records: ExchangeRecord[] = [];
  let nextId = 1;

  const transport: Transport = async (request: ProbeRequest, signal?: AbortSignal): Promise<ProbeResponse> => {
    const url = resolveProbePath(request.path, options.url);
    const id = nextId++;
    const started = Date.now();
    const headers = new Headers(request.headers);
    if (!headers.has('user-agent')) headers.set('User-Agent', CONFORMANCE_USER_AGENT);
    if (options.token !== undefined) headers.set('X-Auth-Token', options.token);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) controller.abort(signal.reason);
    const record = (outcome: { status: number } | { failure: string }) =>
      records.push({
        id,
        method: request.method,
        url: url.href,
        purpose: request.purpose,
        ...outcome,
        durationMs: Date.now() - started,
      });
    try {
      const response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined && { body: request.body }),
        signal: controller.signal,
        redirect: 'manual',
      });
      const body = await response.text();
      record({ status: response.status });
      return { status: response.status, headers: [...response.headers], body, exchangeId: id };
    } catch (error) {
      if (signal?.aborted) {
        record({ failure: 'cancelled' });
        throw signal.reason ?? error;
      }
      const failure = timedOut ? `no answer within ${timeoutMs} ms` : describeFailure(error);
      record({ failure });
      throw new Error(failure);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  };

  return { transport, exchanges: () => records };
}
