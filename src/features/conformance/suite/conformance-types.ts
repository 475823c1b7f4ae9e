/**
 * The endpoint conformance suite as its two users see it: the console's Conformance page and the
 * `npm run conformance` command line. The suite is pure TypeScript on the protocol library (no
 * React, no DOM, no node:*): it sends its requests through a transport it is given, so the page
 * sends them through the occi client (and the inspector records them) and the command line sends
 * them with fetch.
 */

/** One HTTP request a check wants sent. */
export interface ProbeRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Relative to the endpoint's URL (`-/`, `compute/`, `compute/?action=stop`), or one of the
   * server's own URLs as it wrote them: absolute (ooi) or from its root (rOCCI).
   */
  readonly path: string;
  /** Header fields, one value each (what fetch can send). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** What the check is doing, in words, for the inspector: "Conformance: read the query interface". */
  readonly purpose: string;
}

/** The answer, whatever its status: a 4xx or 5xx is an answer, not a failure of the transport. */
export interface ProbeResponse {
  readonly status: number;
  /** Header fields as received (fetch joins repeated lines with ", "). Names in any case. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** The inspector's id for this exchange, when the transport records exchanges. */
  readonly exchangeId?: number;
}

/**
 * Sends one request. Rejects only when there is no answer (refused, time-out, cancelled); the
 * suite reports that as the check's failure, in the rejection's words.
 */
export type Transport = (request: ProbeRequest, signal?: AbortSignal) => Promise<ProbeResponse>;

/** Discovery reads `/-/`; reading reads collections and entities; changes create, update, act and delete. */
export type CheckGroup = 'discovery' | 'reading' | 'changes';

export type CheckOutcome = 'pass' | 'fail' | 'skip';

/** What a check is, before it runs. */
export interface CheckDefinition {
  /** Stable, for scripts and tests: `discovery.query-interface`, `changes.create-compute`. */
  readonly id: string;
  /** What it proves, in words: "The query interface answers 200 in the rendering asked for". */
  readonly title: string;
  readonly group: CheckGroup;
  /** The spec section it rests on: "GFD.223 §3.4.1 Query interface". */
  readonly spec: string;
  /** The ETSI TS 103 142 test description it covers, when one does: `OCCI/CORE/DISCOVERY/001`. */
  readonly etsi?: string;
}

export interface CheckResult extends CheckDefinition {
  readonly outcome: CheckOutcome;
  /** Why, in words, with the evidence: "answered 200 with X-OCCI-Location instead of 201 with Location". */
  readonly reason: string;
  /**
   * When the failure is one real servers commonly show, who shows it and what it is:
   * "ooi answers a create with 200 and X-OCCI-Location".
   */
  readonly deviation?: string;
  /** The exchanges the check made, in order (ids from ProbeResponse.exchangeId). */
  readonly exchanges: readonly number[];
  readonly durationMs: number;
}

export interface ConformanceOptions {
  readonly transport: Transport;
  /** Create, update, act and delete. Without it the changes checks are skipped, and nothing is changed. */
  readonly allowChanges: boolean;
  readonly signal?: AbortSignal;
  /** Called as each check starts, so a page can show which one is running. */
  readonly onStart?: (check: CheckDefinition) => void;
  /** Called as each check ends, in the order of CONFORMANCE_CHECKS. */
  readonly onResult?: (result: CheckResult) => void;
  /**
   * How long a change check waits for a resource to settle (a VM to boot, a delete to finish)
   * before it judges what it has. Default 120 s; the demo cloud needs 1.5 s.
   */
  readonly settleTimeoutMs?: number;
}

export interface ConformanceReport {
  readonly results: readonly CheckResult[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** What the suite created and then removed, and what it could not remove (by the server's URL). */
  readonly cleanup: { readonly removed: readonly string[]; readonly leftBehind: readonly string[] };
}
