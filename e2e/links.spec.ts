/**
 * Links made other ways than the guide's standalone storage link: inline in a create (the new VM's
 * request carries the Link), and a network interface that takes an address (the ipnetworkinterface
 * mixin). Both run against every quirk profile of the demo cloud.
 */
import { expect, type Locator, test } from '@playwright/test';
import {
  attributeField,
  CreatePage,
  createVm,
  createVolume,
  EntityPage,
  endpointTabs,
  occiPath,
  STATE_TIMEOUT,
  uniqueName,
} from './support/console-pages.ts';

const SCREENS = 'e2e/artifacts/screens';

/** The value of the option that names `entity` in a select whose options read "<name> (<state>)". */
async function optionValue(select: Locator, entity: string): Promise<string> {
  const option = select.getByRole('option', { name: new RegExp(`^${entity} \\(`) });
  await expect(option).toHaveCount(1);
  const value = await option.getAttribute('value');
  expect(value, `the option of ${entity} has a value`).not.toBeNull();
  return value ?? '';
}

test.describe('links', () => {
  test('create a VM with a volume attached inline: the create carries the link @profiles', async ({ page }) => {
    const name = uniqueName('inline');
    const volumePath = await createVolume(page, `${name}-vol`);

    await endpointTabs(page).getByRole('link', { name: 'Virtual machines', exact: true }).click();
    await page.getByRole('link', { name: /^Create / }).click();
    const form = new CreatePage(page);
    await form.expectLoaded();
    await form.name.fill(name);
    await form.form.getByRole('button', { name: 'Attach a volume', exact: true }).click();
    const volume = form.form.getByRole('combobox', { name: 'Volume to attach' });
    await volume.selectOption(await optionValue(volume, `${name}-vol`));
    await form.field('occi.storagelink.mountpoint').fill('/dev/vdc');
    // The one request that makes the VM also makes its link.
    await expect(form.preview).toContainText('/dev/vdc');
    await page.screenshot({ path: `${SCREENS}/links-inline-form.png`, fullPage: true });
    await form.create();

    const vm = new EntityPage(page);
    await expect(vm.heading).toHaveText(name);
    const row = vm.linkRow(occiPath(volumePath));
    await expect(row).toContainText('/dev/vdc');
    await expect(row).toContainText('storage link');
    await expect(vm.linkState(row)).toHaveText('active', { timeout: STATE_TIMEOUT });
    await page.screenshot({ path: `${SCREENS}/links-inline-created.png`, fullPage: true });
  });

  test('join a network with an address: a network interface with the ipnetworkinterface mixin @profiles', async ({
    page,
  }) => {
    const name = uniqueName('nic');
    const vm = await createVm(page, name);
    await vm.links.getByRole('button', { name: 'Attach a network…' }).click();
    const dialog = page.getByRole('dialog', { name: `Attach ${name} to a network` });
    await expect(dialog).toBeVisible();
    const network = dialog.getByRole('combobox', { name: 'Network', exact: true });
    await network.selectOption(await optionValue(network, 'private'));
    await attributeField(dialog, 'occi.networkinterface.address').fill('10.0.0.42');
    // Once an address is given, the mixin's required allocation is asked for too.
    const allocation = attributeField(dialog, 'occi.networkinterface.allocation');
    await dialog.getByRole('button', { name: 'Create network interface', exact: true }).click();
    await expect(dialog.getByText('Allocation is required')).toBeVisible();
    await allocation.selectOption('static');
    await page.screenshot({ path: `${SCREENS}/links-network-dialog.png` });
    await dialog.getByRole('button', { name: 'Create network interface', exact: true }).click();
    await expect(dialog).toBeHidden();

    const row = vm.links.getByRole('row').filter({ hasText: '10.0.0.42' });
    await expect(row).toContainText('network interface');
    await expect(row.getByRole('link', { name: /^to network\// })).toBeVisible();
    await expect(vm.linkState(row)).toHaveText('active', { timeout: STATE_TIMEOUT });
    await page.screenshot({ path: `${SCREENS}/links-network-joined.png`, fullPage: true });
  });
});
