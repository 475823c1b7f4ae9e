// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { createDemoServer } from '../../../mocks/node.ts';
import { ModelBrowserPage } from './model-browser-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.use(endpointsHandler()));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const COMPUTE = 'http://schemas.ogf.org/occi/infrastructure#compute';

const renderAt = (url: string) =>
  renderWithClient(
    [
      { path: '/endpoints/:endpointId/model', element: <ModelBrowserPage /> },
      { path: '/endpoints/:endpointId/model/:typeId', element: <ModelBrowserPage /> },
    ],
    url,
  );

describe('the model browser', () => {
  it('lists the compute kind with its inheritance', async () => {
    renderAt('/endpoints/demo/model');
    const kinds = await screen.findByRole('region', { name: 'Kinds' });
    const compute = within(kinds).getByRole('link', { name: /Compute resource/ });
    expect(compute).toHaveTextContent('compute → resource → entity');
    expect(compute).toHaveAttribute('href', `/endpoints/demo/model/${encodeURIComponent(COMPUTE)}`);
  });

  it('groups m1.tiny under resource templates with what it brings', async () => {
    renderAt('/endpoints/demo/model');
    const templates = await screen.findByRole('region', { name: 'Resource templates' });
    const tiny = within(templates).getByRole('link', { name: /m1\.tiny/ });
    expect(tiny).toHaveTextContent('1 core, 0.5 GiB');
    const images = screen.getByRole('region', { name: 'OS templates' });
    expect(within(images).getByRole('link', { name: /cirros-0\.3\.0-x86_64-blank/ })).toBeInTheDocument();
    expect(within(images).queryByRole('link', { name: /m1\.tiny/ })).not.toBeInTheDocument();
  });

  it('filters by the search term', async () => {
    renderAt('/endpoints/demo/model');
    await screen.findByRole('region', { name: 'Kinds' });
    await userEvent.type(screen.getByLabelText('Search the model'), 'tiny');
    const templates = screen.getByRole('region', { name: 'Resource templates' });
    expect(within(templates).getByRole('link', { name: /m1\.tiny/ })).toBeInTheDocument();
    expect(within(templates).queryByRole('link', { name: /m1\.small/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Kinds' })).not.toBeInTheDocument();
    expect(screen.getByText(/1 of \d+ entries match/)).toBeInTheDocument();
  });

  it('shows an entry’s attribute definitions and actions when selected', async () => {
    renderAt('/endpoints/demo/model');
    const kinds = await screen.findByRole('region', { name: 'Kinds' });
    await userEvent.click(within(kinds).getByRole('link', { name: /Compute resource/ }));
    expect(await screen.findByRole('heading', { level: 2, name: /Compute resource/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Attributes of compute/ });
    const cores = within(table).getByRole('row', { name: /occi\.compute\.cores/ });
    expect(cores).toHaveTextContent('number');
    const title = within(table).getByRole('row', { name: /occi\.core\.title/ });
    expect(title).toHaveTextContent('A display name for the entity.');
    const stop = screen.getByRole('table', { name: 'Parameters of stop' });
    expect(within(stop).getByRole('row', { name: /method/ })).toHaveTextContent(/graceful/);
  });

  it('opens a deep link to a kind', async () => {
    renderAt(`/endpoints/demo/model/${encodeURIComponent(COMPUTE)}`);
    expect(await screen.findByRole('heading', { level: 2, name: /Compute resource/ })).toBeInTheDocument();
  });

  it('shows a failed discovery in words with the status', async () => {
    server.use(
      http.get('*/occi/demo/-/', () =>
        HttpResponse.text('Gateway timed out', { status: 504, statusText: 'Gateway Timeout' }),
      ),
    );
    renderAt('/endpoints/demo/model');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not read the model');
    expect(alert).toHaveTextContent('504 Gateway Timeout');
    expect(alert).toHaveTextContent('The server says: Gateway timed out');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('reports a malformed query interface with its position', async () => {
    server.use(
      http.get('*/occi/demo/-/', () =>
        HttpResponse.text('{"kinds": [{"term": }', { headers: { 'Content-Type': 'application/occi+json' } }),
      ),
    );
    renderAt('/endpoints/demo/model');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Malformed answer');
    expect(alert).toHaveTextContent(/line 1, column \d+/);
  });
});
