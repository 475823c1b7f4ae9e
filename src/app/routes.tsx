import type { RouteObject } from 'react-router';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Every page is its own chunk, loaded when first visited: the initial JS stays small.
const endpointsPage = () =>
  import('../features/endpoints/components/endpoints-page.tsx').then((m) => ({ Component: m.EndpointsPage }));
const modelBrowserPage = () =>
  import('../features/discovery/components/model-browser-page.tsx').then((m) => ({ Component: m.ModelBrowserPage }));
const renderingLabPage = () =>
  import('../features/rendering-lab/components/rendering-lab-page.tsx').then((m) => ({
    Component: m.RenderingLabPage,
  }));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, lazy: endpointsPage },
      { path: 'lab', lazy: renderingLabPage },
      { path: 'endpoints/:endpointId/model', lazy: modelBrowserPage },
      { path: 'endpoints/:endpointId/model/:typeId', lazy: modelBrowserPage },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
