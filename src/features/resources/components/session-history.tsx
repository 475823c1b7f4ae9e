/**
 * What this console did to one entity in this session: its create, actions, updates and
 * deletes, each with its status and a button that opens the exchange in the inspector.
 */

import { useRef } from 'react';
import { formatDuration } from '../../../components/format-duration.ts';
import type { Exchange } from '../../../lib/exchange.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { useExchanges } from '../../../lib/use-exchanges.ts';
import { newEntityLocation } from '../api/read-answer.ts';

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}

/**
 * The exchanges that changed the entity at `proxyPath`, oldest first: those sent to it, the one
 * that created it, and those that named it (a link made to or from it).
 */
function changesTo(exchanges: readonly Exchange[], proxyPath: string, concerns: (e: Exchange) => boolean) {
  return exchanges.filter(
    (exchange) => exchange.method !== 'GET' && (pathOf(exchange.url) === proxyPath || concerns(exchange)),
  );
}

export interface SessionHistoryProps {
  readonly endpointId: string;
  readonly location: string;
  /** The locations of the links it holds now. */
  readonly links: readonly string[];
}

export function SessionHistory({ endpointId, location, links }: SessionHistoryProps) {
  const client = useOcciClient();
  // Its links, as long as the page has seen them: removing one is a change to it too.
  const heldLinks = useRef(new Set<string>());
  for (const link of links) heldLinks.current.add(client.toProxyPath(endpointId, link));
  const exchanges = useExchanges(client.log);
  const own = client.toProxyPath(endpointId, location);
  const prefix = client.toProxyPath(endpointId, '');
  const serverUrl = client.toServerUrl(endpointId, location);
  const changes = changesTo(exchanges, own, (exchange) => {
    // A create (a POST to a collection): wherever the server said it put what it made, `Location`,
    // ooi's `X-OCCI-Location`, the body, or the entity itself.
    const collection = pathOf(exchange.url);
    const created =
      exchange.method === 'POST' && exchange.response !== undefined && collection.endsWith('/')
        ? newEntityLocation(
            {
              headers: new Headers(exchange.response.headers.map(([name, value]) => [name, value])),
              body: exchange.response.body,
            },
            collection.slice(prefix.length),
          )
        : null;
    if (created !== null && client.toProxyPath(endpointId, created) === own) return true;
    if (heldLinks.current.has(pathOf(exchange.url))) return true;
    if (serverUrl === undefined) return false;
    // text/occi carries attributes in headers, the other renderings in the body.
    return (
      exchange.requestBody.includes(serverUrl) || exchange.requestHeaders.some(([, value]) => value.includes(serverUrl))
    );
  });
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">This session</h2>
      {changes.length === 0 ? (
        <p className="muted">This console has not changed it since the page was loaded.</p>
      ) : (
        <ol className="history">
          {changes.map((exchange) => (
            <li key={exchange.id}>
              <span className="history-purpose">{exchange.purpose}</span>{' '}
              <code>
                {exchange.method} {exchange.url.startsWith(prefix) ? exchange.url.slice(prefix.length) : exchange.url}
              </code>{' '}
              {exchange.response === undefined ? (
                <span className="muted">{exchange.failure ?? 'pending'}</span>
              ) : (
                <span className={exchange.response.status < 400 ? 'status-ok' : 'status-error'}>
                  {exchange.response.status} in {formatDuration(exchange.response.durationMs)}
                </span>
              )}{' '}
              <button className="link-button" type="button" onClick={() => client.log.reveal(exchange.id)}>
                Show exchange
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
