/**
 * An endpoint behind Keystone (the `keystone` endpoint of e2e/support/test-clouds.ts): the tenant logs
 * in on the start page, the proxy obtains the token and keeps it in its HttpOnly session cookie, and
 * the page never sees it. Each journey logs in in its own browser context, so each has its own token.
 */
import { expect, type Page, test } from '@playwright/test';
import { ResourceListPage } from './support/console-pages.ts';
import { errorPanel, shot } from './support/error-pages.ts';
import { expectAccessible } from './support/expect-accessible.ts';
import { REVOKE_PATH, TOKEN_PATH } from './support/keystone-cloud.ts';
import { STACK_KEYSTONE_USER } from './support/stack-credentials.ts';

const CARD = 'Keystone cloud';
const VM_LIST = '/endpoints/keystone/resources/compute/';

function card(page: Page) {
  return page.getByRole('article', { name: CARD });
}

function loginForm(page: Page) {
  return page.getByRole('form', { name: `Log in to ${CARD}` });
}

async function logIn(page: Page, password: string = STACK_KEYSTONE_USER.password): Promise<void> {
  const form = loginForm(page);
  await form.getByLabel('User name').fill(STACK_KEYSTONE_USER.name);
  await form.getByLabel('Password').fill(password);
  await form.getByLabel('Project').fill(STACK_KEYSTONE_USER.project);
  await form.getByRole('button', { name: 'Log in' }).click();
}

/** The seeded tenant's VMs, read through the proxy with the session's token. */
async function expectVmsListed(page: Page): Promise<void> {
  const list = new ResourceListPage(page);
  await expect(list.heading).toBeVisible();
  await expect(list.link('web-01')).toBeVisible();
  await expect(list.link('db-01')).toBeVisible();
}

test.describe('an endpoint behind Keystone', () => {
  // Each journey loads the start page and logs in, one twice: 10 to 25 s, more beside other journeys.
  test.describe.configure({ timeout: 60_000 });

  test('asks for a login, lists the VMs once logged in, and never lets the page see the token', async ({
    page,
    context,
  }) => {
    // Everything the page received: headers and bodies, read when the journey is done.
    const received: Promise<string>[] = [];
    page.on('response', (response) => {
      received.push(
        response
          .text()
          .catch(() => '')
          .then((body) => `${JSON.stringify(response.headers())}\n${body}`),
      );
    });

    await page.goto('/');
    await expect(card(page)).toContainText('Log in through Keystone v2.0');
    const needed = errorPanel(card(page), 'Login needed');
    await expect(needed).toContainText('401 Unauthorized');
    await expect(needed).toContainText('Log in to endpoint "keystone"');
    await shot(page, 'keystone-login-needed');
    await expectAccessible(page, 'the start page with a Keystone login');

    await logIn(page);
    await expect(loginForm(page).getByRole('status')).toContainText('Logged in.');
    await expect(card(page).getByRole('status').filter({ hasText: 'Reachable' })).toContainText('OCCI/1.2');
    await expect(needed).toHaveCount(0);
    // The password is not kept in the form once it has been used.
    await expect(loginForm(page).getByLabel('Password')).toHaveValue('');

    await card(page)
      .getByRole('link', { name: `Open the resources of ${CARD}` })
      .click();
    await expect(page).toHaveURL(VM_LIST);
    await expectVmsListed(page);
    await shot(page, 'keystone-vms');

    // The very token the proxy sends upstream for this session, asked of the cloud outside the page.
    const token = await (await context.request.get(`/occi/keystone${TOKEN_PATH}`)).text();
    expect(token).toMatch(/^gAAAAA[\w-]{100,}$/);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toContain(token);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'occi_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(session?.value).not.toContain(token);
    const seen = await Promise.all(received);
    expect(seen.length).toBeGreaterThan(3);
    for (const answer of seen) expect(answer).not.toContain(token);
  });

  test("a wrong password shows Keystone's refusal in words and keeps the user name", async ({ page }) => {
    await page.goto('/');
    await logIn(page, 'not the password');
    const refusal = errorPanel(loginForm(page), 'Login failed');
    await expect(refusal).toContainText('401 Unauthorized');
    await expect(refusal).toContainText('Keystone did not accept this user name, password and project');
    await expect(loginForm(page).getByLabel('User name')).toHaveValue(STACK_KEYSTONE_USER.name);
    await expect(loginForm(page).getByLabel('Project')).toHaveValue(STACK_KEYSTONE_USER.project);
    await shot(page, 'keystone-login-refused');
    await expectAccessible(page, 'the start page after a refused login');

    await loginForm(page).getByLabel('Password').fill(STACK_KEYSTONE_USER.password);
    await loginForm(page).getByRole('button', { name: 'Log in' }).click();
    await expect(loginForm(page).getByRole('status')).toContainText('Logged in.');
    await expect(refusal).toHaveCount(0);
  });

  test('a token revoked while the console is open makes it ask for a login again', async ({ page, context }) => {
    await page.goto('/');
    await logIn(page);
    await expect(loginForm(page).getByRole('status')).toContainText('Logged in.');
    await page.goto(VM_LIST);
    await expectVmsListed(page);

    // As `openstack token revoke` would: the cloud refuses the token from now on.
    expect((await context.request.post(`/occi/keystone${REVOKE_PATH}`)).status()).toBe(204);
    await page.getByRole('link', { name: 'Volumes', exact: true }).click();
    const expired = errorPanel(page, 'Could not list storage/');
    await expect(expired).toContainText('401 Unauthorized');
    await expect(expired).toContainText('log in again: the login may have expired');
    await expect(page.getByText('Could not read storage/.')).toBeVisible();
    await shot(page, 'keystone-session-expired');
    // The proxy dropped the session's credential when the cloud refused it.
    expect((await context.cookies()).find((cookie) => cookie.name === 'occi_session')).toBeUndefined();

    await page.goto('/');
    await expect(errorPanel(card(page), 'Login needed')).toContainText('401 Unauthorized');
    await logIn(page);
    await expect(loginForm(page).getByRole('status')).toContainText('Logged in.');
    await page.goto(VM_LIST);
    await expectVmsListed(page);
  });
});
