import type { Exchange } from '../../lib/exchange.ts';
import {
  isOcciMediaTypeError,
  isOcciParseError,
  parseMessage,
  renderingOf,
  type Structure,
  type StructureModels,
} from '../../occi/index.ts';
import { endpointPathOf, headerValue } from './exchange-facts.ts';

/** What the inspector understood of a response body. */
export type Decoded =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'model'; readonly structure: Structure; readonly model: StructureModels[Structure] }
  | {
      readonly kind: 'malformed';
      readonly structure: Structure;
      readonly line: number;
      readonly column: number;
      readonly message: string;
    };

const QUERY_INTERFACE = /^\/(?:\.well-known\/org\/ogf\/occi\/)?-\/$/;

/**
 * The structures a response can hold, most likely first: the query interface at `/-/`, a collection
 * listing at a path ending in `/`, an entity otherwise. A create or an action may answer with the
 * new location only (ooi answers a create with 200 and the location in the body).
 */
export function structuresFor(exchange: Pick<Exchange, 'method' | 'url'>): readonly Structure[] {
  const { path, search } = endpointPathOf(exchange);
  const method = exchange.method.toUpperCase();
  if (QUERY_INTERFACE.test(path)) return ['categories'];
  const writes = method === 'POST' || method === 'PUT';
  if (path.endsWith('/')) return writes ? ['entity', 'location-list'] : ['entity-collection'];
  if (writes || new URLSearchParams(search).has('action')) return ['entity', 'location-list'];
  return ['entity'];
}

const OCCI_HEADER = /^(?:category|link|x-occi-attribute|x-occi-location|location)$/i;

/** Parses a message with the first of the structures that fits; reports the first one's error otherwise. */
function decodeMessage(
  structures: readonly Structure[],
  headers: ReadonlyArray<readonly [string, string]>,
  body: string,
  truncated: boolean,
): Decoded {
  const contentType = headerValue(headers, 'content-type') ?? null;
  const rendering = renderingOf(contentType);
  if (rendering === null) {
    return { kind: 'none', reason: `Not in an OCCI rendering (${contentType ?? 'no Content-Type'}).` };
  }
  // text/occi carries its content in headers; every other rendering in the body.
  const occiHeaders = headers.some(([name]) => OCCI_HEADER.test(name));
  if (body.trim() === '' && !(rendering === 'text/occi' && occiHeaders)) {
    return { kind: 'none', reason: 'No content.' };
  }
  if (truncated) return { kind: 'none', reason: 'The recorded body is cut, so it is not decoded.' };
  let firstFailure: Decoded | undefined;
  for (const structure of structures) {
    try {
      const model = parseMessage(structure, { contentType, headers, body });
      return { kind: 'model', structure, model };
    } catch (error) {
      if (isOcciParseError(error)) {
        firstFailure ??= {
          kind: 'malformed',
          structure,
          line: error.line,
          column: error.column,
          message: error.message.replace(/^line \d+, column \d+: /, ''),
        };
      } else if (isOcciMediaTypeError(error)) {
        firstFailure ??= { kind: 'none', reason: error.message };
      } else {
        throw error;
      }
    }
  }
  return firstFailure ?? { kind: 'none', reason: 'Nothing to decode.' };
}

/** Parses the response by its Content-Type with the structures that fit its request. */
export function decodeResponse(exchange: Exchange): Decoded {
  const response = exchange.response;
  if (response === undefined) return { kind: 'none', reason: 'No answer yet.' };
  if (!endpointPathOf(exchange).occi)
    return { kind: 'none', reason: "A request to the console's own server, not OCCI." };
  if (response.status < 200 || response.status >= 300) {
    return { kind: 'none', reason: 'An error answer carries a message, not an OCCI model.' };
  }
  return decodeMessage(structuresFor(exchange), response.headers, response.body, response.truncated);
}

/**
 * The structure a request sends: an action invocation (`?action=`), a new entity (POST to a
 * collection, PUT), a partial update (POST to an entity). Reads and deletes send none.
 */
export function requestStructuresFor(exchange: Pick<Exchange, 'method' | 'url'>): readonly Structure[] {
  const { path, search } = endpointPathOf(exchange);
  const method = exchange.method.toUpperCase();
  if (QUERY_INTERFACE.test(path)) return method === 'POST' || method === 'PUT' ? ['categories'] : [];
  if (method === 'POST' && new URLSearchParams(search).has('action')) return ['action-invocation'];
  if (method === 'POST') return path.endsWith('/') ? ['entity'] : ['entity-update'];
  if (method === 'PUT') return path.endsWith('/') ? ['location-list'] : ['entity', 'entity-update'];
  return [];
}

/** Parses the request as it was sent, where it carries an OCCI structure. */
export function decodeRequest(exchange: Exchange): Decoded | undefined {
  if (!endpointPathOf(exchange).occi) return undefined;
  const structures = requestStructuresFor(exchange);
  if (structures.length === 0) return undefined;
  return decodeMessage(structures, exchange.requestHeaders, exchange.requestBody, false);
}
