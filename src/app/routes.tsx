import type { RouteObject } from 'react-router';
import { EndpointIndex } from './endpoint-index.tsx';
import { EndpointLayout } from './endpoint-layout.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Every page is its own chunk, loaded when first visited: the initial JS stays small.
const endpointsPage = () =>
  import('../features/endpoints/components/endpoints-page.tsx').then((m) => ({ Component: m.EndpointsPage }));
const modelBrowserPage = () =>
  import('../features/discovery/components/model-browser-page.tsx').then((m) => ({ Component: m.ModelBrowserPage }));
const resourcePage = () =>
  import('../features/resources/components/resource-page.tsx').then((m) => ({ Component: m.ResourcePage }));
const createPage = () =>
  import('../features/resources/components/create-page.tsx').then((m) => ({ Component: m.CreatePage }));
const topologyPage = () =>
  import('../features/resources/topology/topology-page.tsx').then((m) => ({ Component: m.TopologyPage }));
const conformancePage = () =>
  import('../features/conformance/components/conformance-page.tsx').then((m) => ({ Component: m.ConformancePage }));
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
      {
        path: 'endpoints/:endpointId',
        element: <EndpointLayout />,
        children: [
          { index: true, element: <EndpointIndex /> },
          { path: 'model', lazy: modelBrowserPage },
          { path: 'model/:typeId', lazy: modelBrowserPage },
          { path: 'resources/*', lazy: resourcePage },
          { path: 'create/*', lazy: createPage },
          { path: 'topology', lazy: topologyPage },
          { path: 'conformance', lazy: conformancePage },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
