/**
 * What a check is made of: its definition, a `run` that sends requests through the context and
 * returns a verdict, and the ways out (pass, fail, skip). The runner (run-conformance.ts) turns a
 * verdict into a CheckResult with the exchanges and the time it took.
 */
import type { CheckDefinition, CheckOutcome, ProbeRequest, ProbeResponse } from './conformance-types.ts';
import type { RunState } from './run-state.ts';

export interface Verdict {
  readonly outcome: CheckOutcome;
  readonly reason: string;
  readonly deviation?: string;
}

export function pass(reason: string): Verdict {
  return { outcome: 'pass', reason };
}

export function fail(reason: string, deviation?: string): Verdict {
  return deviation === undefined ? { outcome: 'fail', reason } : { outcome: 'fail', reason, deviation };
}

export function skip(reason: string): Verdict {
  return { outcome: 'skip', reason };
}

/** Thrown by a check that cannot run because something it needs is missing (an earlier check failed). */
export class SkipCheck extends Error {
  override readonly name = 'SkipCheck';
}

/** Thrown by a check that must stop with a failure from deep inside a helper. */
export class FailCheck extends Error {
  override readonly name = 'FailCheck';
  readonly deviation: string | undefined;
  constructor(reason: string, deviation?: string) {
    super(reason);
    this.deviation = deviation;
  }
}

/** The transport gave no answer: the check fails in the transport's words. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
}

/** The value, or a skip saying why the check cannot go on without it. */
export function need<T>(value: T | undefined | null, reason: string): T {
  if (value === undefined || value === null) throw new SkipCheck(reason);
  return value;
}

export interface CheckContext {
  readonly state: RunState;
  readonly signal: AbortSignal | undefined;
  /** How long to wait for a resource to reach a state (a VM booting, a delete finishing). */
  readonly settleTimeoutMs: number;
  /** Sends a request and records its exchange for this check. Rejects with TransportFailure. */
  send(request: ProbeRequest): Promise<ProbeResponse>;
  /** Records exchanges an earlier check made that this one judges too. */
  cite(...responses: readonly (ProbeResponse | undefined)[]): void;
  /** Waits, unless the run is cancelled. */
  sleep(ms: number): Promise<void>;
}

export interface Check extends CheckDefinition {
  run(context: CheckContext): Promise<Verdict>;
}
