/**
 * Reading an entity in text/plain, and reading it again until it is where a check needs it (a VM
 * booted, an action done): real clouds take seconds to minutes, the demo cloud none or 1.5 s.
 */
import type { Entity } from '../../../occi/index.ts';
import { describeAnswer, parseAnswer } from './answers.ts';
import type { CheckContext } from './check-kit.ts';
import type { ProbeResponse } from './conformance-types.ts';
import { getRequest, TEXT } from './requests.ts';

export interface EntityRead {
  readonly response: ProbeResponse;
  readonly entity: Entity | undefined;
  /** Why there is no entity: the status, or why it does not parse. */
  readonly problem: string | undefined;
}

export async function readEntity(context: CheckContext, location: string, words: string): Promise<EntityRead> {
  const response = await context.send(getRequest(location, TEXT, words));
  if (response.status !== 200) return { response, entity: undefined, problem: `answered ${describeAnswer(response)}` };
  const parsed = parseAnswer('entity', response);
  return parsed.ok
    ? { response, entity: parsed.model, problem: undefined }
    : { response, entity: undefined, problem: parsed.error };
}

export interface Waited extends EntityRead {
  /** Whether `done` held before the time ran out. */
  readonly reached: boolean;
  readonly waitedMs: number;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/** Reads the entity until `done` holds, it cannot be read, or `settleTimeoutMs` has passed. */
export async function waitForEntity(
  context: CheckContext,
  location: string,
  done: (entity: Entity) => boolean,
  words: string,
): Promise<Waited> {
  const started = Date.now();
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const read = await readEntity(context, location, words);
    const waitedMs = Date.now() - started;
    if (read.entity === undefined) return { ...read, reached: false, waitedMs };
    if (done(read.entity)) return { ...read, reached: true, waitedMs };
    if (waitedMs + delay > context.settleTimeoutMs) return { ...read, reached: false, waitedMs };
    await context.sleep(delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

export function stateOf(entity: Entity | undefined, attribute = 'occi.compute.state'): string | undefined {
  const value = entity?.attributes.get(attribute);
  return typeof value === 'string' ? value : undefined;
}
