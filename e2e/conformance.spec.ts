/**
 * The conformance journey: run the suite against the demo cloud without changes (the changes checks
 * skipped, nothing changed), then with changes allowed (everything it created removed), and open one
 * check's exchange in the inspector. Tagged @profiles: against the ooi, rOCCI and pyssf quirk
 * profiles the suite reports failures, and each one shown must name the known deviation behind it.
 */
import { expect, test } from '@playwright/test';
import { ConformancePage } from './support/conformance-page.ts';
import { expectAccessible } from './support/expect-accessible.ts';

test('conformance: run without changes, then with changes allowed, nothing left behind @profiles', async ({ page }) => {
  // Two whole runs, the second through creates, actions (1.5 s each in the demo cloud) and deletes.
  test.setTimeout(180_000);
  const profile = test.info().project.name;
  const standard = profile === 'standard';
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  const conformance = new ConformancePage(page);

  /** In the standard profile nothing fails; in a quirk profile every failure names its deviation. */
  const expectFailuresExplained = async () => {
    const { failed } = await conformance.counts();
    if (standard) expect(failed, 'no check fails against the standard demo cloud').toBe(0);
    const failures = conformance.rows().filter({ has: page.locator('.check-badge', { hasText: /^fail$/ }) });
    await expect(failures).toHaveCount(failed);
    for (const row of await failures.all()) await expect(row).toContainText('Known deviation:');
  };

  await test.step('open the page from the endpoint’s tabs: every check listed, not run', async () => {
    await page.goto('/endpoints/demo');
    // The endpoint's address opens its first list once the model is read; the tab is clicked on that
    // list, as a user would (a click during the redirect would be overtaken by it).
    await expect(page).toHaveURL(/\/endpoints\/demo\/resources\/compute\/$/);
    await page.getByRole('link', { name: 'Conformance', exact: true }).click();
    // The page is a chunk of its own, loaded at this first visit: on a busy machine that takes seconds.
    await expect(conformance.heading).toHaveText('Conformance of Demo cloud', { timeout: 15_000 });
    await expect(conformance.summary).toHaveText(/^\d+ checks, not run yet\.$/);
    await expect(conformance.allowChanges).not.toBeChecked();
    const outcomes = await conformance.outcomes();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['not run']));
  });

  await test.step('run without changes: the changes checks skipped, nothing changed', async () => {
    await conformance.run();
    expect(new Set(await conformance.outcomes(conformance.group('Changes')))).toEqual(new Set(['skip']));
    if (standard) {
      const read = [
        ...(await conformance.outcomes(conformance.group('Discovery'))),
        ...(await conformance.outcomes(conformance.group('Reading'))),
      ];
      expect(new Set(read)).toEqual(new Set(['pass']));
    }
    await expectFailuresExplained();
    await expect(conformance.cleanup).toHaveText(/^Nothing was changed/);
  });

  await test.step('run again with changes allowed: everything it created removed', async () => {
    await conformance.allowChanges.check();
    await expect(conformance.runButton).toHaveText('Run again');
    await conformance.run();
    if (standard) {
      await expect(conformance.summary).toHaveText(/^\d+ passed, 0 failed, 0 skipped in .*\. Every check passed\.$/);
    }
    await expectFailuresExplained();
    await expect(conformance.leftBehind).toHaveCount(0);
    await expect(conformance.cleanup.first()).toContainText(
      /nothing was left behind|the run created no test resources/,
    );
    await conformance.screen(`conformance-${profile}`);
    await expectAccessible(page, `the conformance page after a run (${profile}, light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `the conformance page after a run (${profile}, dark)`);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('open the first check’s exchange in the inspector', async () => {
    const first = conformance.rows(conformance.group('Discovery')).first();
    await first.getByRole('button', { name: 'Exchange 1' }).click();
    const drawer = page.getByRole('complementary', { name: 'Inspector' });
    await expect(drawer).toBeVisible();
    await expect(page).toHaveURL(/[?&]exchange=/);
    const detail = drawer.locator('.inspector-detail');
    await expect(detail.getByRole('heading', { level: 3 })).toHaveText(/^Conformance/);
    await expect(detail).toContainText('/occi/demo/');
    await page.screenshot({ path: `e2e/artifacts/screens/conformance-exchange-${profile}.png` });
  });
});
