/**
 * Failures of a cloud, as a tenant meets them: each shows what happened in words (the status, the
 * server's own words, what to try), keeps what the user typed or chose, and recovers once the cloud
 * behaves again. The `faulty` endpoint of the stack (e2e/support/test-clouds.ts) fails on demand;
 * each journey's faults match only its own VM (by its unique name or path), so journeys running side
 * by side never take each other's.
 */
import { expect, type Page, test } from '@playwright/test';
import { CreatePage, EntityPage, inspector, uniqueName } from './support/console-pages.ts';
import { createVmThroughProxy, errorPanel, injectFault, shot } from './support/error-pages.ts';
import { expectAccessible } from './support/expect-accessible.ts';
import { STACK_FIRST_BYTE_TIMEOUT_MS } from './support/stack-credentials.ts';

const CREATE_VM = '/endpoints/faulty/create/compute/';
const ENTITY_PAGE = /\/endpoints\/faulty\/resources\/compute\/[^/]+$/;

/** Opens the create form of a VM on the faulty endpoint and fills in a name. */
async function openCreateForm(page: Page, name: string): Promise<CreatePage> {
  await page.goto(CREATE_VM);
  const form = new CreatePage(page);
  await form.expectLoaded();
  await form.name.fill(name);
  return form;
}

test.describe('a cloud that fails', () => {
  // Each journey waits for the cloud several times (one a proxy time-out): 5 to 25 s, more beside others.
  test.describe.configure({ timeout: 60_000 });

  test('a create answered with 500 says so in words, keeps the form, and succeeds once the fault is gone', async ({
    page,
    request,
  }) => {
    const name = uniqueName('error-500');
    const fault = await injectFault(request, {
      method: 'POST',
      path: '/compute/',
      fault: 'status-500',
      matching: name,
      message: 'nova-scheduler: no valid host was found for this request',
    });
    const form = await openCreateForm(page, name);
    const small = form.size.getByRole('radio', { name: /^m1\.small / });
    const debian = form.os.getByRole('radio', { name: /^Debian 12 / });
    const staging = form.form.getByRole('checkbox', { name: /^Tag: staging / });
    await small.check();
    await debian.check();
    await staging.check();
    await form.submit.click();

    // A 5xx is the cloud failing, not the entries being wrong: the words say so.
    const alert = errorPanel(form.form, 'The create failed');
    await expect(alert).toContainText('500 Internal Server Error');
    await expect(alert).toContainText('The server says: nova-scheduler: no valid host was found for this request');
    await expect(alert).toContainText('try again, and tell the cloud operator if it persists');
    await expect(alert).toContainText('Your entries are kept: create again once the cloud is working.');
    await expect(page).toHaveURL(CREATE_VM);
    await expect(form.name).toHaveValue(name);
    await expect(small).toBeChecked();
    await expect(debian).toBeChecked();
    await expect(staging).toBeChecked();
    await shot(page, 'error-create-500');
    await expectAccessible(page, 'a create that failed with 500');

    await fault.remove();
    await form.submit.click();
    await expect(page).toHaveURL(ENTITY_PAGE);
    const vm = new EntityPage(page);
    await expect(vm.heading).toHaveText(name);
    await expect(vm.size).toContainText('m1.small');
    await expect(vm.os).toContainText('Debian 12');
  });

  test('a create refused with 400 for a missing attribute names it, keeps the form, and takes the correction', async ({
    page,
    request,
  }) => {
    const name = uniqueName('error-400');
    // A cloud whose policy wants a host name the model does not mark as required: it refuses once.
    await injectFault(request, {
      method: 'POST',
      path: '/compute/',
      fault: 'status-400',
      matching: name,
      times: 1,
      message: 'occi.compute.hostname is required on this cloud: send X-OCCI-Attribute: occi.compute.hostname="..."',
    });
    const form = await openCreateForm(page, name);
    const medium = form.size.getByRole('radio', { name: /^m1\.medium / });
    await medium.check();
    await form.submit.click();

    const alert = errorPanel(form.form, 'The server refused the create');
    await expect(alert).toContainText('400 Bad Request');
    await expect(alert).toContainText('The server says: occi.compute.hostname is required on this cloud');
    await expect(alert).toContainText('check the values entered');
    await expect(form.name).toHaveValue(name);
    await expect(medium).toBeChecked();
    await shot(page, 'error-create-400');

    await form.field('occi.compute.hostname').fill(`${name}.example.org`);
    await form.submit.click();
    await expect(page).toHaveURL(ENTITY_PAGE);
    const vm = new EntityPage(page);
    await expect(vm.heading).toHaveText(name);
    await expect(vm.attribute('occi.compute.hostname')).toHaveText(`${name}.example.org`);
    await expect(vm.size).toContainText('m1.medium');
  });

  test("a read that outlasts the proxy's time-out shows the 504 in words, and Retry reads it once the cloud answers", async ({
    page,
    request,
  }) => {
    const name = uniqueName('error-timeout');
    const path = await createVmThroughProxy(request, 'faulty', name);
    const fault = await injectFault(request, { method: 'GET', path, fault: 'delay' });
    await page.goto(`/endpoints/faulty/resources${path}`);

    const alert = errorPanel(page, `Could not read ${path.slice(1)}`);
    await expect(alert).toContainText('504 Gateway Timeout', { timeout: STACK_FIRST_BYTE_TIMEOUT_MS + 10_000 });
    await expect(alert).toContainText(`sent no answer within ${STACK_FIRST_BYTE_TIMEOUT_MS} ms`);
    // The proxy wrote that, not the cloud: the console says so.
    await expect(alert).toContainText("The console's proxy says:");
    await expect(alert).toContainText('gave up waiting for endpoint "faulty": the cloud is slow or unreachable');
    const retry = alert.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeEnabled();
    await shot(page, 'error-timeout');
    await expectAccessible(page, 'an entity page whose read timed out');

    await fault.remove();
    await retry.click();
    const vm = new EntityPage(page);
    await expect(vm.heading).toHaveText(name);
    await expect(alert).toHaveCount(0);
    await expect(vm.attribute('occi.core.title')).toHaveText(name);
  });

  test('a malformed answer says where it breaks, and "Show the exchange" opens it in the inspector', async ({
    page,
    request,
  }) => {
    const name = uniqueName('error-malformed');
    const path = await createVmThroughProxy(request, 'faulty', name);
    const fault = await injectFault(request, { method: 'GET', path, fault: 'malformed' });
    await page.goto(`/endpoints/faulty/resources${path}`);

    // The second line of the garbled text/plain has no colon after its header name (faulty-cloud.ts).
    const alert = errorPanel(page, `Could not read ${path.slice(1)}`);
    await expect(alert).toContainText('Malformed answer');
    await expect(alert).toContainText("line 2, column 18: expected ':' after the header name");
    await shot(page, 'error-malformed');

    await alert.getByRole('button', { name: 'Show the exchange' }).click();
    const drawer = inspector(page);
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText(`GET ${path}`);
    await expect(drawer).toContainText("Malformed at line 2, column 18: expected ':' after the header name");
    await expect(drawer).toContainText('X-OCCI-Attribute occi.core.title="missing its colon"');
    await shot(page, 'error-malformed-inspector');

    await fault.remove();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(new EntityPage(page).heading).toHaveText(name);
  });
});
