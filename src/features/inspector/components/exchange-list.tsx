import { formatBytes } from '../../../components/format-bytes.ts';
import { formatDuration } from '../../../components/format-duration.ts';
import type { Exchange } from '../../../lib/exchange.ts';
import { endpointPathOf, responseSizeOf, statusOf } from '../exchange-facts.ts';

/** Every exchange of the session, newest first, each a button that opens it. */
export function ExchangeList({
  exchanges,
  selected,
  onSelect,
}: {
  exchanges: readonly Exchange[];
  selected: number | undefined;
  onSelect: (id: number) => void;
}) {
  if (exchanges.length === 0) return <p className="muted inspector-empty">No exchanges yet.</p>;
  return (
    <ol className="inspector-list" aria-label="Exchanges, newest first">
      {[...exchanges].reverse().map((exchange) => {
        const { path, search } = endpointPathOf(exchange);
        const status = statusOf(exchange);
        const size = responseSizeOf(exchange);
        const duration = exchange.response?.durationMs;
        return (
          <li key={exchange.id}>
            <button
              type="button"
              className="inspector-entry"
              aria-current={exchange.id === selected ? 'true' : undefined}
              onClick={() => onSelect(exchange.id)}
            >
              <span className="inspector-entry-line">
                <span className="inspector-method">{exchange.method}</span>{' '}
                <code className="inspector-path">
                  {path}
                  {search}
                </code>
              </span>
              <span className="inspector-entry-line inspector-entry-facts">
                <span className={`inspector-status tone-${status.tone}`}>{status.text}</span>
                <span>{duration === undefined ? '–' : formatDuration(duration)}</span>
                <span>{size === undefined ? '–' : formatBytes(size)}</span>
                <span className="muted inspector-purpose">{exchange.purpose}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
