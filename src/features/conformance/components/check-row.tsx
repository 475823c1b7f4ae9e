import { memo, useId } from 'react';
import { formatDuration } from '../../../components/format-duration.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { CheckDefinition, CheckResult } from '../suite/conformance-types.ts';
import { type CheckState, OutcomeBadge } from './outcome-badge.tsx';

export interface CheckRowProps {
  readonly check: CheckDefinition;
  readonly state: CheckState;
  /** Once the check has run. */
  readonly result?: CheckResult | undefined;
}

/**
 * One check: its state, what it proves, why it passed or failed, a known deviation of real servers
 * when the failure is one, the spec section and ETSI test it rests on, and its exchanges, each a
 * button that opens it in the inspector. Memoised: a run re-renders the page at every check's start
 * and end, and only one or two rows change each time.
 */
export const CheckRow = memo(function CheckRow({ check, state, result }: CheckRowProps) {
  const client = useOcciClient();
  const titleId = useId();
  return (
    <li className={`check ${state}`} aria-labelledby={titleId}>
      <OutcomeBadge state={state} />
      <div className="check-body">
        <h3 id={titleId}>{check.title}</h3>
        {result === undefined ? null : <p className="check-reason">{result.reason}</p>}
        {result?.deviation === undefined ? null : (
          <p className="check-deviation">
            <strong>Known deviation:</strong> {result.deviation}
          </p>
        )}
        <p className="check-spec">
          {check.spec}
          {check.etsi === undefined ? null : (
            <>
              {' · '}
              <span className="check-etsi">
                ETSI TS 103 142 <code>{check.etsi}</code>
              </span>
            </>
          )}
          {result === undefined ? null : ` · ${formatDuration(result.durationMs)}`}
        </p>
        {result === undefined || result.exchanges.length === 0 ? null : (
          <div className="check-exchanges">
            <span>{result.exchanges.length === 1 ? 'Its request:' : `Its ${result.exchanges.length} requests:`}</span>
            {/* "Exchange 1", then "2", "3"...: a long list stays short, each still named in full. */}
            {result.exchanges.map((id, index) => (
              <button
                key={id}
                className="link-button"
                type="button"
                aria-label={`Exchange ${index + 1}`}
                onClick={() => client.log.reveal(id)}
              >
                {index === 0 ? `Exchange ${index + 1}` : index + 1}
              </button>
            ))}
          </div>
        )}
      </div>
    </li>
  );
});
