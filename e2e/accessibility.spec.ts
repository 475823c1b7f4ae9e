import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/expect-accessible.ts';

const COMPUTE = 'http://schemas.ogf.org/occi/infrastructure#compute';
const THEMES = ['light', 'dark'] as const;
/** --bg of app.css, light and dark. */
const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(15, 19, 24)';

interface Screen {
  /** The screenshots' name: e2e/artifacts/screens/<name>-<theme>.png, <name>-narrow-<theme>.png */
  readonly name: string;
  /** Goes to the screen (from the one before it in its group) and waits for its content. */
  readonly open: (page: Page) => Promise<void>;
  /** A fixed drawer is the point of the screen: a full-page shot would only repeat the page. */
  readonly fullPage?: boolean;
}

async function demoReachable(page: Page): Promise<void> {
  await expect(page.getByRole('article', { name: 'Demo cloud' }).getByRole('status')).toContainText('Reachable');
}

/*
 * The screens that exist today, in groups that each share one page: a screen opens from the one
 * before it where it can, as a user would, and axe's second run in a page is twice as fast as its first.
 * The longest group comes first, so that the two workers finish together.
 */
const GROUPS: Readonly<Record<string, readonly Screen[]>> = {
  'the model browser': [
    {
      name: 'model',
      open: async (page) => {
        await page.goto('/endpoints/demo/model');
        await expect(page.getByRole('region', { name: 'Kinds' }).getByRole('link', { name: /Compute/ })).toBeVisible();
      },
    },
    {
      name: 'model-compute',
      open: async (page) => {
        await page
          .getByRole('region', { name: 'Kinds' })
          .getByRole('link', { name: /Compute/ })
          .click();
        await expect(page).toHaveURL(`/endpoints/demo/model/${encodeURIComponent(COMPUTE)}`);
        await expect(page.getByRole('table', { name: /Attributes of compute/ })).toContainText('occi.compute.cores');
      },
    },
  ],
  'the virtual machine screens': [
    {
      name: 'vm-list',
      open: async (page) => {
        await page.goto('/endpoints/demo/resources/compute/');
        await expect(page.getByRole('table', { name: 'Virtual machines' }).getByRole('link').first()).toBeVisible({
          timeout: 15_000,
        });
      },
    },
    {
      name: 'vm-page',
      open: async (page) => {
        // The first VM listed: other journeys of the run create and delete VMs of their own.
        await page.getByRole('table', { name: 'Virtual machines' }).getByRole('link').first().click();
        await expect(page.getByRole('article').getByRole('region', { name: 'Attributes' })).toContainText(
          'occi.core.id',
        );
      },
    },
    {
      name: 'vm-attach-dialog',
      fullPage: false,
      open: async (page) => {
        await page.getByRole('region', { name: 'Links' }).getByRole('button', { name: 'Attach a volume…' }).click();
        await expect(page.getByRole('dialog', { name: /^Attach .+ to a volume$/ })).toBeVisible();
      },
    },
    {
      name: 'vm-create',
      open: async (page) => {
        await page.goto('/endpoints/demo/create/compute/');
        await expect(
          page.getByRole('form', { name: 'New virtual machine' }).getByRole('group', { name: 'Operating system' }),
        ).toBeVisible();
      },
    },
  ],
  'the volume, network and topology screens': [
    {
      name: 'volume-list',
      open: async (page) => {
        await page.goto('/endpoints/demo/resources/storage/');
        await expect(page.getByRole('table', { name: 'Volumes' }).getByRole('link').first()).toBeVisible({
          timeout: 15_000,
        });
      },
    },
    {
      name: 'volume-create',
      open: async (page) => {
        await page.goto('/endpoints/demo/create/storage/');
        await expect(page.getByRole('form', { name: 'New volume' })).toContainText('occi.storage.size');
      },
    },
    {
      name: 'network-page',
      open: async (page) => {
        await page.goto('/endpoints/demo/resources/network/');
        await page.getByRole('table', { name: 'Networks' }).getByRole('link', { name: 'private', exact: true }).click();
        await expect(page.getByRole('article').getByRole('region', { name: 'Attributes' })).toContainText(
          'occi.network.vlan',
        );
      },
    },
    {
      name: 'topology',
      fullPage: false,
      open: async (page) => {
        await page.goto('/endpoints/demo/topology');
        await expect(page.locator('.react-flow').getByRole('group', { name: /^private, network, / })).toBeVisible();
      },
    },
  ],
  'the start page, the inspector and the 404 page': [
    {
      name: 'start',
      open: async (page) => {
        await page.goto('/');
        await demoReachable(page);
      },
    },
    {
      name: 'inspector',
      fullPage: false,
      open: async (page) => {
        await page.getByRole('button', { name: /^Inspector \(\d+\)$/ }).click();
        const drawer = page.getByRole('complementary', { name: 'Inspector' });
        await drawer
          .getByRole('list', { name: 'Exchanges, newest first' })
          .getByRole('button')
          .filter({ hasText: /^GET\s*\/-\// })
          .first()
          .click();
        await expect(drawer.getByRole('table', { name: 'Categories' })).toContainText('infrastructure#compute');
      },
    },
    {
      name: 'not-found',
      open: async (page) => {
        await page.goto('/no-such-page');
        await expect(page.getByRole('heading', { name: 'Nothing here', level: 1 })).toBeVisible();
      },
    },
  ],
  'the rendering lab': [
    {
      name: 'lab',
      open: async (page) => {
        await page.goto('/lab');
        await expect(page.getByRole('status')).toHaveText('Parsed as an entity.');
      },
    },
    {
      name: 'lab-error',
      open: async (page) => {
        await page.getByLabel('Example').selectOption({ label: 'A malformed answer' });
        await expect(page.getByRole('alert')).toContainText('line 2, column');
      },
    },
  ],
};

async function scan(page: Page, name: string, fullPage: boolean): Promise<void> {
  await expectAccessible(page, name);
  await page.screenshot({ path: `e2e/artifacts/screens/${name}.png`, fullPage });
}

// Issue 5: every screen passes axe (no serious or critical violation of WCAG 2.1 AA) in the light
// and the dark theme at 1280x800, and on a narrow phone screen, where nothing overflows sideways.
test.describe('accessibility', () => {
  // Each test scans several screens three times; axe takes a second or two a scan on these machines,
  // and several seconds when the machine is busy.
  test.describe.configure({ timeout: 120_000 });

  for (const [group, screens] of Object.entries(GROUPS)) {
    test(`${group}: axe finds nothing serious, light and dark, wide and narrow`, async ({ page }) => {
      for (const screen of screens) {
        await test.step(screen.name, async () => {
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.emulateMedia({ colorScheme: 'light' });
          await screen.open(page);
          for (const theme of THEMES) {
            await page.emulateMedia({ colorScheme: theme });
            await scan(page, `${screen.name}-${theme}`, screen.fullPage ?? true);
          }

          // One narrow pass, scanned in dark: the layout, not the colours, is what changes. A light
          // shot too. Narrow shots show the first screenful: a phone's full page is too long to read.
          await page.setViewportSize({ width: 390, height: 844 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${screen.name} is wider than a 390 px screen`).toBeLessThanOrEqual(0);
          await scan(page, `${screen.name}-narrow-dark`, false);
          await page.emulateMedia({ colorScheme: 'light' });
          await page.screenshot({ path: `e2e/artifacts/screens/${screen.name}-narrow-light.png` });
        });
      }
    });
  }

  test('the header’s theme choice overrides the system’s and is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await demoReachable(page);
    const theme = page.getByRole('group', { name: 'Theme' });
    const root = page.locator('html');

    await theme.getByRole('button', { name: 'Dark' }).click();
    await expect(theme.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    // The chosen dark block equals the system's (src/app/app-css.test.ts), which axe checked above.
    await expect(root).toHaveCSS('background-color', DARK_BG);
    await page.screenshot({ path: 'e2e/artifacts/screens/start-chosen-dark.png' });

    await page.reload();
    await demoReachable(page);
    await expect(root).toHaveAttribute('data-theme', 'dark');

    await page.emulateMedia({ colorScheme: 'dark' });
    await theme.getByRole('button', { name: 'Light' }).click();
    await expect(root).toHaveAttribute('data-theme', 'light');
    await expect(root).toHaveCSS('background-color', LIGHT_BG);
    await page.screenshot({ path: 'e2e/artifacts/screens/start-chosen-light.png' });

    await theme.getByRole('button', { name: 'System' }).click();
    await expect(root).not.toHaveAttribute('data-theme', /.*/);
    await expect(theme.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');
    await expect(root).toHaveCSS('background-color', DARK_BG);
  });
});
