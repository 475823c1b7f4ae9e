/**
 * What the server did with a change (a create, an update), when it was not simply what was asked:
 * the way the console had to send it (another rendering, PUT after a refused POST), and what the
 * server accepted but did not do.
 */
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { IgnoredChange } from '../update-outcome.ts';

export interface Outcome {
  /** How the console had to send it, in words; null when the first way worked. */
  readonly fallback: string | null;
  readonly ignored: readonly IgnoredChange[];
}

export function OutcomeNote({
  outcome,
  lead = 'The server answered success but did not make the change:',
}: {
  readonly outcome: Outcome | undefined;
  /** What the list of ignored parts is introduced by. */
  readonly lead?: string;
}) {
  if (outcome === undefined || (outcome.fallback === null && outcome.ignored.length === 0)) return null;
  return (
    <div className="server-note" role="status">
      {outcome.ignored.length === 0 ? null : (
        <p className="server-note-warning">
          <strong>{lead}</strong> {outcome.ignored.map((change) => change.words).join('; ')}.
        </p>
      )}
      {outcome.fallback === null ? null : <p>{outcome.fallback}</p>}
    </div>
  );
}

/**
 * The words for a change refused by POST and then by PUT too: the server does not make this
 * change at all (ooi takes a new flavour by PUT, never a new OS). Undefined for any other failure.
 */
export function useUpdateRefusedHint(error: unknown): string | undefined {
  const client = useOcciClient();
  const id = client.exchangeOf(error);
  if (id === undefined) return undefined;
  const refused = client.log.snapshot().find((exchange) => exchange.id === id);
  if (refused?.method !== 'PUT') return undefined;
  return 'The server refused this change by POST and by PUT: it does not make it. Both exchanges are in the inspector.';
}
