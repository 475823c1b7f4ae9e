import type { RouteObject } from 'react-router';
import { RenderingLabPage } from '../features/rendering-lab/components/rendering-lab-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <RenderingLabPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
