/**
 * One line per request: time, method, endpoint id (`-` when none), path, status, milliseconds, body
 * bytes sent. The path is logged WITHOUT its query string (a query may carry a token or a password
 * someone put there), and no header value or body is ever logged.
 */
export interface AccessLogEntry {
  readonly method: string;
  readonly endpointId: string;
  readonly path: string;
  /** The status sent, or 0 when none was (the connection failed before). */
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
  /** The client went away, or the answer was cut short, before its end. */
  readonly incomplete: boolean;
}

const MAX_LOGGED_PATH = 300;
const UNPRINTABLE = /[^\x21-\x7e]/;
const UNPRINTABLE_ALL = /[^\x21-\x7e]/g;

export function formatAccessLogLine(entry: AccessLogEntry, nowMs: number = Date.now()): string {
  let path = entry.path;
  // Control characters never reach here (Node's parser refuses them), but a log line must stay one line.
  if (UNPRINTABLE.test(path)) path = path.replace(UNPRINTABLE_ALL, '?');
  if (path.length > MAX_LOGGED_PATH) path = `${path.slice(0, MAX_LOGGED_PATH)}...`;
  const status = entry.status === 0 ? '-' : String(entry.status);
  return `${isoTime(nowMs)} ${entry.method} ${entry.endpointId} ${path} ${status} ${entry.ms.toFixed(1)}ms ${entry.bytes}B${
    entry.incomplete ? ' incomplete' : ''
  }`;
}

let cachedSecond = Number.NaN;
let cachedPrefix = '';

/**
 * `Date.prototype.toISOString`, with its date and time to the second made once per second: made for
 * every line, it cost more than a microsecond per request, more than the rest of the line.
 */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return `${cachedPrefix}.${String(ms - second * 1000).padStart(3, '0')}Z`;
}
