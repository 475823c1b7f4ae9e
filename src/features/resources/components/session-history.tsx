/**
 * What this console did to one entity in this session: its create, actions, updates and
 * deletes, each with its status and a button that opens the exchange in the inspector.
 */
import { useSyncExternalStore } from 'react';
import { formatDuration } from '../../../components/format-duration.ts';
import type { Exchange } from '../../../lib/exchange.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}

/** The exchanges that changed the entity at `proxyPath`, oldest first. */
export function changesTo(exchanges: readonly Exchange[], proxyPath: string, createdAt: (e: Exchange) => boolean) {
  return exchanges.filter(
    (exchange) => exchange.method !== 'GET' && (pathOf(exchange.url) === proxyPath || createdAt(exchange)),
  );
}

export function SessionHistory({ endpointId, location }: { endpointId: string; location: string }) {
  const client = useOcciClient();
  const exchanges = useSyncExternalStore(client.log.subscribe, client.log.snapshot, client.log.snapshot);
  const own = client.toProxyPath(endpointId, location);
  const prefix = client.toProxyPath(endpointId, '');
  const changes = changesTo(exchanges, own, (exchange) => {
    const created = exchange.response?.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
    return created !== undefined && client.toProxyPath(endpointId, created) === own;
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
