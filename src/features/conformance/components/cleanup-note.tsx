import type { ConformanceRun } from '../api/conformance-runs.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Locations({ locations }: { locations: readonly string[] }) {
  return (
    <ul className="cleanup-list">
      {locations.map((location) => (
        <li key={location}>
          <code>{location}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * What a run that has ended changed: nothing (changes not allowed), everything it created removed,
 * or, plainly, the test resources it could not remove and that the tenant has to delete.
 */
export function CleanupNote({ run }: { run: ConformanceRun }) {
  if (run.status === 'idle' || run.status === 'running') return null;
  if (!run.allowChanges) {
    return (
      <p className="cleanup muted">
        Nothing was changed: changes were not allowed, so the changes checks were skipped.
      </p>
    );
  }
  const cleanup = run.report?.cleanup;
  if (cleanup === undefined) {
    return (
      <div className="cleanup status warn" role="alert">
        <p>
          <strong>The run ended before it could clean up.</strong> Test resources it created may be left behind: look
          for this run's create requests (POST) in the inspector, and delete what they made.
        </p>
      </div>
    );
  }
  const { removed, leftBehind } = cleanup;
  return (
    <>
      {leftBehind.length === 0 ? null : (
        <div className="cleanup status error" role="alert">
          <p>
            <strong>
              Left behind: {plural(leftBehind.length, 'test resource', 'test resources')} could not be removed.
            </strong>{' '}
            They are still on the endpoint; delete them yourself:
          </p>
          <Locations locations={leftBehind} />
        </div>
      )}
      {removed.length === 0 ? (
        leftBehind.length === 0 ? (
          <p className="cleanup muted">Nothing to clean up: the run created no test resources.</p>
        ) : null
      ) : (
        <details className="cleanup">
          <summary>
            {leftBehind.length === 0
              ? `Cleanup: removed all ${plural(removed.length, 'test resource', 'test resources')} the run created; nothing was left behind.`
              : `Cleanup: removed ${plural(removed.length, 'test resource', 'test resources')}.`}
          </summary>
          <Locations locations={removed} />
        </details>
      )}
    </>
  );
}
