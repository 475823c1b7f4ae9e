import type { Exchange } from '../../lib/exchange.ts';
import { endpointPathOf } from './exchange-facts.ts';

/**
 * The URL the request reaches upstream: the endpoint's own URL plus the path after
 * `/occi/<endpoint>/`. Undefined when the console does not know the endpoint's URL.
 */
export function upstreamUrlOf(exchange: Pick<Exchange, 'url'>, endpointBase: string | undefined): string | undefined {
  if (endpointBase === undefined || endpointBase === '') return undefined;
  const { path, search, occi } = endpointPathOf(exchange);
  // The console's own API (/api/...) has no upstream: it is answered by the console's server.
  if (!occi) return undefined;
  return `${endpointBase.replace(/\/+$/, '')}${path}${search}`;
}
