import { expect, test } from '@playwright/test';
import { screensDir } from './support/console-pages.ts';

const COMPUTE = 'http://schemas.ogf.org/occi/infrastructure#compute';

// The start page and the model browser, through the real proxy and the embedded demo cloud.
test.describe('the console’s endpoints and model browser', () => {
  test('shows the demo endpoint as reachable with its OCCI version @profiles', async ({ page }) => {
    // pyssf speaks OCCI 1.1 only, and its profile says so in Server as pyssf does.
    const version = test.info().project.name === 'pyssf' ? 'OCCI/1.1' : 'OCCI/1.2';
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible();
    const card = page.getByRole('article', { name: 'Demo cloud' });
    await expect(card.getByRole('status')).toContainText('Reachable');
    await expect(card.getByRole('status')).toContainText(version);
    await expect(card.getByRole('status')).toContainText('application/occi+json');
    await expect(card.getByText('No login needed')).toBeVisible();
    await page.screenshot({ path: `${screensDir()}/console-endpoints.png`, fullPage: true });
  });

  test('opens the model browser with Compute and m1.tiny @profiles', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /Open the model browser/ }).click();
    await expect(page).toHaveURL(/\/endpoints\/demo\/model$/);
    const kinds = page.getByRole('region', { name: 'Kinds' });
    await expect(kinds.getByRole('link', { name: /Compute resource/ })).toBeVisible();
    const templates = page.getByRole('region', { name: 'Resource templates' });
    await expect(templates.getByRole('link', { name: /m1\.tiny/ })).toContainText('1 core, 0.5 GiB');
    await page.screenshot({ path: `${screensDir()}/console-model.png`, fullPage: true });

    await kinds.getByRole('link', { name: /Compute resource/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Compute resource/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Attributes of compute/ })).toContainText('occi.compute.cores');
    await page.screenshot({ path: `${screensDir()}/console-model-compute.png`, fullPage: true });
  });

  test('a deep link to a kind reloads to the same view', async ({ page }) => {
    await page.goto(`/endpoints/demo/model/${encodeURIComponent(COMPUTE)}`);
    await expect(page.getByRole('heading', { level: 2, name: /Compute resource/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /Compute resource/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Attributes of compute/ })).toContainText('occi.compute.cores');
  });

  test('the search filters the model and survives a reload', async ({ page }) => {
    await page.goto('/endpoints/demo/model');
    await page.getByLabel('Search the model').fill('tiny');
    await expect(page.getByRole('region', { name: 'Resource templates' }).getByRole('link')).toHaveCount(1);
    await expect(page).toHaveURL(/\?q=tiny$/);
    await page.reload();
    await expect(page.getByLabel('Search the model')).toHaveValue('tiny');
    await page.screenshot({ path: 'e2e/artifacts/screens/console-model-search.png', fullPage: true });
  });

  test('an unknown endpoint is reported in words, not as a blank page', async ({ page }) => {
    await page.goto('/endpoints/nowhere/model');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not read the model');
    await expect(alert).toContainText('404 Not Found');
    await expect(alert).toContainText('no endpoint "nowhere" is configured');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await page.screenshot({ path: 'e2e/artifacts/screens/console-model-error.png', fullPage: true });
  });

  test('fits a narrow screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.getByRole('article', { name: 'Demo cloud' }).getByRole('status')).toContainText('Reachable');
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'e2e/artifacts/screens/console-endpoints-narrow.png', fullPage: true });
    await page.goto(`/endpoints/demo/model/${encodeURIComponent(COMPUTE)}`);
    await expect(page.getByRole('heading', { level: 2, name: /Compute resource/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'e2e/artifacts/screens/console-model-narrow.png' });
  });
});
