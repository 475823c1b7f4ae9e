/** What every handler works with: the cloud's state and settings, and the request being answered. */
import type { Negotiated } from './negotiate-response.ts';
import type { QuirkBehaviour } from './quirks/quirk-behaviour.ts';
import type { RequestBody } from './read-request-body.ts';
import type { DemoStore } from './store.ts';

export interface DemoContext {
  readonly store: DemoStore;
  readonly behaviour: QuirkBehaviour;
  readonly now: () => number;
  readonly actionDelayMs: number;
  /** A new entity id (a UUID). */
  readonly newId: () => string;
  /** A number in [0, 1), for MAC addresses and the like. */
  readonly random: () => number;
}

export interface RequestContext extends DemoContext {
  readonly request: Request;
  readonly url: URL;
  /** Upper case. HEAD is answered as GET, without the body. */
  readonly method: string;
  readonly negotiated: Negotiated;
  readonly body: RequestBody;
}
