/**
 * The end of a run that made changes: everything the suite made is deleted, newest first (links
 * before what they join, a user mixin before nothing), whatever the checks said. A DELETE that
 * fails is tried again a little later (a volume still detaching); what cannot be removed is named.
 */
import type { ProbeRequest, Transport } from './conformance-types.ts';
import type { Created } from './run-state.ts';

export interface CleanUpResult {
  readonly removed: readonly string[];
  readonly leftBehind: readonly string[];
}

/** Waits between passes over what could not be removed yet. */
export const CLEAN_UP_RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];

function deletion(created: Created): ProbeRequest {
  if (created.what === 'user-mixin') {
    return {
      method: 'DELETE',
      path: '-/',
      headers: { Accept: 'text/plain', 'Content-Type': 'text/occi', Category: created.category ?? '' },
      purpose: `Conformance: clean up the user mixin ${created.location}`,
    };
  }
  return {
    method: 'DELETE',
    path: created.location,
    headers: { Accept: 'text/plain' },
    purpose: `Conformance: clean up ${created.location}`,
  };
}

async function tryRemove(transport: Transport, created: Created): Promise<boolean> {
  try {
    const response = await transport(deletion(created));
    // Gone already counts: a link goes with the resource it starts from.
    return (response.status >= 200 && response.status < 300) || response.status === 404 || response.status === 410;
  } catch {
    return false;
  }
}

export async function cleanUp(
  created: readonly Created[],
  transport: Transport,
  sleep: (ms: number) => Promise<void>,
  retryDelaysMs: readonly number[] = CLEAN_UP_RETRY_DELAYS_MS,
): Promise<CleanUpResult> {
  const removed: string[] = [];
  const leftBehind: string[] = [];
  let pending: Created[] = [];
  for (const item of [...created].reverse()) {
    if (item.removed === true) removed.push(item.location);
    else if (!item.known) leftBehind.push(item.location);
    else pending.push(item);
  }
  for (let pass = 0; pending.length > 0; pass++) {
    const failed: Created[] = [];
    for (const item of pending) {
      if (await tryRemove(transport, item)) removed.push(item.location);
      else failed.push(item);
    }
    pending = failed;
    const delay = retryDelaysMs[pass];
    if (pending.length === 0 || delay === undefined) break;
    await sleep(delay);
  }
  leftBehind.push(...pending.map((item) => item.location));
  return { removed, leftBehind };
}
