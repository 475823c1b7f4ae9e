import { expect, test } from '@playwright/test';

test.describe('rendering lab', () => {
  test('parses a pasted virtual machine and renders it as OCCI JSON', async ({ page }) => {
    await page.goto('/lab');
    await expect(page.getByRole('heading', { name: 'Rendering lab' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Parsed as an entity.');
    await expect(page.getByRole('row', { name: /occi\.core\.title/ })).toContainText('web-01');

    await page.getByRole('tab', { name: 'application/occi+json' }).click();
    const json = page.getByRole('tabpanel');
    await expect(json).toContainText(/"kind":\s*"http:\/\/schemas\.ogf\.org\/occi\/infrastructure#compute"/);
    await page.screenshot({ path: 'e2e/artifacts/screens/rendering-lab.png', fullPage: true });
  });

  test('points at the line and column where a malformed message breaks', async ({ page }) => {
    await page.goto('/lab');
    await page.getByLabel('Example').selectOption({ label: 'A malformed answer' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Malformed message.');
    await expect(alert).toContainText('line 2, column');
    await expect(alert.getByRole('figure', { name: 'Line 2' })).toContainText('occi.core.title="web-01');
    await page.screenshot({ path: 'e2e/artifacts/screens/rendering-lab-error.png', fullPage: true });
  });

  test('reads text/occi pasted as header lines', async ({ page }) => {
    await page.goto('/lab');
    await page.getByLabel('Content-Type').selectOption('text/occi');
    await page
      .getByLabel('Message text')
      .fill(
        'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
          'X-OCCI-Attribute: occi.core.title="a, b", occi.compute.cores=2',
      );
    await expect(page.getByRole('status')).toHaveText('Parsed as an entity.');
    await expect(page.getByRole('row', { name: /occi\.compute\.cores/ })).toContainText('number');
    await expect(page.getByRole('row', { name: /occi\.core\.title/ })).toContainText('a, b');
  });

  test('answers an unknown path with a page that says so', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  });
});
