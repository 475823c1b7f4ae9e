// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { ResourcePage } from './resource-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('a failure on a resources page', () => {
  it('leads to the Endpoints page when the login is missing or has expired (401)', async () => {
    server.resetHandlers(
      http.get('*/occi/demo/-/', () =>
        HttpResponse.json({ error: 'login required', endpoint: 'demo' }, { status: 401, statusText: 'Unauthorized' }),
      ),
      ...freshDemoHandlers({ actionDelayMs: 0 }),
      endpointsHandler(),
    );
    renderWithClient(
      [
        { path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> },
        { path: '/', element: <h1>Endpoints</h1> },
      ],
      '/endpoints/demo/resources/compute/',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('401 Unauthorized');
    await userEvent.click(screen.getByRole('link', { name: 'Log in on the Endpoints page' }));
    expect(await screen.findByRole('heading', { name: 'Endpoints' })).toBeInTheDocument();
  });

  it('offers no login for a failure a login does not cure', async () => {
    server.resetHandlers(
      http.get('*/occi/demo/-/', () => HttpResponse.text('down', { status: 503, statusText: 'Service Unavailable' })),
      endpointsHandler(),
    );
    renderWithClient(
      [{ path: '/endpoints/:endpointId/resources/*', element: <ResourcePage /> }],
      '/endpoints/demo/resources/compute/',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('503 Service Unavailable');
    expect(screen.queryByRole('link', { name: 'Log in on the Endpoints page' })).toBeNull();
  });
});
