/**
 * Renders a screen as the app does: one exchange log, one occi client (renderings kept in memory),
 * a query client that does not retry, and a memory router at the given URL.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { createExchangeLog } from '../exchange-log.ts';
import { createOcciClient } from '../occi-client.ts';
import { OcciClientProvider } from '../occi-client-context.tsx';
import { createRenderingStore } from '../rendering-preference.ts';

export function renderWithClient(routes: RouteObject[], url: string) {
  const log = createExchangeLog();
  const client = createOcciClient({ log, renderings: createRenderingStore(undefined), timeoutMs: 5000 });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <OcciClientProvider client={client}>
        <RouterProvider router={router} />
      </OcciClientProvider>
    </QueryClientProvider>,
  );
  return { ...view, log, client, router, queryClient };
}
