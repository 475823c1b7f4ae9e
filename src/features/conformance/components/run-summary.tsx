import { formatDuration } from '../../../components/format-duration.ts';
import type { ConformanceRun } from '../api/conformance-runs.ts';

function counts(run: ConformanceRun) {
  const count = (outcome: string) => run.results.filter((result) => result.outcome === outcome).length;
  const { passed, failed, skipped } = run.report ?? {
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
  };
  return { passed, failed, skipped, line: `${passed} passed, ${failed} failed, ${skipped} skipped` };
}

function verdict(failed: number, skipped: number): string {
  if (failed > 0) return ' Each failure below says why.';
  return skipped === 0 ? ' Every check passed.' : ' No check failed.';
}

/** "N passed, M failed, K skipped", as the run goes and when it has ended; read out as it changes. */
export function RunSummary({ run, total }: { run: ConformanceRun; total: number }) {
  const { failed, skipped, line } = counts(run);
  const took =
    run.startedAt === undefined || run.finishedAt === undefined
      ? ''
      : ` in ${formatDuration(run.finishedAt - run.startedAt)}`;
  let text: string;
  let tone = '';
  switch (run.status) {
    case 'idle':
      text = `${total} checks, not run yet.`;
      break;
    case 'running':
      text = run.cancelling
        ? `Cancelling after ${run.results.length} of ${total} checks${run.allowChanges ? ', then removing what the run created' : ''}…`
        : `Running: ${run.results.length} of ${total} checks done. ${line} so far.`;
      tone = 'info';
      break;
    case 'done':
      text = `${line}${took}.${verdict(failed, skipped)}`;
      tone = failed > 0 ? 'error' : 'ok';
      break;
    case 'cancelled':
      text = `Cancelled after ${run.results.length} of ${total} checks: ${line}.`;
      tone = 'warn';
      break;
    case 'failed':
      text = `The run stopped after ${run.results.length} of ${total} checks: ${line}.`;
      tone = 'error';
      break;
  }
  return (
    <p className={`conformance-summary${tone === '' ? '' : ` status ${tone}`}`} role="status">
      {text}
    </p>
  );
}
