/**
 * How a demo cloud is set up. One instance is one provider: its own store, clock and quirks.
 */

/**
 * The documented deviations of real servers, reproduced so the console can be proven against
 * each (spec digest §4.8 and §5):
 * - `standard`: what OCCI 1.2 says.
 * - `ooi`: 200 and `X-OCCI-Location` on create, 204 for empty lists, absolute URLs everywhere,
 *   every action always advertised, attribute definitions only in JSON discovery.
 * - `rocci`: `X-OCCI-Category`/`X-OCCI-Link` header names, a client-supplied `occi.core.id`
 *   required on create, 406 on an `Accept` of any type (star-slash-star) or none, JSON labelled `application/json`.
 * - `pyssf`: every value quoted (numbers too), text/occi values comma-folded into one header per
 *   name with the body `OK`, the entity's path as its `occi.core.id`.
 */
export type QuirkProfile = 'standard' | 'ooi' | 'rocci' | 'pyssf';

export const QUIRK_PROFILES: readonly QuirkProfile[] = ['standard', 'ooi', 'rocci', 'pyssf'];

export type DemoSeed = 'tenant' | 'empty' | { readonly resources: number };

export interface DemoCloudOptions {
  /** Default `standard`. */
  readonly profile?: QuirkProfile;
  /** `tenant` (default): a small believable tenant; `{ resources: N }`: N VMs, up to 10,000. */
  readonly seed?: DemoSeed;
  /** How long an action takes to reach its target state, in ms. Default 1500; 0 is at once. */
  readonly actionDelayMs?: number;
  /** Added before every answer, in ms. Default 0. */
  readonly latencyMs?: number;
  /** Share of requests (0 to 1) answered with a 500 or 503, as a failing cloud would. Default 0. */
  readonly errorRate?: number;
  /** The clock, in ms; tests pass a fake one. Default `Date.now`. */
  readonly now?: () => number;
  /** Random numbers in [0, 1) for faults and generated ids; tests pass a seeded one. */
  readonly random?: () => number;
  /** Waits `ms` before answering (latency); tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DemoCloud {
  /** Answers one OCCI request. Never rejects: any failure becomes a well-formed OCCI error. */
  handle(request: Request): Promise<Response>;
}
