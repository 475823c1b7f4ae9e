import type { Exchange } from '../../lib/exchange.ts';
import { upstreamUrlOf } from './endpoint-url.ts';
import { shellQuote } from './shell-quote.ts';

/**
 * Headers the browser or the proxy own, or that carry credentials: never copied. The proxy adds the
 * credential upstream; the command asks for it from the environment instead.
 */
const LEFT_OUT = new Set([
  'authorization',
  'cookie',
  'x-auth-token',
  'x-csrf-token',
  'x-requested-with',
  'host',
  'origin',
  'referer',
  'content-length',
  'connection',
  'accept-encoding',
]);

/** The credential, as a placeholder the shell fills from the environment (double quotes so `$` expands). */
export const TOKEN_PLACEHOLDER_HEADER = '"X-Auth-Token: $OCCI_TOKEN"';

export interface CurlOptions {
  /** The endpoint's upstream URL; without it the command goes through the console's proxy at `origin`. */
  readonly endpointUrl: string | undefined;
  /** The console's origin, for the fallback through the proxy (`http://127.0.0.1:8080`). */
  readonly origin: string;
}

/**
 * The exchange's request as a curl command for a POSIX shell: the real endpoint URL, the method, the
 * OCCI headers and the body exactly as sent, and the credential as `$OCCI_TOKEN`.
 */
export function copyAsCurl(
  exchange: Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>,
  options: CurlOptions,
): string {
  const method = exchange.method.toUpperCase();
  const url = upstreamUrlOf(exchange, options.endpointUrl) ?? new URL(exchange.url, options.origin).href;
  // -i shows the response headers, where text/occi answers carry their content. HEAD needs -I:
  // `-X HEAD` makes curl wait for a body that never comes.
  const words: string[] = method === 'HEAD' ? ['curl', '-I'] : ['curl', '-i'];
  if (method !== 'GET' && method !== 'HEAD') words.push('-X', /^[A-Z]+$/.test(method) ? method : shellQuote(method));
  const lines: string[] = [`${words.join(' ')} ${shellQuote(url)}`];
  for (const [name, value] of exchange.requestHeaders) {
    if (LEFT_OUT.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`-H ${TOKEN_PLACEHOLDER_HEADER}`);
  if (exchange.requestBody !== '' && method !== 'GET' && method !== 'HEAD') {
    lines.push(`--data-binary ${shellQuote(exchange.requestBody)}`);
  }
  return lines.join(' \\\n  ');
}
