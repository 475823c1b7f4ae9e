/**
 * Page objects for the resource screens of the console (lists, the create forms, an entity's
 * page, the model browser), as a user sees them: by role and accessible name. Each method waits
 * for what the user would wait for (a state badge, a row, a dialog closing), never for a time.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';

/** The demo cloud's transitions take `actionDelayMs` (1.5 s by default); a state gets this long. */
export const STATE_TIMEOUT = 10_000;

/**
 * Where the running test keeps its screenshots: e2e/artifacts/screens, or a folder of its own for
 * a quirk profile's project (e2e/artifacts/screens/ooi), so the runs of one journey against
 * several clouds do not overwrite each other's.
 */
export function screensDir(): string {
  const project = test.info().project.name;
  return project === 'standard' ? 'e2e/artifacts/screens' : `e2e/artifacts/screens/${project}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name no other test of the run uses: the demo cloud is shared by every test of the run. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A full-page screenshot kept as seed-<step>.png in the test's screensDir(). */
export async function screen(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: `${screensDir()}/seed-${step}.png`, fullPage: true });
}

/**
 * The field of an attribute (or an action's parameter) in a form or dialog, found by the attribute's
 * name, which ends its label: alone ("occi.compute.share"), or after a friendlier name that may
 * change ("Name" + "occi.core.title", "Mount point" + "occi.storagelink.mountpoint"; the label's
 * <code> follows the name with no space, so the accessible name reads "Nameocci.core.title").
 * Anchored at the end so that "occi.core.title" cannot find "occi.core.title.extra", and not after
 * a dot so that "method" cannot find "x.method".
 */
export function attributeField(scope: Locator, attribute: string): Locator {
  return scope.getByLabel(new RegExp(`(?:^|[^.])${escapeRegExp(attribute)}$`));
}

/** The tab bar of an endpoint ("Virtual machines", "Volumes", ..., "Model"). */
export function endpointTabs(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Endpoint Demo cloud' });
}

export class ModelPage {
  readonly kinds: Locator;
  readonly osTemplates: Locator;
  readonly resourceTemplates: Locator;

  constructor(readonly page: Page) {
    this.kinds = page.getByRole('region', { name: 'Kinds' });
    this.osTemplates = page.getByRole('region', { name: 'OS templates' });
    this.resourceTemplates = page.getByRole('region', { name: 'Resource templates' });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Model of Demo cloud', level: 1 })).toBeVisible();
    await expect(this.kinds.getByRole('link', { name: /^Compute resource/ })).toBeVisible();
  }
}

/** A collection's list: `/endpoints/demo/resources/compute/` and its siblings. */
export class ResourceListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filter: Locator;
  readonly selection: Locator;
  readonly createButton: Locator;
  /** "9 in compute/, 2 shown. Read in one request." */
  readonly summary: Locator;

  constructor(
    readonly page: Page,
    readonly title = 'Virtual machines',
    readonly collection = 'compute',
  ) {
    const region = page.getByRole('region', { name: `${title} list` });
    this.heading = region.getByRole('heading', { name: title, level: 1 });
    this.summary = region.getByText(new RegExp(`^\\d+ in ${escapeRegExp(collection)}/`));
    this.table = page.getByRole('table', { name: title });
    this.filter = page.getByRole('searchbox', { name: 'Filter' });
    this.selection = page.getByRole('toolbar', { name: 'Selected resources' });
    this.createButton = region.getByRole('link', { name: /^Create / });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/endpoints/demo/resources/${this.collection}/`);
    await expect(this.heading).toBeVisible();
  }

  /** Narrows the list to what matches `text` (the list is virtualised: a long one shows a part). */
  async filterBy(text: string): Promise<void> {
    await this.filter.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name: new RegExp(`^Select ${escapeRegExp(name)} `) });
  }

  /** The State cell of a row: the first cell after the checkbox (the name is the row's header). */
  stateOf(name: string): Locator {
    return this.row(name).getByRole('cell').nth(1);
  }

  link(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.table.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }

  /** Runs an action on the selected rows through its dialog, with `method` etc. if given. */
  async runOnSelection(action: string, parameters: Readonly<Record<string, string>> = {}): Promise<Locator> {
    await this.selection.getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^${escapeRegExp(action)}: \\d+ selected$`) });
    await expect(dialog).toBeVisible();
    for (const [name, value] of Object.entries(parameters)) {
      await attributeField(dialog, name).selectOption(value);
    }
    return dialog;
  }
}

/** `/endpoints/demo/create/<collection>/`: the form built from the kind and its mixins. */
export class CreatePage {
  readonly form: Locator;
  readonly os: Locator;
  readonly size: Locator;
  readonly name: Locator;
  readonly preview: Locator;
  readonly submit: Locator;

  constructor(
    readonly page: Page,
    readonly title = 'New virtual machine',
    submitLabel = 'Create virtual machine',
  ) {
    this.form = page.getByRole('form', { name: title });
    this.os = this.form.getByRole('group', { name: 'Operating system' });
    this.size = this.form.getByRole('group', { name: 'Size', exact: true });
    this.name = this.field('occi.core.title');
    this.preview = this.form.getByRole('region', { name: 'Request preview' });
    this.submit = this.form.getByRole('button', { name: submitLabel, exact: true });
  }

  field(attribute: string): Locator {
    return attributeField(this.form, attribute);
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.title, level: 1 })).toBeVisible();
    await expect(this.submit).toBeEnabled();
  }

  /** Submits and waits for the new entity's page; returns its path. */
  async create(): Promise<string> {
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/endpoints\/demo\/resources\/[a-z/]+\/[^/]+$/);
    return new URL(this.page.url()).pathname;
  }
}

/** An entity's page: `/endpoints/demo/resources/compute/<id>` and the like. */
export class EntityPage {
  readonly article: Locator;
  readonly heading: Locator;
  /** The state beside the name: "active", "inactive · booting"... (a badge with no role of its own). */
  readonly state: Locator;
  readonly actions: Locator;
  readonly templates: Locator;
  readonly attributes: Locator;
  readonly links: Locator;
  readonly session: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByRole('article');
    this.heading = this.article.getByRole('heading', { level: 1 });
    // The state badge, in its live region beside the heading.
    this.state = this.article.getByRole('status', { name: /^State:/ }).locator('.badge');
    this.actions = this.article.getByRole('region', { name: 'Actions and delete' });
    this.templates = this.article.getByRole('region', { name: 'Templates' });
    this.attributes = this.article.getByRole('region', { name: 'Attributes' });
    this.links = this.article.getByRole('region', { name: 'Links' });
    this.session = this.article.getByRole('region', { name: 'This session' });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  async expectState(state: string): Promise<void> {
    await expect(this.state).toHaveText(state, { timeout: STATE_TIMEOUT });
  }

  attribute(name: string): Locator {
    return this.attributes
      .getByRole('row', { name: new RegExp(`^${escapeRegExp(name)} `) })
      .getByRole('cell')
      .first();
  }

  /** The dialog of an action, opened from its button; `name` is the entity's name. */
  async openAction(action: string, name: string): Promise<Locator> {
    await this.actions
      .getByRole('group', { name: 'Actions' })
      .getByRole('button', { name: action, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `${action}: ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Confirms an action's dialog and waits for it to close and the server to accept it. */
  async confirmAction(dialog: Locator, action: string): Promise<void> {
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.actions.getByRole('status')).toContainText(`${action}: accepted by the server`);
  }

  async openDelete(name: string): Promise<Locator> {
    await this.actions.getByRole('button', { name: 'Delete…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openResize(name: string): Promise<Locator> {
    await this.templates.getByRole('button', { name: 'Resize…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Resize: ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openChangeOs(name: string): Promise<Locator> {
    await this.templates.getByRole('button', { name: 'Change OS…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Change OS: ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Picks a template in a Resize or Change OS dialog and confirms ("Resize to m1.medium"). */
  async chooseTemplate(dialog: Locator, template: string, confirmPrefix: string): Promise<void> {
    await dialog.getByRole('radio', { name: new RegExp(`^${escapeRegExp(template)}( |$)`) }).check();
    await dialog.getByRole('button', { name: `${confirmPrefix} ${template}`, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** What the Templates panel shows as the size: "m1.tiny (1 core, 0.5 GiB memory)". */
  get size(): Locator {
    return this.templates.getByRole('definition').filter({ has: this.page.getByRole('button', { name: 'Resize…' }) });
  }

  /** What the Templates panel shows as the operating system. */
  get os(): Locator {
    return this.templates
      .getByRole('definition')
      .filter({ has: this.page.getByRole('button', { name: 'Change OS…' }) });
  }

  async openAttachVolume(name: string): Promise<Locator> {
    await this.links.getByRole('button', { name: 'Attach a volume…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Attach ${name} to a volume` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * Chooses a volume by its name in the attach dialog. The option reads "<name> (<state>)", and a
   * volume just made may still be "offline" while it is created, so the option is found by name.
   */
  async chooseVolume(dialog: Locator, volume: string): Promise<void> {
    const option = dialog.getByRole('option', { name: new RegExp(`^${escapeRegExp(volume)} \\(`) });
    await expect(option).toHaveCount(1);
    const value = await option.getAttribute('value');
    expect(value, `the option of ${volume} has a value`).not.toBeNull();
    await dialog.getByRole('combobox', { name: 'Volume', exact: true }).selectOption(value ?? '');
  }

  /** A link attribute in the attach dialog ("occi.storagelink.mountpoint"). */
  linkField(dialog: Locator, attribute: string): Locator {
    return attributeField(dialog, attribute);
  }

  /** The row of a link in the Links panel, found by the other end's location. */
  linkRow(otherEnd: string): Locator {
    return this.links.getByRole('row').filter({ has: this.page.getByRole('link', { name: `to ${otherEnd}` }) });
  }

  /** The State cell of a link's row (Kind, Other end, Attached as, State, Link). */
  linkState(row: Locator): Locator {
    return row.getByRole('cell').nth(3);
  }

  async openRemoveLink(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Remove this link?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** An item of "This session": what the console changed, e.g. "Stop web-01". */
  sessionItem(purpose: string): Locator {
    return this.session.getByRole('listitem').filter({ hasText: purpose });
  }
}

/** The inspector drawer, opened from a page's "Show exchange". */
export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** The path of an entity's page without the console's prefix: `compute/<id>`. */
export function occiPath(pagePath: string): string {
  return pagePath.replace(/^\/endpoints\/demo\/resources\//, '');
}

/**
 * Opens a create form as a user would: from the collection's tab and its "Create ..." button when
 * the console is already open (no new page load), else by its address.
 */
async function openCreateForm(page: Page, tab: string, collection: string): Promise<void> {
  if (new URL(page.url()).pathname.startsWith('/endpoints/demo/')) {
    await endpointTabs(page).getByRole('link', { name: tab, exact: true }).click();
    await new ResourceListPage(page, tab, collection).createButton.click();
  } else {
    await page.goto(`/endpoints/demo/create/${collection}/`);
  }
}

/**
 * Creates a VM through the form with the defaults (m1.tiny, cirros) and the given name, and opens
 * its page. With `active`, waits for it to finish booting, as actions other than start need, and
 * starts it where the cloud leaves a new VM inactive (pyssf).
 */
export async function createVm(page: Page, name: string, { active = false } = {}): Promise<EntityPage> {
  await openCreateForm(page, 'Virtual machines', 'compute');
  const form = new CreatePage(page);
  await form.expectLoaded();
  await form.name.fill(name);
  await form.create();
  const vm = new EntityPage(page);
  await expect(vm.heading).toHaveText(name);
  if (active) {
    await expect(vm.state).toHaveText(/^(active|inactive)$/, { timeout: STATE_TIMEOUT });
    if ((await vm.state.textContent()) === 'inactive') {
      await vm.confirmAction(await vm.openAction('Start', name), 'Start');
      await vm.expectState('active');
    }
  }
  return vm;
}

/** Creates a volume of `size` GiB through the form and returns its path (`/endpoints/demo/resources/storage/<id>`). */
export async function createVolume(page: Page, name: string, size = '1'): Promise<string> {
  await openCreateForm(page, 'Volumes', 'storage');
  const form = new CreatePage(page, 'New volume', 'Create volume');
  await form.expectLoaded();
  await form.name.fill(name);
  await form.field('occi.storage.size').fill(size);
  const path = await form.create();
  await expect(new EntityPage(page).heading).toHaveText(name);
  return path;
}
