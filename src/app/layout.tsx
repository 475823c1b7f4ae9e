import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { useOcciClient } from '../lib/occi-client-context.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

// The inspector is loaded after the first page: it is not needed to show it.
const InspectorDrawer = lazy(() =>
  import('../features/inspector/components/inspector-drawer.tsx').then((m) => ({ default: m.InspectorDrawer })),
);

export function Layout() {
  const navigation = useNavigation();
  const client = useOcciClient();
  return (
    <div className="shell">
      <header className="shell-header">
        <Link className="brand" to="/">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          OCCI Console
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Endpoints
          </NavLink>
          <NavLink to="/lab">Rendering lab</NavLink>
        </nav>
        {navigation.state === 'loading' ? (
          <span className="muted" role="status">
            Loading…
          </span>
        ) : null}
        <ThemeToggle />
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
      <Suspense fallback={null}>
        <InspectorDrawer log={client.log} endpointUrl={client.endpointUrl} />
      </Suspense>
    </div>
  );
}
