/**
 * Every check of the suite, in the order a run takes them: discovery, reading, then the changes
 * (creates first, so the updates, the action and the delete have something of their own to work
 * on). The page lists these before a run; `runConformance` runs `SUITE`, the same checks.
 */
import { CHANGE_CHECKS } from './change-checks.ts';
import type { Check } from './check-kit.ts';
import type { CheckDefinition } from './conformance-types.ts';
import { CREATE_CHECKS } from './create-checks.ts';
import { DISCOVERY_CHECKS } from './discovery-checks.ts';
import { READING_CHECKS } from './reading-checks.ts';

/** The runnable checks. */
export const SUITE: readonly Check[] = [...DISCOVERY_CHECKS, ...READING_CHECKS, ...CREATE_CHECKS, ...CHANGE_CHECKS];

/** What a check is, without its code: id, title, group, spec and ETSI test. */
export function definitionOf(check: CheckDefinition): CheckDefinition {
  const { id, title, group, spec, etsi } = check;
  return etsi === undefined ? { id, title, group, spec } : { id, title, group, spec, etsi };
}

export const CONFORMANCE_CHECKS: readonly CheckDefinition[] = SUITE.map(definitionOf);
