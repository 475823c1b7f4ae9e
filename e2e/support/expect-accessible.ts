import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** The WCAG 2.0 and 2.1 A and AA rules: what issue 5 asks of every screen. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe over the page as it is now and fails on any serious or critical violation of WCAG 2.1
 * A/AA, listing each as rule id, impact, help text and the selectors of the offending nodes.
 * Minor and moderate findings are attached to the test report without failing it.
 *
 * `name` says which screen (and theme, size...) was scanned, in the failure message.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Legacy mode runs axe in the page itself; the default mode opens a second, blank page to put
  // the results of each frame together, which takes three times as long. The console has no frames.
  // Only violations are read: the details of passed and inapplicable rules cost time to gather.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  const minor = results.violations.filter((violation) => !BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (minor.length > 0) {
    await test.info().attach(`axe minor findings: ${name}`, { body: listViolations(minor), contentType: 'text/plain' });
  }
  expect(blocking.length, `axe found serious or critical violations on ${name}:\n${listViolations(blocking)}\n`).toBe(
    0,
  );
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function listViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const target = node.target.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
          const summary = node.failureSummary?.split('\n').slice(1).join('; ').trim();
          return `    - ${target}${summary ? `: ${summary}` : ''}`;
        })
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}
