import type { CheckOutcome } from '../suite/conformance-types.ts';

/** Where a check stands: its outcome once run; before that, under way, waiting its turn, or not run. */
export type CheckState = CheckOutcome | 'running' | 'waiting' | 'not-run';

const BADGES: Readonly<Record<CheckState, { readonly label: string; readonly tone: string }>> = {
  pass: { label: 'pass', tone: 'ok' },
  fail: { label: 'fail', tone: 'error' },
  skip: { label: 'skip', tone: 'neutral' },
  running: { label: 'running', tone: 'info' },
  waiting: { label: 'waiting', tone: 'outline' },
  'not-run': { label: 'not run', tone: 'outline' },
};

/** A check's state as a badge: its word and a colour, never the colour alone. */
export function OutcomeBadge({ state }: { state: CheckState }) {
  const { label, tone } = BADGES[state];
  return (
    <span className={`badge check-badge ${tone}`}>
      {state === 'running' ? <span className="spinner" aria-hidden="true" /> : null}
      {label}
    </span>
  );
}
