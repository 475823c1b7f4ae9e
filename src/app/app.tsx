import { createBrowserRouter, RouterProvider } from 'react-router';
import { createAppServices, Providers } from './providers.tsx';
import { routes } from './routes.tsx';

const services = createAppServices();
const router = createBrowserRouter(routes);

export function App() {
  return (
    <Providers services={services}>
      <RouterProvider router={router} />
    </Providers>
  );
}
