/**
 * The seed walkthrough (../shared/seed/occi-openstack-guide.md: "OCCI and OpenStack: What can I
 * do?") through the console instead of curl: each of its steps as a test of its own, then all of
 * them as one journey, then an action with parameters and an action on several resources.
 *
 * The demo cloud behind the proxy is shared by every test of the run, so each test makes its own
 * machines and volumes under a name no other test uses, and finds them in lists by filtering.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  attributeField,
  CreatePage,
  createVm,
  createVolume,
  EntityPage,
  endpointTabs,
  inspector,
  ModelPage,
  occiPath,
  ResourceListPage,
  STATE_TIMEOUT,
  screen,
  uniqueName,
} from './support/console-pages.ts';
import { expectAccessible } from './support/expect-accessible.ts';

const VM_LIST = '/endpoints/demo/resources/compute/';

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

// The longest test first: with two workers, the others run beside it.
test.describe('the seed walkthrough as one journey', () => {
  // The document deletes its VM before the volume steps and then links, scales and rebuilds other
  // VMs (by ids of machines it never made); one user with one VM does the same steps and deletes last.
  test('discover, create, list, open, stop, start, volume, link, unlink, scale, change OS, delete @profiles', async ({
    page,
  }) => {
    // About 25 s alone; four transitions of the demo cloud (1.5 s each, seen at the console's next poll).
    test.setTimeout(90_000);
    const name = uniqueName('seed-journey');
    const volumeName = `${name}-vol`;
    let shot = 0;
    const journeyScreen = (step: string) => screen(page, `journey-${String(++shot).padStart(2, '0')}-${step}`);
    const tabs = endpointTabs(page);
    const list = new ResourceListPage(page);
    const vm = new EntityPage(page);
    // What each profile's server does with the guide's steps, as measured (src/demo-cloud/quirks):
    // pyssf leaves a new VM inactive and ignores new templates; ooi cannot change an OS.
    const profile = test.info().project.name;
    const startsInactive = profile === 'pyssf';
    const resize = profile === 'pyssf' ? 'ignored' : 'applied';
    const changeOs = profile === 'ooi' ? 'refused' : profile === 'pyssf' ? 'ignored' : 'applied';

    await test.step('see what can be provisioned', async () => {
      await list.goto();
      await tabs.getByRole('link', { name: 'Model', exact: true }).click();
      const model = new ModelPage(page);
      await model.expectLoaded();
      await expect(model.resourceTemplates.getByRole('link', { name: /^Flavor: m1\.tiny\b/ })).toBeVisible();
      await expect(model.osTemplates.getByRole('link', { name: /cirros-0\.3\.0-x86_64-blank/ })).toBeVisible();
      await journeyScreen('discover');
    });

    let vmPath = '';
    await test.step('create a VM with m1.tiny and cirros', async () => {
      await tabs.getByRole('link', { name: 'Virtual machines', exact: true }).click();
      await list.createButton.click();
      const form = new CreatePage(page);
      await form.expectLoaded();
      await expect(form.os.getByRole('radio', { name: 'cirros-0.3.0-x86_64-blank', exact: true })).toBeChecked();
      await expect(form.size.getByRole('radio', { name: /^m1\.tiny / })).toBeChecked();
      await form.name.fill(name);
      vmPath = await form.create();
      await expect(vm.heading).toHaveText(name);
      await expect(vm.size).toContainText('m1.tiny');
      await expect(vm.os).toContainText('cirros-0.3.0-x86_64-blank');
      await journeyScreen('created');
    });

    await test.step('get a listing of VMs', async () => {
      await tabs.getByRole('link', { name: 'Virtual machines', exact: true }).click();
      await expect(list.heading).toBeVisible();
      await list.filterBy(name);
      await expect(list.row(name)).toContainText('m1.tiny, cirros-0.3.0-x86_64-blank');
      await journeyScreen('list');
    });

    await test.step("get the VM's details", async () => {
      await list.link(name).click();
      await expect(page).toHaveURL(vmPath);
      await expect(vm.attribute('occi.core.title')).toHaveText(name);
      if (startsInactive) {
        // Only Start applies to a VM that has never run: the user starts it before the guide's stop.
        await vm.expectState('inactive');
        await vm.confirmAction(await vm.openAction('Start', name), 'Start');
      }
      await vm.expectState('active');
      await journeyScreen('vm');
    });

    await test.step('stop it', async () => {
      await vm.confirmAction(await vm.openAction('Stop', name), 'Stop');
      await vm.expectState('inactive');
      await journeyScreen('stopped');
    });

    await test.step('start it', async () => {
      await vm.confirmAction(await vm.openAction('Start', name), 'Start');
      await vm.expectState('active');
      await journeyScreen('started');
    });

    let volumePath = '';
    await test.step('create a block storage volume of 1.0 GB', async () => {
      await tabs.getByRole('link', { name: 'Volumes', exact: true }).click();
      await new ResourceListPage(page, 'Volumes', 'storage').createButton.click();
      const form = new CreatePage(page, 'New volume', 'Create volume');
      await form.expectLoaded();
      // Where the size is required, the form offers 1 GiB; rOCCI-server and pyssf do not need one.
      if (profile === 'rocci' || profile === 'pyssf') await form.field('occi.storage.size').fill('1');
      await expect(form.field('occi.storage.size')).toHaveValue('1');
      await form.name.fill(volumeName);
      volumePath = await form.create();
      await expect(vm.heading).toHaveText(volumeName);
      await expect(vm.attribute('occi.storage.size')).toHaveText('1');
      await journeyScreen('volume');
    });

    await test.step('link the volume to the VM at /dev/vdb', async () => {
      await tabs.getByRole('link', { name: 'Virtual machines', exact: true }).click();
      await list.filterBy(name);
      await list.link(name).click();
      await expect(vm.heading).toHaveText(name);
      const dialog = await vm.openAttachVolume(name);
      await vm.chooseVolume(dialog, volumeName);
      await vm.linkField(dialog, 'occi.storagelink.mountpoint').fill('/dev/vdb');
      await dialog.getByRole('button', { name: 'Create storage link', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(vm.linkRow(occiPath(volumePath))).toContainText('/dev/vdb');
      await journeyScreen('linked');
    });

    await test.step('unlink it', async () => {
      const row = vm.linkRow(occiPath(volumePath));
      const dialog = await vm.openRemoveLink(row);
      await dialog.getByRole('button', { name: 'Remove link', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(row).toHaveCount(0);
      await journeyScreen('unlinked');
    });

    await test.step('scale it up to m1.medium', async () => {
      await vm.chooseTemplate(await vm.openResize(name), 'm1.medium', 'Resize to');
      if (resize === 'applied') {
        await expect(vm.size).toContainText('m1.medium (2 cores, 4 GiB memory)');
        await expect(vm.attribute('occi.compute.cores')).toHaveText('2');
      } else {
        // The server answered 200 and kept the old template: the page says so in words.
        await expect(vm.templates).toContainText(/m1\.medium[^.]* was not applied/);
        await expect(vm.size).toContainText('m1.tiny');
      }
      await journeyScreen('resized');
    });

    await test.step('change its OS to SmartOS', async () => {
      const dialog = await vm.openChangeOs(name);
      if (changeOs === 'refused') {
        await dialog.getByRole('radio', { name: /^SmartOS( |$)/ }).check();
        await dialog.getByRole('button', { name: 'Change OS to SmartOS', exact: true }).click();
        await expect(dialog).toContainText('refused this change by POST and by PUT');
        await journeyScreen('os-refused');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(vm.os).toContainText('cirros-0.3.0-x86_64-blank');
      } else {
        await vm.chooseTemplate(dialog, 'SmartOS', 'Change OS to');
        if (changeOs === 'applied') await expect(vm.os).toContainText('SmartOS');
        else await expect(vm.templates).toContainText(/SmartOS[^.]* was not applied/);
        await vm.expectState('active');
      }
      await journeyScreen('os-changed');
    });

    await test.step('delete it', async () => {
      const dialog = await vm.openDelete(name);
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page).toHaveURL(VM_LIST);
      await list.filterBy(name);
      await expect(list.summary).toContainText('0 shown');
      await expect(list.link(name)).toHaveCount(0);
      await journeyScreen('deleted');
    });
  });
});

test.describe('the seed walkthrough, step by step', () => {
  test('see what can be provisioned: the Model tab shows the kinds and the templates', async ({ page }) => {
    const list = new ResourceListPage(page);
    await list.goto();
    await endpointTabs(page).getByRole('link', { name: 'Model', exact: true }).click();
    const model = new ModelPage(page);
    await model.expectLoaded();
    for (const kind of ['Compute resource', 'Storage resource', 'Network resource', 'Storage link']) {
      await expect(model.kinds.getByRole('link', { name: new RegExp(`^${kind}`) })).toBeVisible();
    }
    await expect(model.resourceTemplates.getByRole('link', { name: /^Flavor: m1\.tiny\b/ })).toBeVisible();
    await expect(model.osTemplates.getByRole('link', { name: /cirros-0\.3\.0-x86_64-blank/ })).toBeVisible();
    await expect(model.osTemplates.getByRole('link', { name: /SmartOS/ })).toBeVisible();
    await screen(page, 'discover');
  });

  test('create a VM with m1.tiny and cirros: two clicks from the list @profiles', async ({ page }) => {
    const list = new ResourceListPage(page);
    await list.goto();
    await list.createButton.click();
    const form = new CreatePage(page);
    await form.expectLoaded();
    await expect(form.os.getByRole('radio', { name: 'cirros-0.3.0-x86_64-blank', exact: true })).toBeChecked();
    await expect(form.size.getByRole('radio', { name: /^m1\.tiny / })).toBeChecked();
    await expect(form.preview).toContainText('http://schemas.openstack.org/template/resource#m1.tiny');
    await expect(form.preview).toContainText('http://schemas.openstack.org/template/os#cirros-0.3.0-x86_64-blank');
    await screen(page, 'create-form');
    await expectAccessible(page, 'the form that creates a virtual machine');

    await form.create();
    const vm = new EntityPage(page);
    await expect(vm.size).toContainText('m1.tiny');
    await expect(vm.os).toContainText('cirros-0.3.0-x86_64-blank');
    await expect(vm.sessionItem('Create virtual machine')).toContainText('POST compute/');
    // ooi answers a create 200 with X-OCCI-Location, as OpenStack's OCCI server does; the rest 201.
    const profile = test.info().project.name;
    const created = profile === 'ooi' ? /\b200\b/ : /\b201\b/;
    await expect(vm.sessionItem('Create virtual machine')).toContainText(created);
    // pyssf leaves a new VM inactive; the others boot it.
    await expect(vm.state).toHaveText(profile === 'pyssf' ? 'inactive' : /^(inactive · booting|active)$/);
    await screen(page, 'created');
  });

  test('get a listing of VMs: the new one is in the list', async ({ page }) => {
    const name = uniqueName('seed-list');
    await createVm(page, name);
    await endpointTabs(page).getByRole('link', { name: 'Virtual machines', exact: true }).click();
    const list = new ResourceListPage(page);
    await expect(list.heading).toBeVisible();
    await list.filterBy(name);
    await expect(list.row(name)).toContainText('m1.tiny, cirros-0.3.0-x86_64-blank');
    await expect(list.stateOf(name)).toHaveText(/^(inactive · booting|active)$/);
    await screen(page, 'list');
    await expectAccessible(page, 'the list of virtual machines');
  });

  test("get an individual VM's details: open it from the list", async ({ page }) => {
    const name = uniqueName('seed-open');
    const vm = await createVm(page, name);
    const path = pathOf(page);
    await endpointTabs(page).getByRole('link', { name: 'Virtual machines', exact: true }).click();
    const list = new ResourceListPage(page);
    await list.filterBy(name);
    await list.link(name).click();
    await expect(page).toHaveURL(path);
    await expect(vm.heading).toHaveText(name);
    await expect(vm.attribute('occi.core.title')).toHaveText(name);
    await expect(vm.attribute('occi.compute.cores')).toHaveText('1');
    await expect(vm.size).toContainText('m1.tiny (1 core, 0.5 GiB memory)');
    await expect(vm.os).toContainText('cirros-0.3.0-x86_64-blank');
    await expect(vm.state).toHaveText(/^(inactive · booting|active)$/);
    await screen(page, 'vm');
    await expectAccessible(page, 'the page of a virtual machine');
  });

  test('execute a stop action upon a VM: it becomes inactive', async ({ page }) => {
    const name = uniqueName('seed-stop');
    const vm = await createVm(page, name, { active: true });
    const dialog = await vm.openAction('Stop', name);
    await expect(attributeField(dialog, 'method')).toBeVisible();
    await screen(page, 'stop-dialog');
    await expectAccessible(page, 'the dialog of the stop action');
    await vm.confirmAction(dialog, 'Stop');
    await vm.expectState('inactive');
    await expect(vm.attribute('occi.compute.state')).toHaveText('inactive');
    await screen(page, 'stopped');
  });

  test('execute a start action upon a VM: it becomes active again', async ({ page }) => {
    const name = uniqueName('seed-start');
    const vm = await createVm(page, name, { active: true });
    await vm.confirmAction(await vm.openAction('Stop', name), 'Stop');
    await vm.expectState('inactive');
    const dialog = await vm.openAction('Start', name);
    await vm.confirmAction(dialog, 'Start');
    await vm.expectState('active');
    await screen(page, 'started');
  });

  test('delete a VM: it is gone from the list', async ({ page }) => {
    const name = uniqueName('seed-delete');
    const vm = await createVm(page, name);
    const dialog = await vm.openDelete(name);
    await screen(page, 'delete-dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page).toHaveURL(VM_LIST);
    const list = new ResourceListPage(page);
    await expect(list.heading).toBeVisible();
    await list.filterBy(name);
    await expect(list.summary).toContainText('0 shown');
    await expect(list.link(name)).toHaveCount(0);
    await screen(page, 'deleted');
  });

  test('create a block storage volume of 1.0 GB', async ({ page }) => {
    const name = uniqueName('seed-volume');
    await page.goto('/endpoints/demo/resources/storage/');
    const volumes = new ResourceListPage(page, 'Volumes', 'storage');
    await expect(volumes.heading).toBeVisible();
    await volumes.createButton.click();
    const form = new CreatePage(page, 'New volume', 'Create volume');
    await form.expectLoaded();
    const size = form.field('occi.storage.size');
    await expect(size).toHaveValue('1');
    await form.name.fill(name);
    await expect(form.preview).toContainText('"occi.storage.size":1');
    await screen(page, 'volume-form');
    await form.create();
    const volume = new EntityPage(page);
    await expect(volume.heading).toHaveText(name);
    await expect(volume.attribute('occi.storage.size')).toHaveText('1');
    await expect(volume.state).toHaveText(/^(offline · creating|online)$/);
    await screen(page, 'volume');
  });

  test('link the volume to a VM at /dev/vdb', async ({ page }) => {
    const name = uniqueName('seed-link');
    const volumePath = await createVolume(page, `${name}-vol`);
    const vm = await createVm(page, name);
    const dialog = await vm.openAttachVolume(name);
    await vm.chooseVolume(dialog, `${name}-vol`);
    await vm.linkField(dialog, 'occi.storagelink.mountpoint').fill('/dev/vdb');
    await screen(page, 'attach-dialog');
    await dialog.getByRole('button', { name: 'Create storage link', exact: true }).click();
    await expect(dialog).toBeHidden();
    const row = vm.linkRow(occiPath(volumePath));
    await expect(row).toContainText('/dev/vdb');
    await expect(row).toContainText('storage link');
    await expect(vm.linkState(row)).toHaveText('active', { timeout: STATE_TIMEOUT });
    await screen(page, 'linked');
  });

  test('unlink the volume from the VM', async ({ page }) => {
    const name = uniqueName('seed-unlink');
    const volumePath = await createVolume(page, `${name}-vol`);
    const vm = await createVm(page, name);
    const attach = await vm.openAttachVolume(name);
    await vm.chooseVolume(attach, `${name}-vol`);
    await vm.linkField(attach, 'occi.storagelink.mountpoint').fill('/dev/vdb');
    await attach.getByRole('button', { name: 'Create storage link', exact: true }).click();
    const row = vm.linkRow(occiPath(volumePath));
    await expect(row).toContainText('/dev/vdb');

    const dialog = await vm.openRemoveLink(row);
    await expect(dialog).toContainText('/dev/vdb');
    await screen(page, 'remove-dialog');
    await dialog.getByRole('button', { name: 'Remove link', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(vm.links).toContainText('No links to or from it');
    await screen(page, 'unlinked');
  });

  test('update a VM: scale up to m1.medium', async ({ page }) => {
    const name = uniqueName('seed-scale');
    const vm = await createVm(page, name);
    const dialog = await vm.openResize(name);
    await expect(dialog.getByRole('radio', { name: /^m1\.tiny / })).toBeChecked();
    await screen(page, 'resize-dialog');
    await vm.chooseTemplate(dialog, 'm1.medium', 'Resize to');
    await expect(vm.size).toContainText('m1.medium (2 cores, 4 GiB memory)');
    await expect(vm.attribute('occi.compute.cores')).toHaveText('2');
    await expect(vm.attribute('occi.compute.memory')).toHaveText('4');
    await screen(page, 'resized');
  });

  test('update a VM: change the OS to SmartOS', async ({ page }) => {
    const name = uniqueName('seed-os');
    // A VM still booting refuses a new OS (409): it is rebuilt from the new image.
    const vm = await createVm(page, name, { active: true });
    const dialog = await vm.openChangeOs(name);
    await screen(page, 'os-dialog');
    await vm.chooseTemplate(dialog, 'SmartOS', 'Change OS to');
    await expect(vm.os).toContainText('SmartOS');
    // The machine goes down to boot the new image (1.5 s in the demo cloud: on a busy machine
    // the page may only see it back up), then comes back.
    await expect(vm.state).toHaveText(/^(inactive · rebuilding|active)$/);
    await vm.expectState('active');
    await expect(vm.size).toContainText('m1.tiny');
    await screen(page, 'os-changed');
  });
});

test.describe('actions beyond the walkthrough', () => {
  test('an action with parameters: stop with method poweroff sends it', async ({ page }) => {
    const name = uniqueName('seed-poweroff');
    const vm = await createVm(page, name, { active: true });
    const dialog = await vm.openAction('Stop', name);
    await attributeField(dialog, 'method').selectOption('poweroff');
    await vm.confirmAction(dialog, 'Stop');

    const sent = vm.sessionItem(`Stop ${name}`);
    await expect(sent).toContainText('?action=stop');
    await expect(sent).toContainText(/\b200\b/);
    await sent.getByRole('button', { name: 'Show exchange' }).click();
    const exchange = inspector(page).getByRole('region', { name: `Stop ${name}` });
    await expect(exchange.getByRole('region', { name: 'Request body' })).toContainText(/"method"\s*:\s*"poweroff"/);
    await screen(page, 'poweroff-exchange');
  });

  test('an action on several resources: stop two selected VMs', async ({ page }) => {
    const prefix = uniqueName('seed-bulk');
    const names = [`${prefix}-a`, `${prefix}-b`];
    for (const name of names) await createVm(page, name);
    await endpointTabs(page).getByRole('link', { name: 'Virtual machines', exact: true }).click();
    const list = new ResourceListPage(page);
    await list.filterBy(prefix);
    for (const name of names) {
      await expect(list.stateOf(name)).toHaveText('active', { timeout: STATE_TIMEOUT });
      await list.select(name);
    }
    await expect(list.selection).toContainText('2 selected');
    await screen(page, 'bulk-selected');
    const dialog = await list.runOnSelection('Stop');
    await screen(page, 'bulk-dialog');
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Stop: 2 of 2 accepted' })).toBeVisible();
    for (const name of names) await expect(list.stateOf(name)).toHaveText('inactive', { timeout: STATE_TIMEOUT });
    await screen(page, 'bulk-stopped');
  });
});
