import { expect, test } from '@playwright/test';

test.describe('the inspector', () => {
  test('shows the start page probe, opens it, copies it as curl', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible();

    const toggle = page.getByRole('button', { name: /^Inspector \(\d+\)$/ });
    await expect(toggle).toBeVisible();
    await toggle.click();
    const drawer = page.getByRole('complementary', { name: 'Inspector' });
    await expect(drawer.getByRole('heading', { name: 'Inspector' })).toBeFocused();

    const probe = drawer
      .getByRole('list', { name: 'Exchanges, newest first' })
      .getByRole('button')
      .filter({ hasText: /^GET\s*\/-\// })
      .first();
    await expect(probe).toContainText('200');
    await probe.click();
    await expect(page).toHaveURL(/[?&]exchange=/);

    const detail = drawer.getByRole('region').first();
    await expect(detail.getByRole('table', { name: 'Categories' })).toContainText('infrastructure#compute');
    await expect(detail.getByRole('table', { name: 'Response headers' })).toContainText('OCCI/1.2');

    await detail.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(detail.getByText('Copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^curl -i '.*\/-\/'/);
    expect(copied).toContain('-H "X-Auth-Token: $OCCI_TOKEN"');
    expect(copied).not.toContain('/occi/demo/-/');

    await page.screenshot({ path: 'e2e/artifacts/screens/inspector.png' });

    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  test('says a linked exchange from an earlier page load is gone', async ({ page }) => {
    await page.goto('/?exchange=earlier.1');
    await expect(page.getByText('This exchange is from an earlier page load')).toBeVisible();
  });

  test('fits a narrow screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: /^Inspector \(\d+\)$/ }).click();
    const drawer = page.getByRole('complementary', { name: 'Inspector' });
    await drawer.getByRole('list', { name: 'Exchanges, newest first' }).getByRole('button').first().click();
    const box = await drawer.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'e2e/artifacts/screens/inspector-narrow.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'e2e/artifacts/screens/inspector-narrow-dark.png' });
  });
});
