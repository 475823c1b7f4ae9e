import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { endpointsQuery } from '../../../lib/occi-queries.ts';
import { EndpointCard } from './endpoint-card.tsx';

/** The start page: the clouds this console's proxy reaches, each with its state and login. */
export function EndpointsPage() {
  const client = useOcciClient();
  const endpoints = useQuery(endpointsQuery(client));
  const error = endpoints.isError ? describeError(endpoints.error) : undefined;
  return (
    <div className="endpoints-page">
      <header className="page-header">
        <h1>Endpoints</h1>
        <p>
          The OCCI clouds this console reaches through its server. Each is checked by reading its query interface; open
          one to browse what it offers.
        </p>
      </header>
      {endpoints.isPending ? <p className="muted">Loading the endpoints…</p> : null}
      {error !== undefined ? (
        <ErrorPanel
          context="Could not list the endpoints"
          title={error.title}
          detail={error.detail}
          hint={error.hint}
          onRetry={() => void endpoints.refetch()}
          retrying={endpoints.isFetching}
        />
      ) : null}
      {endpoints.isSuccess && endpoints.data.length === 0 ? (
        <p className="status warn">This console's server is configured with no endpoint.</p>
      ) : null}
      <div className="endpoint-list">
        {endpoints.data?.map((endpoint) => (
          <EndpointCard key={endpoint.id} endpoint={endpoint} />
        ))}
      </div>
    </div>
  );
}
