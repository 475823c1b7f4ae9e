import { readdirSync, readFileSync } from 'node:fs';

/**
 * Real captures from production OCCI servers (see captures/README.md), kept in the repository so the
 * tests run from any fresh clone.
 */
export const FIXTURES = new URL('./captures/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Every fixture file, as `folder/file`, README excluded. */
export function fixtureNames(): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue; // README.md
    for (const file of readdirSync(new URL(`${entry.name}/`, FIXTURES))) names.push(`${entry.name}/${file}`);
  }
  return names.sort();
}

/**
 * The header fields of a raw HTTP capture (an optional status line, then `Name: value` lines up to
 * the first blank line), as `fetch` would hand them over: value trimmed of surrounding whitespace.
 */
export function headersOfCapture(capture: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  for (const line of capture.split(/\r\n|\n|\r/)) {
    if (line === '') break;
    if (headers.length === 0 && line.startsWith('HTTP/')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`not a header line: ${line}`);
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** A whole HTTP answer as captured from a real server: status line, header fields, body. */
export interface HttpCapture {
  readonly status: number;
  readonly headers: Array<[string, string]>;
  readonly contentType: string | null;
  readonly body: string;
}

/** Answers of real servers run on loopback, whole (see real-servers/README.md). */
const REAL_SERVERS = new URL('./real-servers/', import.meta.url);

/** Reads a `.http` capture (the answer as `curl -i` printed it, line ends made LF). */
export function readHttpCapture(name: string): HttpCapture {
  const text = readFileSync(new URL(name, REAL_SERVERS), 'utf8');
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? '' : text.slice(blank + 2);
  const [statusLine = '', ...lines] = head.split('\n');
  const status = Number(/^HTTP\/\S+ (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`${name}: no status line`);
  const headers = headersOfCapture(lines.join('\n'));
  const contentType = headers.find(([field]) => field.toLowerCase() === 'content-type')?.[1] ?? null;
  return { status, headers, contentType, body };
}
