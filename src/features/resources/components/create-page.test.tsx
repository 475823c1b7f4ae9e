// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../lib/exchange.ts';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { listCollection } from '../api/list-collection.ts';
import { CreatePage } from './create-page.tsx';
import { ResourcePage } from './resource-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// No pause between keystrokes: the tests type a good deal, and nothing here depends on timing.
let user = userEvent.setup({ delay: null });
beforeEach(() => {
  server.use(endpointsHandler());
  user = userEvent.setup({ delay: null });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const COMPUTE = 'http://schemas.ogf.org/occi/infrastructure#compute';
const STORAGE = 'http://schemas.ogf.org/occi/infrastructure#storage';
const STORAGELINK = 'http://schemas.ogf.org/occi/infrastructure#storagelink';
const TINY = 'http://schemas.openstack.org/template/resource#m1.tiny';
const MEDIUM = 'http://schemas.openstack.org/template/resource#m1.medium';
const CIRROS = 'http://schemas.openstack.org/template/os#cirros-0.3.0-x86_64-blank';
const SSH_KEY = 'http://schemas.ogf.org/occi/infrastructure/credentials#ssh_key';
const USER_DATA = 'http://schemas.ogf.org/occi/infrastructure/compute#user_data';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@example.org';

const renderAt = (url: string) =>
  renderWithClient(
    [
      { path: '/endpoints/:endpointId/create/*', element: <CreatePage /> },
      { path: '/endpoints/:endpointId/resources/*', element: <p>Resource page stub</p> },
    ],
    url,
  );

/** The page, once the query interface is read. */
async function openForm(url: string) {
  const view = renderAt(url);
  await screen.findByRole('heading', { level: 1, name: /^New / });
  return view;
}

const posts = (exchanges: readonly Exchange[]) => exchanges.filter((exchange) => exchange.method === 'POST');

/** The one POST sent, with its body read as OCCI JSON. */
function onePost(exchanges: readonly Exchange[]) {
  const sent = posts(exchanges);
  expect(sent).toHaveLength(1);
  const [post] = sent as [Exchange];
  const body = JSON.parse(post.requestBody) as Record<string, unknown>;
  // occi.core.* stand in `attributes` too (as servers read them); the rest is what the form chose.
  const all = (body.attributes ?? {}) as Record<string, unknown>;
  const chosen = Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('occi.core.')));
  return { post, body: { ...body, attributes: chosen } as Record<string, unknown> };
}

const createButton = (name = 'Create virtual machine') => screen.getByRole('button', { name });

describe('creating a virtual machine', () => {
  it('creates the seed’s VM in two clicks and opens its page', async () => {
    const { log, router, client, queryClient } = await openForm('/endpoints/demo/create/compute/');
    const os = screen.getByRole('group', { name: 'Operating system' });
    expect(within(os).getByRole('radio', { name: /cirros-0\.3\.0-x86_64-blank/ })).toBeChecked();
    const size = screen.getByRole('group', { name: 'Size' });
    expect(within(size).getByRole('radio', { name: /m1\.tiny/ })).toBeChecked();
    expect(within(size).getByRole('radio', { name: /m1\.tiny/ })).toHaveAccessibleName(/1 core, 0\.5 GiB memory/);

    await user.click(createButton());

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/endpoints\/demo\/resources\/compute\/./));
    expect(await screen.findByText('Resource page stub')).toBeInTheDocument();
    const { post, body } = onePost(log.snapshot());
    expect(post.url).toBe('/occi/demo/compute/');
    expect(post.requestHeaders).toContainEqual(['Content-Type', 'application/occi+json']);
    expect(body.kind).toBe(COMPUTE);
    expect(body.mixins).toEqual(expect.arrayContaining([TINY, CIRROS]));
    expect(body.mixins).toHaveLength(2);
    expect(post.response?.status).toBe(201);

    const listing = await listCollection(client, queryClient, 'demo', 'compute/');
    const location = router.state.location.pathname.replace('/endpoints/demo/resources/', '');
    expect(listing.entities.map((entity) => entity.location)).toContain(location);
  });

  it('applies a new template’s defaults to untouched fields and keeps typed ones, sending neither default', async () => {
    const { log } = await openForm('/endpoints/demo/create/compute/');
    const cores = screen.getByLabelText(/^Cores/);
    const memory = screen.getByLabelText(/^Memory/);
    expect(cores).toHaveValue(1);
    expect(memory).toHaveValue(0.5);

    await user.clear(memory);
    await user.type(memory, '3');
    await user.click(screen.getByRole('radio', { name: /m1\.medium/ }));
    expect(cores).toHaveValue(2);
    expect(memory).toHaveValue(3);

    await user.click(createButton());
    await waitFor(() => expect(posts(log.snapshot())).toHaveLength(1));
    const { body } = onePost(log.snapshot());
    expect(body.mixins).toEqual(expect.arrayContaining([MEDIUM, CIRROS]));
    expect(body.attributes).toEqual({ 'occi.compute.memory': 3 });
  });

  it('keeps a typed name through a template change and sends it', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.type(screen.getByLabelText(/^Name/), 'web-02');
    await user.click(screen.getByRole('radio', { name: /Ubuntu 22\.04/ }));
    await user.click(screen.getByRole('radio', { name: /m1\.small/ }));
    expect(screen.getByLabelText(/^Name/)).toHaveValue('web-02');
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const { body } = onePost(log.snapshot());
    expect(body.title).toBe('web-02');
    expect(body.attributes).toEqual({});
  });
});

describe('creating a volume', () => {
  it('starts with a size and creates the seed’s 1.0 GB volume', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/storage/');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('New volume');
    const size = screen.getByLabelText(/^Size \(GiB\)/);
    expect(size).toHaveValue(1);
    expect(size).toBeRequired();
    expect(screen.queryByRole('group', { name: 'Operating system' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Attach a/ })).not.toBeInTheDocument();

    await user.click(createButton('Create volume'));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/endpoints\/demo\/resources\/storage\/./));
    const { post, body } = onePost(log.snapshot());
    expect(post.url).toBe('/occi/demo/storage/');
    expect(body.kind).toBe(STORAGE);
    expect(body.attributes).toEqual({ 'occi.storage.size': 1 });
    expect(post.response?.status).toBe(201);
  });

  it('refuses an empty size in place, sending nothing', async () => {
    const { log } = await openForm('/endpoints/demo/create/storage/');
    const size = screen.getByLabelText(/^Size \(GiB\)/);
    await user.clear(size);
    expect(size).toHaveAccessibleDescription(/Size \(GiB\) is required/);
    expect(size).toBeInvalid();
    await user.click(createButton('Create volume'));
    expect(screen.getByRole('alert')).toHaveTextContent('1 field needs a look: Size (GiB).');
    expect(posts(log.snapshot())).toHaveLength(0);
  });
});

describe('validation in place', () => {
  it('asks for a valid SSH key once its mixin is ticked, and sends nothing until then', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    expect(screen.queryByRole('textbox', { name: /^SSH public key/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /SSH public key/ }));
    const key = screen.getByRole('textbox', { name: /^SSH public key/ });
    expect(key).toBeRequired();

    await user.click(key);
    await user.paste('not a key');
    await user.type(screen.getByLabelText(/occi\.compute\.hostname/), 'bad host!');
    await user.click(createButton());

    expect(key).toBeInvalid();
    expect(key).toHaveAccessibleDescription(/SSH public key .*pattern|SSH public key must/);
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent(/2 fields need a look: Host name, SSH public key\./);
    expect(posts(log.snapshot())).toHaveLength(0);

    await user.clear(key);
    await user.click(key);
    await user.paste(KEY);
    await user.clear(screen.getByLabelText(/occi\.compute\.hostname/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const { body } = onePost(log.snapshot());
    expect(body.mixins).toEqual(expect.arrayContaining([SSH_KEY]));
    expect(body.attributes).toEqual({ 'occi.credentials.ssh.publickey': KEY });
  });

  it('gives every input and list an accessible name', async () => {
    await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('checkbox', { name: /SSH public key/ }));
    await user.click(screen.getByRole('checkbox', { name: /^User data/ }));
    await user.click(screen.getByRole('button', { name: 'Attach a volume' }));
    await user.click(screen.getByRole('button', { name: 'Attach a network' }));
    const controls = [...document.querySelectorAll('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) expect(control).toHaveAccessibleName();
  });
});

describe('server errors', () => {
  it('keeps the form after a 409, shows the server’s words, and creates once the server agrees', async () => {
    server.use(
      http.post(
        '/occi/demo/compute/',
        () => new HttpResponse('quota exceeded', { status: 409, headers: { 'Content-Type': 'text/plain' } }),
      ),
    );
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.type(screen.getByLabelText(/^Name/), 'web-03');
    await user.click(createButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('409');
    expect(alert).toHaveTextContent('quota exceeded');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('web-03');
    expect(router.state.location.pathname).toBe('/endpoints/demo/create/compute/');
    expect(createButton()).toBeEnabled();

    server.resetHandlers();
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const sent = posts(log.snapshot());
    expect(sent.map((exchange) => exchange.response?.status)).toEqual([409, 201]);
    expect(JSON.parse(sent[1]?.requestBody ?? '{}').title).toBe('web-03');
  });

  it('sends one request while the server thinks, with the button saying so', async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.post('/occi/demo/compute/', async () => {
        await answered;
        return new HttpResponse('quota exceeded', { status: 409, headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    const { log } = await openForm('/endpoints/demo/create/compute/');
    await user.click(createButton());
    const pending = await screen.findByRole('button', { name: 'Creating…' });
    expect(pending).toBeDisabled();
    await user.click(pending);
    answer();
    expect(await screen.findByRole('alert')).toHaveTextContent('409');
    expect(posts(log.snapshot())).toHaveLength(1);
  });

  it('shows a 500 with its status', async () => {
    server.use(http.post('/occi/demo/compute/', () => new HttpResponse('boom', { status: 500 })));
    const { router } = await openForm('/endpoints/demo/create/compute/');
    await user.type(screen.getByLabelText(/^Name/), 'web-04');
    await user.click(createButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('500');
    expect(alert).toHaveTextContent('boom');
    // The cloud failed; the entries were not refused.
    expect(alert).toHaveTextContent(/^The create failed: 500/);
    expect(alert).toHaveTextContent('Your entries are kept: create again once the cloud is working.');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('web-04');
    expect(router.state.location.pathname).toBe('/endpoints/demo/create/compute/');
  });

  it('shows a network failure and can try again', async () => {
    server.use(http.post('/occi/demo/compute/', () => HttpResponse.error()));
    const { router } = await openForm('/endpoints/demo/create/compute/');
    await user.type(screen.getByLabelText(/^Name/), 'web-05');
    await user.click(createButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^The create did not go through: Network failure/);
    expect(alert).toHaveTextContent('The cloud may have made it anyway: look at the list before creating again.');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('web-05');
    server.resetHandlers();
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
  });
});

describe('user data', () => {
  it('sends text base64-encoded and shows its size', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('checkbox', { name: /^User data/ }));
    const field = screen.getByRole('textbox', { name: /^User data/ });
    const script = '#cloud-config\npackages:\n  - nginx\n';
    await user.click(field);
    await user.paste(script);
    expect(field).toHaveAccessibleDescription(/^34 B, 48 B encoded\.$/);
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const { body } = onePost(log.snapshot());
    expect(body.mixins).toEqual(expect.arrayContaining([USER_DATA]));
    expect(body.attributes).toEqual({ 'occi.compute.userdata': Buffer.from(script).toString('base64') });
  });

  it('sends text already base64-encoded as typed', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('checkbox', { name: /^User data/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Already base64-encoded' }));
    const encoded = Buffer.from('#!/bin/sh\necho hi\n').toString('base64');
    await user.click(screen.getByRole('textbox', { name: /^User data/ }));
    await user.paste(encoded);
    expect(screen.getByRole('textbox', { name: /^User data/ })).toHaveAccessibleDescription('18 B, 24 B encoded.');
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    expect(onePost(log.snapshot()).body.attributes).toEqual({ 'occi.compute.userdata': encoded });
  });

  it('counts padding for nothing in the size of text already encoded', async () => {
    await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('checkbox', { name: /^User data/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Already base64-encoded' }));
    const field = screen.getByRole('textbox', { name: /^User data/ });
    await user.type(field, Buffer.from('hi').toString('base64'));
    expect(field).toHaveAccessibleDescription('2 B, 4 B encoded.');
  });

  it('asks for user data once its mixin is ticked', async () => {
    const { log } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('checkbox', { name: /^User data/ }));
    await user.click(createButton());
    expect(screen.getByRole('alert')).toHaveTextContent('1 field needs a look: User data.');
    const field = screen.getByRole('textbox', { name: /^User data/ });
    expect(field).toBeInvalid();
    expect(field).toBeRequired();
    expect(field).toHaveAccessibleDescription(/User data is required/);
    expect(posts(log.snapshot())).toHaveLength(0);
  });
});

describe('inline links', () => {
  it('attaches a volume with a mountpoint', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('button', { name: 'Attach a volume' }));
    const volume = screen.getByRole('combobox', { name: 'Volume to attach' });
    const option = await within(volume).findByRole('option', { name: /scratch-01/ });
    await user.selectOptions(volume, option);
    await user.type(screen.getByLabelText(/occi\.storagelink\.mountpoint/), '/dev/vdc');
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const { body } = onePost(log.snapshot());
    expect(body.links).toEqual([
      expect.objectContaining({
        kind: STORAGELINK,
        attributes: expect.objectContaining({ 'occi.storagelink.mountpoint': '/dev/vdc' }),
      }),
    ]);
    const [link] = body.links as [{ target?: { location?: string }; attributes: Record<string, unknown> }];
    const target = link.target?.location ?? link.attributes['occi.core.target'];
    expect(target).toMatch(/\/storage\/[^/]+$/);
  });

  it('blocks a create with no volume chosen', async () => {
    const { log } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('button', { name: 'Attach a volume' }));
    const volume = screen.getByRole('combobox', { name: 'Volume to attach' });
    expect(volume).toBeValid();
    await user.click(createButton());
    expect(screen.getByRole('alert')).toHaveTextContent('Choose what to attach, or remove the attachment.');
    expect(volume).toBeInvalid();
    expect(volume).toHaveAccessibleDescription('Choose the volume to attach, or do not attach one.');
    expect(posts(log.snapshot())).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Do not attach' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks a network interface’s MAC address in place and sends nothing while it is wrong', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.click(screen.getByRole('button', { name: 'Attach a network' }));
    const network = screen.getByRole('combobox', { name: 'Network to attach' });
    await user.selectOptions(network, await within(network).findByRole('option', { name: /private/ }));
    const mac = screen.getByRole('textbox', { name: /occi\.networkinterface\.mac/ });
    await user.type(mac, 'zz');
    expect(mac).toBeInvalid();
    expect(mac).toHaveAccessibleDescription(/MAC address does not match the pattern/);
    await user.click(createButton());
    expect(screen.getByRole('alert')).toHaveTextContent('An attachment needs a look: MAC address.');
    expect(posts(log.snapshot())).toHaveLength(0);

    await user.clear(mac);
    await user.click(mac);
    await user.paste('02:00:00:00:00:01');
    expect(mac).toBeValid();
    await user.click(createButton());
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    const { body } = onePost(log.snapshot());
    expect(body.links).toEqual([
      expect.objectContaining({
        attributes: expect.objectContaining({ 'occi.networkinterface.mac': '02:00:00:00:00:01' }),
      }),
    ]);
  });
});

describe('the request preview', () => {
  it('shows the POST in JSON, and in text/occi when chosen', async () => {
    await openForm('/endpoints/demo/create/compute/');
    const preview = screen.getByRole('region', { name: 'Request preview' });
    expect(preview).toHaveTextContent(/POST \S*\/compute\//);
    expect(preview).toHaveTextContent('Content-Type: application/occi+json');
    expect(preview).toHaveTextContent(`"kind":"${COMPUTE}"`);

    await user.type(screen.getByLabelText(/^Name/), 'web-06');
    // OCCI JSON carries the title and the id beside the kind, not among the attributes.
    expect(preview).toHaveTextContent('"title":"web-06"');
    const id = /"id":"([0-9a-f-]{36})"/.exec(preview.textContent ?? '')?.[1];
    expect(id).toBeDefined();

    await user.selectOptions(within(preview).getByLabelText('Rendering'), 'text/occi');
    const text = within(preview).getByText(/Category:/);
    expect(text).toHaveTextContent(/Category: compute; scheme="http:\/\/schemas\.ogf\.org\/occi\/infrastructure#"/);
    expect(text).toHaveTextContent(/m1\.tiny; scheme="http:\/\/schemas\.openstack\.org\/template\/resource#"/);
    expect(text).toHaveTextContent(/cirros-0\.3\.0-x86_64-blank; scheme=/);
    expect(text).toHaveTextContent(`X-OCCI-Attribute: occi.core.id="${id}", occi.core.title="web-06"`);
  });
});

describe('servers that deviate (the demo cloud in their quirk profiles)', () => {
  /** The form and the real resource page, on a fresh demo cloud in `profile`. */
  async function openFormOn(profile: 'rocci' | 'ooi' | 'pyssf', collection: string) {
    server.use(...freshDemoHandlers({ profile, actionDelayMs: 0 }), endpointsHandler());
    const view = renderWithClient(
      [
        { path: '/endpoints/:endpointId/create/*', element: <CreatePage /> },
        { path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> },
      ],
      `/endpoints/demo/create/${collection}`,
    );
    await screen.findByRole('heading', { level: 1, name: /^New / });
    return view;
  }

  /** The id the request preview shows, in OCCI JSON. */
  const previewedId = () =>
    /"id":"([0-9a-f-]{36})"/.exec(screen.getByRole('region', { name: 'Request preview' }).textContent ?? '')?.[1];

  it.each([
    ['compute/', 'virtual machine'],
    ['storage/', 'volume'],
  ])('creates in %s on rOCCI-server, which wants the client to choose occi.core.id', async (collection, what) => {
    const { log, router } = await openFormOn('rocci', collection);
    const id = previewedId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await user.type(screen.getByLabelText(/^Name/), 'rocci-01');
    await user.click(createButton(`Create ${what}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'rocci-01' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/endpoints/demo/resources/${collection}${id}`);
    const { post, body } = onePost(log.snapshot());
    expect(post.response?.status).toBe(201);
    expect(body.id).toBe(id);
  });

  it('lets pyssf choose the id: it would keep the console’s under a URL of its own', async () => {
    const { log, router } = await openFormOn('pyssf', 'compute/');
    await user.type(screen.getByLabelText(/^Name/), 'pyssf-01');
    await user.click(createButton());
    expect(await screen.findByRole('heading', { level: 1, name: 'pyssf-01' })).toBeInTheDocument();
    const post = log.snapshot().find((exchange) => exchange.method === 'POST');
    expect(post?.response?.status).toBe(201);
    expect(post?.requestBody).not.toContain('occi.core.id');
    // The page is where pyssf put it, and that path is the id it gave the VM.
    const location = router.state.location.pathname.replace('/endpoints/demo/resources/', '');
    const read = log.snapshot().find((exchange) => exchange.method === 'GET' && exchange.url.endsWith(location));
    expect(read?.response?.body).toMatch(new RegExp(`"occi.core.id": ?"/${location}"|occi.core.id="/${location}"`));
  });

  it('lists the create under “This session” when ooi answers it 200 with X-OCCI-Location', async () => {
    const { log } = await openFormOn('ooi', 'compute/');
    await user.type(screen.getByLabelText(/^Name/), 'ooi-01');
    await user.click(createButton());
    expect(await screen.findByRole('heading', { level: 1, name: 'ooi-01' })).toBeInTheDocument();
    const { post } = onePost(log.snapshot());
    expect(post.response?.status).toBe(200);
    expect(post.response?.headers.some(([name]) => name.toLowerCase() === 'location')).toBe(false);
    const history = screen.getByRole('region', { name: 'This session' });
    expect(history).toHaveTextContent(/Create virtual machine ooi-01\s*POST compute\/\s*200/);
    // ooi's answer names the VM only: the page reads it in full, and finds the templates kept.
    expect(await screen.findByText(/m1\.tiny \(1 core/)).toBeInTheDocument();
    expect(screen.queryByText(/was not applied/)).toBeNull();
  });
});

describe('what the server did with a create', () => {
  // The rendering a refused create was sent again in is remembered for the endpoint, in storage.
  afterEach(() => localStorage.clear());
  const renderWithPage = (url: string) =>
    renderWithClient(
      [
        { path: '/endpoints/:endpointId/create/*', element: <CreatePage /> },
        { path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> },
      ],
      url,
    );

  it("says on the new VM's page what the server did not keep: a name it replaced", async () => {
    // A server that makes the VM and calls it something else (ooi named JSON creates OCCI_VM).
    server.use(
      http.post('*/occi/demo/compute/', () =>
        HttpResponse.text('', { status: 201, headers: { Location: '/compute/d54b4344-16be-486a-9871-2c566ef2263d' } }),
      ),
    );
    renderWithPage('/endpoints/demo/create/compute/');
    await screen.findByRole('heading', { level: 1, name: 'New virtual machine' });
    await user.type(screen.getByLabelText(/^Name/), 'shop-02');
    await user.click(createButton());
    await screen.findByRole('heading', { level: 1, name: 'web-01' });
    expect(screen.getByText(/did not keep all that was sent/).closest('[role="status"]')).toHaveTextContent(
      'occi.core.title is "web-01", not "shop-02"',
    );
  });

  it('sends the create again as text/plain when the server does not read OCCI JSON, and says so', async () => {
    server.use(
      http.post('*/occi/demo/compute/', ({ request }) =>
        request.headers.get('content-type')?.includes('json')
          ? HttpResponse.text('unsupported media type', { status: 415 })
          : undefined,
      ),
    );
    const { log } = renderWithPage('/endpoints/demo/create/compute/');
    await screen.findByRole('heading', { level: 1, name: 'New virtual machine' });
    await user.type(screen.getByLabelText(/^Name/), 'shop-03');
    await user.click(createButton());
    await screen.findByRole('heading', { level: 1, name: 'shop-03' });
    expect(screen.getByText(/did not read the request in application\/occi\+json/)).toHaveTextContent(
      /415.*sent it again as text\/plain, which it took/,
    );
    const sent = posts(log.snapshot()).map(
      (exchange) => exchange.requestHeaders.find(([n]) => n === 'Content-Type')?.[1],
    );
    expect(sent).toEqual(['application/occi+json', 'text/plain']);
  });
});

describe('the page around the form', () => {
  it('submits with Enter from a field', async () => {
    const { log, router } = await openForm('/endpoints/demo/create/compute/');
    await user.type(screen.getByLabelText(/^Name/), 'web-07{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toMatch(/resources\/compute\//));
    expect(onePost(log.snapshot()).body.title).toBe('web-07');
  });

  it('shows a failed read of the model and retries it', async () => {
    server.use(
      http.get('/occi/demo/-/', () => new HttpResponse('down for maintenance', { status: 503 }), { once: true }),
    );
    renderAt('/endpoints/demo/create/compute/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not read the model: 503/);
    expect(alert).toHaveTextContent('down for maintenance');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New virtual machine' })).toBeInTheDocument();
  });

  it('sends nobody to a form for a link kind, which needs a source and a target', async () => {
    const { log } = renderAt('/endpoints/demo/create/storage/link/');
    expect(await screen.findByText(/holds storage links, which join two resources/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the storage links' })).toHaveAttribute(
      'href',
      '/endpoints/demo/resources/storage/link/',
    );
    expect(posts(log.snapshot())).toHaveLength(0);
  });
});

describe('a path that is no collection', () => {
  it('says so', async () => {
    const { log } = renderAt('/endpoints/demo/create/nothing/');
    expect(await screen.findByText(/is no collection of this server/)).toHaveTextContent('nothing/');
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See its model' })).toHaveAttribute('href', '/endpoints/demo/model');
    expect(posts(log.snapshot())).toHaveLength(0);
  });
});
