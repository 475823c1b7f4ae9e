/**
 * Development mode (`npm run dev`): Vite serves the console and an msw service worker answers
 * `/occi/demo/...` and `/api/endpoints` from a demo cloud that lives in the page. The cloud is
 * in memory, so a page load starts it afresh: after the first load the journey moves by links only.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  createVm,
  endpointTabs,
  inspector,
  ResourceListPage,
  STATE_TIMEOUT,
  screensDir,
  uniqueName,
} from './support/console-pages.ts';

const CREATE = '/occi/demo/compute/';

async function screen(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: `${screensDir()}/dev-mode-${step}.png`, fullPage: true });
}

test('through the msw worker: the demo endpoint listed, a VM created and listed, its create inspected', async ({
  page,
}) => {
  // Vite compiles each module on its first request, so the first page load is slower than a build's.
  test.setTimeout(60_000);
  const name = uniqueName('dev-vm');

  await test.step('the service worker controls the page and the start page lists the demo endpoint', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible({ timeout: STATE_TIMEOUT });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
      /\/mockServiceWorker\.js$/,
    );
    const card = page.getByRole('article', { name: 'Demo cloud' });
    await expect(card.getByRole('status')).toContainText('Reachable');
    await expect(card.getByRole('status')).toContainText('OCCI/1.2');
    await screen(page, 'endpoints');
  });

  await test.step('create a VM, answered by the worker', async () => {
    await page
      .getByRole('article', { name: 'Demo cloud' })
      .getByRole('link', { name: 'Open the resources of Demo cloud' })
      .click();
    const created = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === CREATE,
    );
    const vm = await createVm(page, name);
    const answer = await created;
    expect(answer.fromServiceWorker(), 'the POST was answered by the service worker').toBe(true);
    expect(answer.status()).toBe(201);
    await expect(vm.size).toContainText('m1.tiny');
    await screen(page, 'created');
  });

  await test.step('see it in the list', async () => {
    await endpointTabs(page).getByRole('link', { name: 'Virtual machines', exact: true }).click();
    const list = new ResourceListPage(page);
    await expect(list.heading).toBeVisible();
    await list.filterBy(name);
    await expect(list.row(name)).toContainText('m1.tiny, cirros-0.3.0-x86_64-blank');
    await list.link(name).click();
  });

  await test.step("the inspector shows the create went to /occi/demo/ and the demo cloud's answer", async () => {
    const purpose = `Create virtual machine ${name}`;
    const history = page.getByRole('article').getByRole('region', { name: 'This session' });
    await history
      .getByRole('listitem')
      .filter({ hasText: purpose })
      .getByRole('button', { name: 'Show exchange' })
      .click();
    const exchange = inspector(page).getByRole('region', { name: purpose });
    await expect(exchange.getByRole('table', { name: 'Summary' })).toContainText(CREATE);
    await expect(exchange.getByRole('table', { name: 'Summary' })).toContainText('201');
    // The demo cloud names itself; Vite's dev server would have answered with index.html instead.
    await expect(exchange.getByRole('table', { name: 'Response headers' })).toContainText('occi-console-demo');
    await screen(page, 'inspector');
  });
});
