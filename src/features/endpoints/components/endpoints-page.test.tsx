// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT, endpointsHandler, loginHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { createDemoServer } from '../../../mocks/node.ts';
import { EndpointsPage } from './endpoints-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const renderPage = () => renderWithClient([{ path: '/', element: <EndpointsPage /> }], '/');

describe('the start page', () => {
  it('lists the endpoints with their state from the probe', async () => {
    server.use(
      endpointsHandler([
        DEMO_ENDPOINT,
        { ...DEMO_ENDPOINT, id: 'other', title: 'Second', insecureTls: true, demo: false },
      ]),
      http.get('*/occi/other/-/', () =>
        HttpResponse.text('502 Bad Gateway: endpoint "other" refused the connection.', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
      ),
    );
    renderPage();
    const card = await screen.findByRole('article', { name: 'Demo cloud (in the console)' });
    expect(within(card).getByText('Demo')).toBeInTheDocument();
    expect(within(card).getByText('http://127.0.0.1:8787/')).toBeInTheDocument();
    expect(within(card).getByText('No login needed')).toBeInTheDocument();
    const state = await within(card).findByRole('status');
    expect(state).toHaveTextContent('Reachable');
    expect(state).toHaveTextContent('OCCI/1.2');
    expect(state).toHaveTextContent('answers in application/occi+json, text/plain');
    expect(within(card).getByRole('link', { name: /Open the model browser/ })).toHaveAttribute(
      'href',
      '/endpoints/demo/model',
    );
    const second = screen.getByRole('article', { name: 'Second' });
    expect(within(second).getByText(/Certificate checks are switched off/)).toBeInTheDocument();
    const failed = await within(second).findByRole('alert');
    expect(failed).toHaveTextContent('502 Bad Gateway');
    expect(failed).toHaveTextContent('The server says: endpoint "other" refused the connection.');
    expect(failed).toHaveTextContent(/proxy could not get a usable answer from endpoint "other"/);
  });

  it('shows a failed probe in words and retries it', async () => {
    server.use(
      endpointsHandler(),
      http.get(
        '*/occi/demo/-/',
        () =>
          HttpResponse.text('', {
            status: 500,
            statusText: 'Internal Server Error',
            headers: { 'X-OCCI-Error': 'the query interface is being rebuilt' },
          }),
        { once: true },
      ),
    );
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not reachable');
    expect(alert).toHaveTextContent('500 Internal Server Error');
    expect(alert).toHaveTextContent('The server says: the query interface is being rebuilt');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Reachable')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the login form input when the login fails, and says why', async () => {
    server.use(
      endpointsHandler([
        { ...DEMO_ENDPOINT, auth: 'keystone', login: { version: 'v3', needsProject: true, needsDomain: false } },
      ]),
      loginHandler(401, 'Keystone did not accept this user name, password and project'),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: /Log in to/ });
    expect(within(form).queryByLabelText('Domain')).not.toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('User name'), 'ann');
    await userEvent.type(within(form).getByLabelText('Password'), 'wrong');
    await userEvent.type(within(form).getByLabelText('Project'), 'tenant-a');
    await userEvent.click(within(form).getByRole('button', { name: 'Log in' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Login failed');
    expect(alert).toHaveTextContent('401');
    expect(alert).toHaveTextContent('Keystone did not accept this user name, password and project');
    expect(within(form).getByLabelText('User name')).toHaveValue('ann');
    expect(within(form).getByLabelText('Password')).toHaveValue('wrong');
    expect(within(form).getByLabelText('Project')).toHaveValue('tenant-a');
  });

  it('logs in with a token', async () => {
    let sent: unknown;
    server.use(
      endpointsHandler([{ ...DEMO_ENDPOINT, auth: 'user-token' }]),
      http.post('*/api/session/demo/login', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: /Log in to/ });
    await userEvent.type(within(form).getByLabelText('Token'), 'gAAAAB-token');
    await userEvent.click(within(form).getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Logged in.'));
    expect(sent).toEqual({ token: 'gAAAAB-token' });
  });

  it('lets the user choose the rendering of an endpoint', async () => {
    server.use(endpointsHandler());
    const { client } = renderPage();
    const card = await screen.findByRole('article', { name: 'Demo cloud (in the console)' });
    await within(card).findByText('Reachable');
    expect(client.renderingFor('demo')).toEqual({ mediaType: 'application/occi+json', source: 'negotiated' });
    await userEvent.selectOptions(within(card).getByLabelText('Rendering'), 'Always text/occi');
    expect(client.renderingFor('demo')).toEqual({ mediaType: 'text/occi', source: 'override' });
    await userEvent.selectOptions(within(card).getByLabelText('Rendering'), 'Automatic (OCCI JSON, else text/plain)');
    expect(client.renderingFor('demo').source).toBe('negotiated');
  });
});
