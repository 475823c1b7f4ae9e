// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { Link, Outlet } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointsHandler } from '../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../mocks/demo-model.ts';
import { createDemoServer } from '../mocks/node.ts';
import { EndpointIndex } from './endpoint-index.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

function ConformanceStandIn() {
  return <h1>Conformance</h1>;
}

/** The endpoint's tabs reduced to one, to a page whose chunk arrives when the test says. */
function routes(chunkLoaded: Promise<void>) {
  return [
    {
      path: '/endpoints/:endpointId',
      element: (
        <>
          <Link to="conformance">Conformance</Link>
          <Outlet />
        </>
      ),
      children: [
        { index: true, element: <EndpointIndex /> },
        { path: 'resources/*', element: <h1>First list</h1> },
        { path: 'conformance', lazy: () => chunkLoaded.then(() => ({ Component: ConformanceStandIn })) },
      ],
    },
  ];
}

describe('the endpoint index', () => {
  it('opens the first resource list once the model is read', async () => {
    server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler());
    const { router } = renderWithClient(routes(Promise.resolve()), '/endpoints/demo');
    expect(await screen.findByRole('heading', { name: 'First list' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/endpoints/demo/resources/compute/');
  });

  it('lets a tab clicked while the model is read win over going to the first list', async () => {
    let answerModel = () => {};
    const modelHeld = new Promise<void>((resolve) => {
      answerModel = resolve;
    });
    let loadChunk = () => {};
    const chunkLoaded = new Promise<void>((resolve) => {
      loadChunk = resolve;
    });
    server.resetHandlers(
      http.get('*/occi/demo/-/', async () => {
        await modelHeld;
        await delay(0);
        return undefined;
      }),
      ...freshDemoHandlers({ actionDelayMs: 0 }),
      endpointsHandler(),
    );
    const { router } = renderWithClient(routes(chunkLoaded), '/endpoints/demo');
    await userEvent.click(screen.getByRole('link', { name: 'Conformance' }));
    // The model arrives while the page's chunk is still loading.
    answerModel();
    await screen.findByText('Reading the query interface…');
    await new Promise((resolve) => setTimeout(resolve, 200));
    loadChunk();
    expect(await screen.findByRole('heading', { name: 'Conformance' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/endpoints/demo/conformance');
  });
});
