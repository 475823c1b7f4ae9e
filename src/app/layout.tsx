import { NavLink, Outlet } from 'react-router';

export function Layout() {
  return (
    <div className="shell">
      <header className="shell-header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          OCCI Console
        </a>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Rendering lab
          </NavLink>
        </nav>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
