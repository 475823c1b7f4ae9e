/**
 * Runs the suite against one endpoint through the transport it is given: each check in turn, its
 * exchanges and time recorded, a transport rejection failing that check in the rejection's words.
 * Without `allowChanges` the change checks are skipped and nothing but GET is sent. With it,
 * everything made is deleted at the end, whatever the checks said, and even after a cancel.
 */
import {
  type Check,
  type CheckContext,
  FailCheck,
  fail,
  SkipCheck,
  skip,
  TransportFailure,
  type Verdict,
} from './check-kit.ts';
import { type CleanUpResult, cleanUp } from './clean-up.ts';
import { definitionOf, SUITE } from './conformance-checks.ts';
import type {
  CheckResult,
  ConformanceOptions,
  ConformanceReport,
  ProbeRequest,
  ProbeResponse,
  Transport,
} from './conformance-types.ts';
import { RunState } from './run-state.ts';

/** How long a check waits for a resource to settle (a VM to boot, a delete to finish). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 120_000;

export const CHANGES_NOT_ALLOWED = 'changes not allowed';

/**
 * The run was cancelled (`signal` aborted). What had run, and the clean-up that followed, are in
 * `report`; the check under way when the signal came has no result.
 */
export class ConformanceAbortedError extends Error {
  override readonly name = 'AbortError';
  readonly report: ConformanceReport;
  constructor(report: ConformanceReport, cause: unknown) {
    super('the conformance run was cancelled', { cause });
    this.report = report;
  }
}

export function isConformanceAborted(error: unknown): error is ConformanceAbortedError {
  return error instanceof ConformanceAbortedError;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A promise that waits `ms`, or rejects when the signal aborts. */
function sleeper(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}

function verdictOf(error: unknown): Verdict {
  if (error instanceof SkipCheck) return skip(error.message);
  if (error instanceof FailCheck) return fail(error.message, error.deviation);
  if (error instanceof TransportFailure) return fail(error.message);
  return fail(`the check could not finish: ${messageOf(error)}`);
}

interface Recorder {
  readonly context: CheckContext;
  readonly exchanges: number[];
}

function recorder(
  state: RunState,
  transport: Transport,
  allowChanges: boolean,
  signal: AbortSignal | undefined,
  settleTimeoutMs: number,
): Recorder {
  const exchanges: number[] = [];
  const note = (response: ProbeResponse | undefined) => {
    if (response?.exchangeId !== undefined && !exchanges.includes(response.exchangeId))
      exchanges.push(response.exchangeId);
  };
  const context: CheckContext = {
    state,
    signal,
    settleTimeoutMs,
    sleep: sleeper(signal),
    cite: (...responses) => {
      for (const response of responses) note(response);
    },
    async send(request: ProbeRequest) {
      // A safety net under the skip: a read-only run never changes anything.
      if (!allowChanges && request.method !== 'GET') {
        throw new Error(`refusing to send ${request.method} ${request.path}: ${CHANGES_NOT_ALLOWED}`);
      }
      let response: ProbeResponse;
      try {
        response = await transport(request, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new TransportFailure(`${request.method} ${request.path} got no answer: ${messageOf(error)}`);
      }
      note(response);
      state.answers.push(response);
      return response;
    },
  };
  return { context, exchanges };
}

function summarise(results: readonly CheckResult[], cleanup: CleanUpResult): ConformanceReport {
  const count = (outcome: CheckResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return { results, passed: count('pass'), failed: count('fail'), skipped: count('skip'), cleanup };
}

export interface RunConformanceOptions extends ConformanceOptions {
  /** For tests: the checks to run instead of the whole suite. */
  readonly checks?: readonly Check[];
}

export async function runConformance(options: RunConformanceOptions): Promise<ConformanceReport> {
  const { transport, allowChanges, signal, onStart, onResult } = options;
  const settleTimeoutMs = options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
  const state = new RunState();
  const results: CheckResult[] = [];
  let aborted = false;
  for (const check of options.checks ?? SUITE) {
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    const definition = definitionOf(check);
    onStart?.(definition);
    const started = Date.now();
    const { context, exchanges } = recorder(state, transport, allowChanges, signal, settleTimeoutMs);
    let verdict: Verdict;
    if (check.group === 'changes' && !allowChanges) {
      verdict = skip(CHANGES_NOT_ALLOWED);
    } else {
      try {
        verdict = await check.run(context);
      } catch (error) {
        if (signal?.aborted) {
          aborted = true;
          break;
        }
        verdict = verdictOf(error);
      }
    }
    const result: CheckResult = { ...definition, ...verdict, exchanges, durationMs: Date.now() - started };
    results.push(result);
    onResult?.(result);
  }
  // Not cancellable: what the suite made must go, cancelled run or not. Each request still has
  // the transport's own time-out.
  const cleanup = await cleanUp(state.created, transport, sleeper(undefined));
  const report = summarise(results, cleanup);
  if (aborted) throw new ConformanceAbortedError(report, signal?.reason);
  return report;
}
