import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <section>
      <h1>Nothing here</h1>
      <p>
        The console has no page at <code>{pathname}</code>. <Link to="/">Back to the start</Link>.
      </p>
    </section>
  );
}
