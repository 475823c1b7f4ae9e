/**
 * Refusals of the demo cloud itself, in every quirk profile: an action that no longer applies (409)
 * and, where the profile's server wants something the form leaves out, a refused create. Each shows
 * the server's words and keeps the dialog or form as the user left it.
 */
import { expect, test } from '@playwright/test';
import { attributeField, CreatePage, createVm, EntityPage, uniqueName } from './support/console-pages.ts';
import { errorPanel, shot } from './support/error-pages.ts';
import { expectAccessible } from './support/expect-accessible.ts';

test.describe('the cloud refuses', () => {
  test('a Stop confirmed after the VM was stopped elsewhere: 409 in the dialog, which stays as it was @profiles', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(60_000);
    const name = uniqueName('error-409');
    const vm = await createVm(page, name, { active: true });
    const dialog = await vm.openAction('Stop', name);
    const method = attributeField(dialog, 'method');
    await method.selectOption('poweroff');

    // Meanwhile, in another tab, the same VM is stopped.
    const other = await context.newPage();
    const elsewhere = new EntityPage(other);
    await elsewhere.goto(page.url());
    await elsewhere.confirmAction(await elsewhere.openAction('Stop', name), 'Stop');
    await elsewhere.expectState('inactive');

    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    const refusal = errorPanel(dialog, 'Stop refused');
    // pyssf refuses an action that does not apply with 400, the others with 409 as OCCI 1.2 says.
    const pyssf = testInfo.project.name === 'pyssf';
    await expect(refusal).toContainText(pyssf ? '400 Bad Request' : '409 Conflict');
    await expect(refusal).toContainText('The server says:');
    await expect(refusal).toContainText('stop does not apply');
    if (!pyssf) await expect(refusal).toContainText('not in a state that allows this');
    await expect(dialog).toBeVisible();
    await expect(method).toHaveValue('poweroff');
    await shot(page, `error-409-${testInfo.project.name}`);
    await expectAccessible(page, 'an action dialog refused with 409');

    // The page has caught up with the cloud: stopped, and Start is what applies now.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await vm.expectState('inactive');
    await expect(
      vm.actions.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Start', exact: true }),
    ).toBeVisible();
  });

  test('a VM without an OS, where the cloud wants one: the refusal in its words, the form kept @profiles', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'rocci', 'only rOCCI-server insists on an OS template and a size');
    const name = uniqueName('error-no-os');
    await page.goto('/endpoints/demo/create/compute/');
    const form = new CreatePage(page);
    await form.expectLoaded();
    await form.name.fill(name);
    const small = form.size.getByRole('radio', { name: /^m1\.small / });
    const noOs = form.os.getByRole('radio', { name: 'None', exact: true });
    await small.check();
    await noOs.check();
    await form.submit.click();

    const refusal = errorPanel(form.form, 'The server refused the create');
    await expect(refusal).toContainText('409');
    await expect(refusal).toContainText('a compute needs exactly one os_tpl and one resource_tpl mixin (got 0 and 1)');
    await expect(refusal).toContainText('Your entries are kept');
    await expect(form.name).toHaveValue(name);
    await expect(small).toBeChecked();
    await expect(noOs).toBeChecked();
    await shot(page, 'error-create-refused-rocci');

    await form.os.getByRole('radio', { name: 'cirros-0.3.0-x86_64-blank', exact: true }).check();
    const vmPath = await form.create();
    expect(vmPath).toMatch(/\/compute\//);
    await expect(new EntityPage(page).heading).toHaveText(name);
  });
});
