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
// jsdom lays nothing out: the list's scroll box is given a screenful, as a browser would.
const sizes = { clientHeight: 640, clientWidth: 1200 } as const;
const originals = Object.keys(sizes).map(
  (name) => [name, Object.getOwnPropertyDescriptor(Element.prototype, name)] as const,
);
beforeAll(() => {
  for (const [name, original] of originals) {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('resource-scroller')
          ? sizes[name as keyof typeof sizes]
          : original?.get?.call(this);
      },
    });
  }
});
afterAll(() => {
  for (const [name] of originals) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
});
// A fresh tenant per test: the bulk tests stop and delete VMs.
beforeEach(() => server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler()));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const renderAt = (url: string) =>
  renderWithClient([{ path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> }], url);

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Virtual machines' });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('the resource list', () => {
  it("lists the tenant's VMs with their state, templates and the kind's attributes as columns", async () => {
    renderAt('/endpoints/demo/resources/compute/');
    const table = await screen.findByRole('table', { name: 'Virtual machines' });
    expect(rowNames()).toContain('web-01');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Name ▲', 'State', 'Templates', 'Cores', 'Memory (GiB)']));
    const web = within(table).getByRole('link', { name: 'web-01' }).closest('tr') as HTMLElement;
    expect(within(web).getByText('active')).toHaveClass('badge', 'ok');
    expect(web).toHaveTextContent(/m1\.tiny, cirros-0\.3\.0-x86_64-blank/);
    expect(screen.getByText(/in compute\/\. Read in one request\./)).toBeInTheDocument();
  });

  it('links each row to its entity page at the same location as on the server', async () => {
    renderAt('/endpoints/demo/resources/compute/');
    const link = await screen.findByRole('link', { name: 'web-01' });
    expect(link.getAttribute('href')).toMatch(/^\/endpoints\/demo\/resources\/compute\/[0-9a-f-]{36}$/);
  });

  it('filters by text and by state, and keeps the filter in the URL', async () => {
    const { router } = renderAt('/endpoints/demo/resources/compute/');
    await screen.findByRole('table', { name: 'Virtual machines' });
    const all = rowNames().length;
    await userEvent.type(screen.getByLabelText('Filter'), 'cirros');
    expect(rowNames()).toEqual(['web-01']);
    expect(router.state.location.search).toBe('?q=cirros');
    await userEvent.clear(screen.getByLabelText('Filter'));
    await userEvent.selectOptions(screen.getByLabelText('State'), 'suspended');
    expect(rowNames()).toEqual(['staging-web-01']);
    expect(screen.getByText(new RegExp(`${all} in compute/, 1 shown`))).toBeInTheDocument();
  });

  it('sorts by a column, descending on the second click', async () => {
    renderAt('/endpoints/demo/resources/compute/?sort=occi.compute.cores');
    await screen.findByRole('table', { name: 'Virtual machines' });
    expect(rowNames().at(-1)).toBe('analytics-01');
    await userEvent.click(screen.getByRole('button', { name: /Cores/ }));
    expect(rowNames()[0]).toBe('analytics-01');
    expect(screen.getByRole('columnheader', { name: /Cores/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('reads the details one by one from a server that lists locations only, and shows them all', async () => {
    const { client, log } = renderAt('/endpoints/demo/resources/compute/');
    client.setRenderingOverride('demo', 'text/plain');
    await screen.findByRole('table', { name: 'Virtual machines' });
    expect(screen.getByText(/The server lists locations only: \d+ read one by one/)).toBeInTheDocument();
    const reads = log.snapshot().filter((exchange) => /\/compute\/[0-9a-f-]{36}$/.test(exchange.url));
    expect(reads.length).toBe(rowNames().length);
  });

  it('says which entities could not be read and lists the others', async () => {
    const { client } = renderAt('/endpoints/demo/resources/compute/');
    client.setRenderingOverride('demo', 'text/plain');
    server.use(
      http.get('*/occi/demo/compute/d54b4344-16be-486a-9871-2c566ef2263d', () =>
        HttpResponse.text('database down', { status: 500 }),
      ),
    );
    await screen.findByRole('table', { name: 'Virtual machines' });
    expect(screen.getByText(/1 listed entity could not be read/)).toHaveTextContent('500');
    expect(rowNames()).not.toContain('web-01');
    expect(rowNames()).toContain('db-01');
  });

  it('shows a failed listing in words with a retry', async () => {
    server.use(http.get('*/occi/demo/compute/', () => HttpResponse.text('upstream exploded', { status: 500 })));
    renderAt('/endpoints/demo/resources/compute/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not list compute\/.*500.*upstream exploded/);
    // The page no longer says it is reading.
    expect(screen.getByText('Could not read compute/.')).toBeInTheDocument();
    expect(screen.queryByText('Reading compute/…')).not.toBeInTheDocument();
    server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler());
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Virtual machines' })).toBeInTheDocument();
  });

  it('stops several VMs at once and reports each outcome', async () => {
    const { log } = renderAt('/endpoints/demo/resources/compute/?state=active');
    await screen.findByRole('table', { name: 'Virtual machines' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select web-01' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select db-01' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected resources' });
    expect(toolbar).toHaveTextContent('2 selected');
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop: 2 selected' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText(/2 of 2 accepted by the server/)).toBeInTheDocument();
    const stops = log
      .snapshot()
      .filter((exchange) => exchange.method === 'POST' && exchange.url.includes('action=stop'));
    expect(stops).toHaveLength(2);
    await waitFor(() => expect(rowNames()).not.toContain('web-01'));
  });

  it('reports the VMs a bulk action could not act on, in the server words', async () => {
    server.use(
      http.post('*/occi/demo/compute/d54b4344-16be-486a-9871-2c566ef2263d', () =>
        HttpResponse.text('compute web-01 is locked', { status: 409 }),
      ),
    );
    renderAt('/endpoints/demo/resources/compute/?state=active');
    await screen.findByRole('table', { name: 'Virtual machines' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select web-01' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select db-01' }));
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restart' }));
    const report = await screen.findByText(/1 of 2 accepted by the server; 1 refused/);
    expect(report.closest('[role=status]')).toHaveTextContent(/web-01: 409.*locked/);
  });

  it('asks for the number of VMs before deleting several', async () => {
    const { log } = renderAt('/endpoints/demo/resources/compute/?state=suspended');
    await screen.findByRole('table', { name: 'Virtual machines' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 1 shown' }));
    await userEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete staging-web-01?' });
    expect(dialog).toHaveTextContent(/this cannot be undone/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(log.snapshot().some((exchange) => exchange.method === 'DELETE')).toBe(false);
  });

  it('acts on the whole collection with one request after the kind is typed', async () => {
    server.use(
      http.get('*/occi/demo/network/', () =>
        HttpResponse.json(
          {
            resources: [1, 2].map((n) => ({
              kind: 'http://schemas.ogf.org/occi/infrastructure#network',
              id: `n${n}`,
              title: `net-${n}`,
              attributes: { 'occi.network.state': 'active' },
            })),
          },
          { headers: { 'Content-Type': 'application/occi+json' } },
        ),
      ),
      http.delete('*/occi/demo/network/', () => new HttpResponse(null, { status: 204 })),
    );
    const { log } = renderAt('/endpoints/demo/resources/network/');
    await screen.findByRole('table', { name: 'Networks' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 2 shown' }));
    await userEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete 2' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Type network to confirm/), 'network');
    await userEvent.click(confirm);
    await screen.findByText(/1 of 1 accepted/);
    const deletes = log.snapshot().filter((exchange) => exchange.method === 'DELETE');
    expect(deletes.map((exchange) => exchange.url)).toEqual(['/occi/demo/network/']);
  });

  it('keeps only a window of rows in the page for a long list', async () => {
    server.use(
      http.get('*/occi/demo/compute/', () =>
        HttpResponse.json(
          {
            resources: Array.from({ length: 3000 }, (_, n) => ({
              kind: 'http://schemas.ogf.org/occi/infrastructure#compute',
              id: `vm-${n}`,
              title: `vm-${String(n).padStart(4, '0')}`,
              attributes: { 'occi.compute.state': 'active' },
            })),
          },
          { headers: { 'Content-Type': 'application/occi+json' } },
        ),
      ),
    );
    renderAt('/endpoints/demo/resources/compute/');
    const table = await screen.findByRole('table', { name: 'Virtual machines' });
    expect(table).toHaveAttribute('aria-rowcount', '3001');
    const rendered = within(table).getAllByRole('rowheader');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]).toHaveTextContent('vm-0000');
  });

  it('says when a path is no collection of the server', async () => {
    renderAt('/endpoints/demo/resources/nothing-here/');
    expect(await screen.findByText(/is no collection of this server/)).toBeInTheDocument();
  });
});
