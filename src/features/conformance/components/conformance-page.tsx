/**
 * `/endpoints/:endpointId/conformance`: runs the conformance suite against the endpoint and shows
 * each check as it ends (pass, fail or skip, why, the spec section, its exchanges). Reading checks
 * only read; the changes checks run only when the tenant allows them, and remove what they made.
 */
import './conformance.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { endpointsQuery } from '../../../lib/occi-queries.ts';
import type { ConformanceRun } from '../api/conformance-runs.ts';
import { useConformanceRun } from '../api/use-conformance-run.ts';
import { CONFORMANCE_CHECKS } from '../suite/conformance-checks.ts';
import type { CheckDefinition, CheckGroup, CheckResult } from '../suite/conformance-types.ts';
import { CheckRow } from './check-row.tsx';
import { CleanupNote } from './cleanup-note.tsx';
import type { CheckState } from './outcome-badge.tsx';
import { RunSummary } from './run-summary.tsx';

const GROUPS: readonly { readonly group: CheckGroup; readonly heading: string; readonly about: string }[] = [
  {
    group: 'discovery',
    heading: 'Discovery',
    about: 'The query interface at /-/: the core and infrastructure kinds, the renderings and the OCCI version.',
  },
  { group: 'reading', heading: 'Reading', about: 'Collections, entities and filtered lists, read only.' },
  {
    group: 'changes',
    heading: 'Changes',
    about: 'Test resources created, updated, acted on and deleted: only when changes are allowed.',
  },
];

function stateOf(check: CheckDefinition, result: CheckResult | undefined, run: ConformanceRun): CheckState {
  if (result !== undefined) return result.outcome;
  if (run.running === check.id) return 'running';
  return run.status === 'running' ? 'waiting' : 'not-run';
}

export function ConformancePage() {
  const { endpointId = '' } = useParams();
  const client = useOcciClient();
  const endpoints = useQuery(endpointsQuery(client));
  const title = endpoints.data?.find((endpoint) => endpoint.id === endpointId)?.title ?? endpointId;
  const { run, start, cancel } = useConformanceRun(endpointId);
  const [allowChanges, setAllowChanges] = useState(false);
  const [onlyFailures, setOnlyFailures] = useState(false);
  const running = run.status === 'running';
  const results = new Map(run.results.map((result) => [result.id, result]));
  const rows = CONFORMANCE_CHECKS.map((check) => {
    const result = results.get(check.id);
    return { check, result, state: stateOf(check, result, run) };
  }).filter((row) => !onlyFailures || row.state === 'fail');
  const report =
    run.report === undefined
      ? undefined
      : JSON.stringify(
          { endpoint: client.endpointUrl(endpointId) ?? endpointId, allowChanges: run.allowChanges, ...run.report },
          null,
          2,
        );
  const stopped = run.status === 'failed' ? describeError(run.error) : undefined;
  return (
    <div className="conformance-page">
      <header className="page-header">
        <h1>Conformance of {title}</h1>
        <p>
          These checks test how closely this endpoint follows the OCCI 1.2 specification, covering the test descriptions
          of ETSI TS 103 142. Discovery reads the query interface: the core and infrastructure kinds, the renderings it
          offers and the OCCI version it names. Reading lists collections, reads entities and tries filters; these
          checks only read and change nothing. Only if you allow changes does the run create test resources, update
          them, invoke their actions and delete them, and it removes everything it created afterwards. Each check says
          why it passed or failed and which part of the specification it rests on, and its requests open in the
          inspector.
        </p>
      </header>

      <div className="conformance-controls">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={running ? run.allowChanges : allowChanges}
            disabled={running}
            onChange={(event) => setAllowChanges(event.target.checked)}
          />
          Allow changes: create, update, act and delete test resources (removed afterwards)
        </label>
        {/* One button that changes its words, so focus stays on it from Run to Cancel and back. */}
        <button
          className={running ? 'button secondary' : 'button'}
          type="button"
          disabled={run.cancelling}
          onClick={() => (running ? cancel() : start(allowChanges))}
        >
          {running ? (run.cancelling ? 'Cancelling…' : 'Cancel') : run.status === 'idle' ? 'Run' : 'Run again'}
        </button>
        {running ? (
          <p className="muted small conformance-note">
            The run goes on if you open another page, and still removes what it created; come back here for its report.
          </p>
        ) : null}
      </div>

      <div className="conformance-results">
        <div className="conformance-toolbar">
          <RunSummary run={run} total={CONFORMANCE_CHECKS.length} />
          <label className="checkbox">
            <input type="checkbox" checked={onlyFailures} onChange={(event) => setOnlyFailures(event.target.checked)} />
            Show only failures
          </label>
          {report === undefined ? null : <CopyButton className="conformance-copy" label="Copy as JSON" text={report} />}
        </div>
        <CleanupNote run={run} />
        {stopped === undefined ? null : (
          <ErrorPanel
            context="The run stopped"
            title={stopped.title}
            detail={stopped.detail}
            hint="The checks after this point did not run. Run again; if it stops again, the inspector shows the last request."
          />
        )}
        {onlyFailures && rows.length === 0 ? <p className="empty-state muted">No check has failed.</p> : null}
        {GROUPS.map(({ group, heading, about }) => {
          const shown = rows.filter((row) => row.check.group === group);
          if (shown.length === 0) return null;
          return (
            <section key={group} className="check-group" aria-label={heading}>
              <h2>{heading}</h2>
              <p className="muted small">{about}</p>
              <ol className="check-list">
                {shown.map(({ check, result, state }) => (
                  <CheckRow key={check.id} check={check} result={result} state={state} />
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
