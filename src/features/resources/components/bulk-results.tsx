/** What an operation on many resources did: how many it ran on, and each refusal in words. */
import { describeError } from '../../../lib/describe-error.ts';
import type { BulkOutcome } from '../api/bulk-operation.ts';

export interface BulkResultsProps {
  readonly verb: string;
  readonly outcomes: readonly BulkOutcome[];
  readonly nameOf: (location: string) => string;
  readonly onDismiss: () => void;
}

export function BulkResults({ verb, outcomes, nameOf, onDismiss }: BulkResultsProps) {
  const failed = outcomes.filter((outcome) => outcome.error !== undefined);
  const done = outcomes.length - failed.length;
  return (
    <div className={`status ${failed.length === 0 ? 'ok' : 'warn'} bulk-results`} role="status">
      <p>
        <strong>{verb}</strong>: {done} of {outcomes.length} accepted by the server
        {failed.length === 0 ? '.' : `; ${failed.length} refused:`}
      </p>
      {failed.length === 0 ? null : (
        <ul>
          {failed.map((outcome) => {
            const words = describeError(outcome.error);
            return (
              <li key={outcome.target}>
                {nameOf(outcome.target)}: <strong>{words.title}</strong>
                {words.detail === undefined ? null : ` ${words.detail}`}
              </li>
            );
          })}
        </ul>
      )}
      <button className="link-button" type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
