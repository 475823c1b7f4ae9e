import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { createVm, inspector, occiPath, uniqueName } from './support/console-pages.ts';

/** Runs a copied command as a user would paste it, with no token in the environment: curl's output. */
async function runCopied(copied: string): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', ['-c', copied], { env: { ...process.env, OCCI_TOKEN: '' } });
  return stdout;
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

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
    const copied = await readClipboard(page);
    expect(copied).toMatch(/^curl -i '.*\/-\/'/);
    expect(copied).toContain('-H "X-Auth-Token: $OCCI_TOKEN"');
    expect(copied).not.toContain('/occi/demo/-/');
    // The command reaches the demo cloud itself, not the proxy, and gets its query interface.
    const answer = await runCopied(copied);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r?$/m);
    expect(answer).toContain('Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"');

    await page.screenshot({ path: 'e2e/artifacts/screens/inspector.png' });

    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  // The console chooses the new VM's id and sends it: the copied command makes that very VM, so it is
  // run once the VM the console made is deleted.
  test('copies a create as curl, and the command makes the VM again once it is deleted', async ({
    page,
    context,
    request,
  }) => {
    // A create, a delete and a curl run: about 12 s alone, twice that beside other journeys.
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = uniqueName('curl-copy');
    const vm = await createVm(page, name);
    const vmPath = occiPath(new URL(page.url()).pathname);
    await vm.sessionItem('Create virtual machine').getByRole('button', { name: 'Show exchange' }).click();
    const exchange = inspector(page).getByRole('region', { name: `Create virtual machine ${name}` });
    await exchange.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(exchange.getByText('Copied')).toBeVisible();
    const copied = await readClipboard(page);
    expect(copied).toMatch(/^curl -i -X POST '.*\/compute\/'/);
    expect(copied).toContain('--data-binary');
    expect(copied).toContain(name);

    await page.keyboard.press('Escape');
    await (await vm.openDelete(name)).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page).toHaveURL('/endpoints/demo/resources/compute/');
    expect((await request.get(`/occi/demo/${vmPath}`)).status()).toBe(404);

    const answer = await runCopied(copied);
    expect(answer).toMatch(/^HTTP\/1\.1 201 Created\r?$/m);
    expect(answer).toMatch(new RegExp(`^Location: \\S*/${vmPath}\\r?$`, 'im'));
    const read = await request.get(`/occi/demo/${vmPath}`, { headers: { Accept: 'application/occi+json' } });
    expect(read.status()).toBe(200);
    expect(await read.json()).toMatchObject({ title: name });
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
