/**
 * The conformance page (`/endpoints/demo/conformance`) as a user sees it: the Allow changes box, the
 * Run button, the summary line, the cleanup note and the checks in their groups, each row a list
 * item named by its title with its outcome badge. Each method waits for what a user would wait for
 * (the summary of an ended run), never for a time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type CheckGroupName = 'Discovery' | 'Reading' | 'Changes';

/** A whole run against the demo cloud, whose actions take 1.5 s each, with the changes allowed. */
const RUN_TIMEOUT = 90_000;

export class ConformancePage {
  readonly heading: Locator;
  readonly allowChanges: Locator;
  /** "Run", then "Cancel" while running, then "Run again". */
  readonly runButton: Locator;
  /** "N passed, M failed, K skipped", or where the run is. */
  readonly summary: Locator;
  /** The alert listing the test resources a run could not remove. */
  readonly leftBehind: Locator;
  readonly cleanup: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: /^Conformance of /, level: 1 });
    this.allowChanges = page.getByRole('checkbox', { name: /^Allow changes/ });
    this.runButton = page.getByRole('button', { name: /^(Run|Run again)$/ });
    this.summary = page.locator('.conformance-summary');
    this.leftBehind = page.getByRole('alert').filter({ hasText: 'Left behind' });
    this.cleanup = page.locator('.cleanup');
  }

  async goto(): Promise<void> {
    await this.page.goto('/endpoints/demo/conformance');
    await expect(this.heading).toBeVisible();
    await expect(this.summary).toHaveText(/checks, not run yet/);
  }

  group(name: CheckGroupName): Locator {
    return this.page.getByRole('region', { name });
  }

  rows(scope: Locator = this.page.locator('.conformance-results')): Locator {
    return scope.getByRole('listitem').filter({ has: this.page.locator('.check-badge') });
  }

  /** The outcome words of the rows in a scope, in order: pass, fail, skip, running, waiting, not run. */
  async outcomes(scope?: Locator): Promise<string[]> {
    return (await this.rows(scope).locator('.check-badge').allTextContents()).map((text) => text.trim());
  }

  /** Clicks Run (or Run again) and waits for the run's summary. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(this.summary).toHaveText(/^\d+ passed, \d+ failed, \d+ skipped/, { timeout: RUN_TIMEOUT });
  }

  /** The numbers of the summary line. */
  async counts(): Promise<{ passed: number; failed: number; skipped: number }> {
    const text = (await this.summary.textContent()) ?? '';
    const match = /^(\d+) passed, (\d+) failed, (\d+) skipped/.exec(text);
    expect(match, `the summary "${text}" gives the counts`).not.toBeNull();
    const [, passed, failed, skipped] = (match ?? []).map(Number);
    return { passed: passed ?? 0, failed: failed ?? 0, skipped: skipped ?? 0 };
  }

  async screen(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/artifacts/screens/${name}.png`, fullPage: true });
  }
}
