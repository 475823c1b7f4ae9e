/**
 * The conformance runs of this page load, one per endpoint, kept outside React: a run goes on when
 * the tenant opens another page, so that what it created is still removed, and its report is there
 * when they come back. Each run sends its requests through the occi client's `raw`, so every
 * exchange is recorded for the inspector.
 */
import type { OcciClient } from '../../../lib/occi-client.ts';
import type { CheckResult, ConformanceReport, Transport } from '../suite/conformance-types.ts';
import { isConformanceAborted, runConformance } from '../suite/run-conformance.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ConformanceRun {
  readonly status: RunStatus;
  /** Whether this run may create, update, act and delete. */
  readonly allowChanges: boolean;
  /** The results so far, in the order the suite ran them. */
  readonly results: readonly CheckResult[];
  /** The id of the check under way. */
  readonly running: string | undefined;
  /** Cancel was asked for; the run ends once the request under way has ended. */
  readonly cancelling: boolean;
  /** The whole report, once the run has ended with one. */
  readonly report: ConformanceReport | undefined;
  /** Why the suite itself stopped (not a check's failure), when the status is `failed`. */
  readonly error: unknown;
  readonly startedAt: number | undefined;
  readonly finishedAt: number | undefined;
}

export const NOT_RUN: ConformanceRun = {
  status: 'idle',
  allowChanges: false,
  results: [],
  running: undefined,
  cancelling: false,
  report: undefined,
  error: undefined,
  startedAt: undefined,
  finishedAt: undefined,
};

export interface ConformanceRuns {
  /** The endpoint's last run, or NOT_RUN; the same object until it changes (for useSyncExternalStore). */
  get(endpointId: string): ConformanceRun;
  subscribe(listener: () => void): () => void;
  /** Starts a run, unless one is under way on this endpoint. */
  start(endpointId: string, allowChanges: boolean): void;
  cancel(endpointId: string): void;
}

const perClient = new WeakMap<OcciClient, ConformanceRuns>();

/** The runs of this client (the app has one); made on first use. */
export function conformanceRuns(client: OcciClient): ConformanceRuns {
  let runs = perClient.get(client);
  if (runs === undefined) {
    runs = createConformanceRuns(client);
    perClient.set(client, runs);
  }
  return runs;
}

function createConformanceRuns(client: OcciClient): ConformanceRuns {
  const runs = new Map<string, ConformanceRun>();
  const controllers = new Map<string, AbortController>();
  const listeners = new Set<() => void>();
  const set = (endpointId: string, run: ConformanceRun) => {
    runs.set(endpointId, run);
    for (const listener of listeners) listener();
  };
  const get = (endpointId: string) => runs.get(endpointId) ?? NOT_RUN;
  const update = (endpointId: string, change: (run: ConformanceRun) => Partial<ConformanceRun>) => {
    const run = get(endpointId);
    set(endpointId, { ...run, ...change(run) });
  };

  function start(endpointId: string, allowChanges: boolean): void {
    if (controllers.has(endpointId)) return;
    const controller = new AbortController();
    controllers.set(endpointId, controller);
    set(endpointId, { ...NOT_RUN, status: 'running', allowChanges, startedAt: Date.now() });
    const transport: Transport = (request, signal) =>
      client.raw(endpointId, { ...request, ...(signal !== undefined && { signal }) });
    const end = (change: Partial<ConformanceRun>) => {
      controllers.delete(endpointId);
      update(endpointId, () => ({ ...change, running: undefined, cancelling: false, finishedAt: Date.now() }));
    };
    runConformance({
      transport,
      allowChanges,
      signal: controller.signal,
      onStart: (check) => update(endpointId, () => ({ running: check.id })),
      onResult: (result) => update(endpointId, (run) => ({ results: [...run.results, result] })),
    }).then(
      (report) => end({ status: 'done', report }),
      (error: unknown) => {
        // A cancelled run still removes what it made, and says so in the report it carries.
        if (isConformanceAborted(error)) end({ status: 'cancelled', report: error.report });
        else if (controller.signal.aborted) end({ status: 'cancelled' });
        else end({ status: 'failed', error });
      },
    );
  }

  return {
    get,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    cancel(endpointId) {
      const controller = controllers.get(endpointId);
      if (controller === undefined || controller.signal.aborted) return;
      controller.abort();
      update(endpointId, () => ({ cancelling: true }));
    },
  };
}
