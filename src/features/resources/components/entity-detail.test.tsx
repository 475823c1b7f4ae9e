// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { ResourcePage } from './resource-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// A fresh tenant per test: these tests stop, resize and delete web-01.
beforeEach(() => server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler()));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

/** The seed document's VM, web-01 in the demo tenant. */
const WEB = 'compute/d54b4344-16be-486a-9871-2c566ef2263d';
const WEB_URL = `*/occi/demo/${WEB}`;

const renderAt = (path: string) =>
  renderWithClient(
    [
      { path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> },
      { path: '/endpoints/:endpointId/model', element: <p>the model</p> },
    ],
    `/endpoints/demo/resources/${path}`,
  );

async function openWeb() {
  const view = renderAt(WEB);
  await screen.findByRole('heading', { name: 'web-01', level: 1 });
  return view;
}

describe('an entity page', () => {
  it('finds the location of a link the server renders without one (pyssf JSON), so it can be removed', async () => {
    const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
    const ends = { 'occi.core.source': `/${WEB}`, 'occi.core.target': '/storage/vol-1' };
    server.use(
      http.get(WEB_URL, () =>
        HttpResponse.json({
          kind: `${INFRA}compute`,
          attributes: { 'occi.core.id': `/${WEB}`, 'occi.core.title': 'web-01', 'occi.compute.state': 'active' },
          actions: [],
          links: [{ kind: `${INFRA}storagelink`, attributes: { ...ends, 'occi.storagelink.deviceid': 'sda1' } }],
        }),
      ),
      http.get('*/occi/demo/storage/link/', () =>
        HttpResponse.json({
          links: [
            {
              kind: `${INFRA}storagelink`,
              attributes: { ...ends, 'occi.core.id': '/storage/link/found-1', 'occi.storagelink.deviceid': 'sda1' },
            },
          ],
        }),
      ),
    );
    await openWeb();
    const links = screen.getByRole('region', { name: 'Links' });
    const row = (await within(links).findByRole('link', { name: 'found-1' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('to storage/vol-1');
    expect(within(row).getByRole('button', { name: 'Remove' })).toBeInTheDocument();
  });

  it('shows what the VM is: state, kind, templates, attributes with their definitions, and its links', async () => {
    await openWeb();
    expect(screen.getByRole('heading', { name: 'web-01', level: 1 }).parentElement).toHaveTextContent('active');
    expect(screen.getByText(/a virtual machine/)).toHaveTextContent(/m1\.tiny, cirros-0\.3\.0-x86_64-blank/);
    const templates = screen.getByRole('region', { name: 'Templates' });
    expect(templates).toHaveTextContent('m1.tiny (1 core, 0.5 GiB memory)');
    const attributes = screen.getByRole('region', { name: 'Attributes' });
    const cores = within(attributes)
      .getByRole('rowheader', { name: 'occi.compute.cores' })
      .closest('tr') as HTMLElement;
    expect(cores).toHaveTextContent(/1\s*number, mutable/);
    const links = screen.getByRole('region', { name: 'Links' });
    expect(within(links).getByRole('link', { name: 'to network/private' })).toHaveAttribute(
      'href',
      '/endpoints/demo/resources/network/private',
    );
  });

  it('runs stop with the parameter chosen, then follows the state to inactive', async () => {
    const { log } = await openWeb();
    await userEvent.click(within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop: web-01' });
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Method/), 'poweroff');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText(/Stop: accepted by the server/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'web-01', level: 1 }).parentElement).toHaveTextContent('inactive'),
    );
    const sent = log.snapshot().find((exchange) => exchange.url.endsWith('?action=stop'));
    expect(sent?.requestBody).toContain('poweroff');
    const history = screen.getByRole('region', { name: 'This session' });
    expect(history).toHaveTextContent(/Stop web-01\s*POST .*\?action=stop\s*200/);
  });

  it("keeps the dialog open with the server's words when an action is refused", async () => {
    server.use(http.post(WEB_URL, () => HttpResponse.text('web-01 is busy migrating', { status: 409 })));
    await openWeb();
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Restart' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Restart: web-01' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restart' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/Restart refused: 409.*busy migrating/);
    expect(screen.getByRole('dialog', { name: 'Restart: web-01' })).toBeInTheDocument();
  });

  it('opens the refused exchange in the inspector, closing the dialog that would keep it out of reach', async () => {
    server.use(http.post(WEB_URL, () => HttpResponse.text('web-01 is busy migrating', { status: 409 })));
    const { log } = await openWeb();
    const revealed: number[] = [];
    log.onReveal((id) => revealed.push(id));
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Restart' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Restart: web-01' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restart' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Show the exchange' }));
    const refused = log.snapshot().find((exchange) => exchange.response?.status === 409);
    expect(revealed).toEqual([refused?.id]);
    expect(screen.queryByRole('dialog', { name: 'Restart: web-01' })).not.toBeInTheDocument();
  });

  it('scales the VM up to m1.medium with a partial update carrying only the new template', async () => {
    const { log } = await openWeb();
    await userEvent.click(screen.getByRole('button', { name: 'Resize…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resize: web-01' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /m1\.medium/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resize to m1.medium' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Templates' })).toHaveTextContent('m1.medium (2 cores, 4 GiB memory)'),
    );
    const update = log.snapshot().find((exchange) => exchange.method === 'POST' && exchange.url.endsWith(WEB));
    expect(update?.requestBody).toContain('template/resource#m1.medium');
    expect(update?.requestBody).not.toContain('cirros');
  });

  it("says so in the server's words when it cannot change the OS, by POST or by PUT", async () => {
    server.use(
      http.post(WEB_URL, () => HttpResponse.text('rebuild is not implemented by this provider', { status: 501 })),
      http.put(WEB_URL, () => HttpResponse.text('no rebuild here either', { status: 501 })),
    );
    await openWeb();
    await userEvent.click(screen.getByRole('button', { name: 'Change OS…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change OS: web-01' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /SmartOS/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change OS to SmartOS' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/501.*no rebuild here either/);
    expect(alert).toHaveTextContent('refused this change by POST and by PUT: it does not make it');
  });

  it('sends the whole VM by PUT when the server refuses the swap as a partial update (ooi), and says so', async () => {
    server.use(
      http.post(WEB_URL, () =>
        HttpResponse.json({ code: 400, message: 'Invalid action None provided.' }, { status: 400 }),
      ),
    );
    const { log } = await openWeb();
    const templates = screen.getByRole('region', { name: 'Templates' });
    await userEvent.click(within(templates).getByRole('button', { name: 'Resize…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resize: web-01' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /^m1\.medium/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resize to m1.medium' }));
    await waitFor(() => expect(templates).toHaveTextContent('m1.medium'));
    expect(within(templates).getByRole('status')).toHaveTextContent(
      /does not take updates by POST \(400.*Invalid action None.*\), so the console sent the same change by PUT/,
    );
    const put = log.snapshot().find((exchange) => exchange.method === 'PUT' && exchange.url.endsWith(WEB));
    // The same change: the new flavour alone, as ooi takes it (it refuses a PUT with more), and the
    // VM's kind, without which ooi's JSON parser reads no mixin.
    expect(put?.requestBody).toContain('m1.medium');
    expect(put?.requestBody).not.toContain('cirros');
    expect(JSON.parse(put?.requestBody ?? '{}').kind).toBe('http://schemas.ogf.org/occi/infrastructure#compute');
  });

  it('says in words when the server answers a swap with success and keeps the old template (pyssf)', async () => {
    // pyssf answers 200 `OK` and changes nothing; the VM read again still has its old image.
    server.use(http.post(WEB_URL, () => HttpResponse.text('OK', { headers: { 'Content-Type': 'text/plain' } })));
    await openWeb();
    const templates = screen.getByRole('region', { name: 'Templates' });
    await userEvent.click(within(templates).getByRole('button', { name: 'Change OS…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change OS: web-01' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /SmartOS/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change OS to SmartOS' }));
    expect(await within(templates).findByRole('status')).toHaveTextContent(
      /did not make the change: the server kept cirros-0\.3\.0-x86_64-blank: SmartOS was not applied/,
    );
  });

  it('edits a mutable attribute and sends only what changed', async () => {
    const { log } = await openWeb();
    await userEvent.click(screen.getByRole('button', { name: 'Edit attributes' }));
    const summary = screen.getByLabelText(/occi\.core\.summary/);
    await userEvent.clear(summary);
    await userEvent.type(summary, 'the shop front');
    await userEvent.click(screen.getByRole('button', { name: 'Save 1 change' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Attributes' })).toHaveTextContent('the shop front'));
    const update = log.snapshot().find((exchange) => exchange.method === 'POST' && exchange.url.endsWith(WEB));
    expect(update?.requestBody).toContain('the shop front');
    expect(update?.requestBody).not.toContain('occi.compute.hostname');
  });

  it("shows a volume's link when its page is opened directly, and names it before a delete", async () => {
    renderAt('storage/3');
    await screen.findByRole('heading', { name: 'db-data', level: 1 });
    const links = screen.getByRole('region', { name: 'Links' });
    const row = await within(links).findByRole('row', { name: /from compute\/.* \/dev\/vdc/ });
    expect(within(row).getByRole('link', { name: /^from compute\// })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/endpoints\/demo\/resources\/compute\//),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete db-data?' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(/It is in use: a link points at it.*\/dev\/vdc/);
  });

  it('reads a link the server gives by its location alone (rOCCI-server 1.x JSON) for its other end', async () => {
    const APP = 'compute/2ee26373-db62-4bbf-9325-ff68a81097e3';
    server.use(
      http.get(`*/occi/demo/${APP}`, () =>
        HttpResponse.json(
          {
            kind: 'http://schemas.ogf.org/occi/infrastructure#compute',
            attributes: { occi: { core: { id: '2ee26373-db62-4bbf-9325-ff68a81097e3', title: 'app-01' } } },
            actions: [{ scheme: 'http://schemas.ogf.org/occi/infrastructure/compute/action#', term: 'stop' }],
            links: ['/storage/link/6cb97f63-7d8a-4474-87cb-4d1c9c581de1'],
          },
          { headers: { 'Content-Type': 'application/occi+json' } },
        ),
      ),
    );
    renderAt(APP);
    await screen.findByRole('heading', { name: 'app-01', level: 1 });
    const links = screen.getByRole('region', { name: 'Links' });
    expect(await within(links).findByRole('link', { name: 'to storage/2' })).toBeVisible();
    expect(within(links).getByRole('row', { name: /to storage\/2/ })).toHaveTextContent('/dev/vdb');
  });

  it('attaches a volume at /dev/vdb with a standalone link, and removes it again', async () => {
    const { log } = await openWeb();
    const links = screen.getByRole('region', { name: 'Links' });
    await userEvent.click(within(links).getByRole('button', { name: 'Attach a volume…' }));
    const dialog = screen.getByRole('dialog', { name: 'Attach web-01 to a volume' });
    const volume = within(dialog).getByLabelText('Volume');
    await waitFor(() => expect(within(volume).getAllByRole('option').length).toBeGreaterThan(1));
    await userEvent.selectOptions(volume, within(volume).getAllByRole('option')[1] as HTMLOptionElement);
    await userEvent.type(within(dialog).getByLabelText(/^Mount point/), '/dev/vdb');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create storage link' }));
    expect(await within(links).findByText(/Attached: storage\/link\//)).toBeInTheDocument();
    const created = log
      .snapshot()
      .find((exchange) => exchange.method === 'POST' && exchange.url.endsWith('/storage/link/'));
    expect(created?.requestBody).toMatch(/"source":\{"location":"[^"]*compute\/d54b4344/);
    const row = await within(links).findByText(/\/dev\/vdb/);
    await userEvent.click(within(row.closest('tr') as HTMLElement).getByRole('button', { name: 'Remove' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Remove this link?' })).getByRole('button', { name: 'Remove link' }),
    );
    await waitFor(() => expect(within(links).queryByText(/\/dev\/vdb/)).not.toBeInTheDocument());
    expect(
      log.snapshot().some((exchange) => exchange.method === 'DELETE' && exchange.url.includes('/storage/link/')),
    ).toBe(true);
  });

  it('joins a network without an address: the address fields stay optional', async () => {
    const { log } = await openWeb();
    const links = screen.getByRole('region', { name: 'Links' });
    await userEvent.click(within(links).getByRole('button', { name: 'Attach a network…' }));
    const dialog = screen.getByRole('dialog', { name: 'Attach web-01 to a network' });
    const network = within(dialog).getByLabelText('Network');
    await userEvent.selectOptions(network, await within(network).findByRole('option', { name: /dmz/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create network interface' }));
    expect(await within(links).findByText(/Attached: /)).toBeInTheDocument();
    const created = log
      .snapshot()
      .find((exchange) => exchange.method === 'POST' && exchange.url.endsWith('/network/interface/'));
    expect(created?.requestBody).not.toContain('ipnetworkinterface');
  });

  it('joins a network with a fixed address: a network interface with the ipnetworkinterface mixin', async () => {
    const { log } = await openWeb();
    const links = screen.getByRole('region', { name: 'Links' });
    await userEvent.click(within(links).getByRole('button', { name: 'Attach a network…' }));
    const dialog = screen.getByRole('dialog', { name: 'Attach web-01 to a network' });
    const network = within(dialog).getByLabelText('Network');
    await userEvent.selectOptions(network, await within(network).findByRole('option', { name: /dmz/ }));
    await userEvent.type(within(dialog).getByLabelText(/^Address/), '10.1.0.20');
    // An address asks for its allocation too: the mixin's required attributes count once it is in use.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create network interface' }));
    expect(within(dialog).getByLabelText(/^Allocation/)).toBeInvalid();
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Allocation/), 'static');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create network interface' }));
    expect(await within(links).findByText(/Attached: /)).toBeInTheDocument();
    const created = log
      .snapshot()
      .find((exchange) => exchange.method === 'POST' && exchange.url.endsWith('/network/interface/'));
    expect(created?.requestBody).toContain('networkinterface#ipnetworkinterface');
    expect(created?.requestBody).toContain('10.1.0.20');
    expect(await within(links).findByText(/10\.1\.0\.20/)).toBeInTheDocument();
  });

  it('deletes after a confirmation naming its links, and goes back to the list', async () => {
    const { router } = await openWeb();
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete web-01?' });
    expect(dialog).toHaveTextContent(/and its 1 link:.*network\/private/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/endpoints/demo/resources/compute/'));
  });

  it('says a deleted entity is gone', async () => {
    renderAt('compute/no-such-vm');
    expect(await screen.findByRole('alert')).toHaveTextContent(/It is gone: 404/);
  });

  it('reports a malformed answer with the position the parser stopped at', async () => {
    server.use(
      http.get(WEB_URL, () =>
        HttpResponse.text('Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#" class=', {
          headers: { 'Content-Type': 'text/plain' },
        }),
      ),
    );
    renderAt(WEB);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Malformed answer.*line 1, column \d+/);
  });
});
