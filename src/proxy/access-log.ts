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

export function formatAccessLogLine(entry: AccessLogEntry, now: Date = new Date()): string {
  // Control characters never reach here (Node's parser refuses them), but a log line must stay one line.
  let path = entry.path.replace(/[^\x21-\x7e]/g, '?');
  if (path.length > MAX_LOGGED_PATH) path = `${path.slice(0, MAX_LOGGED_PATH)}...`;
  const status = entry.status === 0 ? '-' : String(entry.status);
  return `${now.toISOString()} ${entry.method} ${entry.endpointId} ${path} ${status} ${entry.ms.toFixed(1)}ms ${entry.bytes}B${
    entry.incomplete ? ' incomplete' : ''
  }`;
}
