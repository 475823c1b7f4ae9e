/**
 * `/endpoints/:endpointId/resources/*`: the rest of the path is a location on the server. A Kind's
 * collection shows its list; anything else is one entity's page.
 */
import './resources.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryInterfaceQuery } from '../../../lib/occi-queries.ts';
import { EntityDetail } from './entity-detail.tsx';
import { ResourceList } from './resource-list.tsx';

export function ResourcePage() {
  const { endpointId = '', '*': rest = '' } = useParams();
  const client = useOcciClient();
  const model = useQuery(queryInterfaceQuery(client, endpointId));
  if (model.isPending) return <p className="muted">Reading the query interface…</p>;
  if (model.isError) {
    const error = describeError(model.error);
    return (
      <ErrorPanel
        context="Could not read the model"
        title={error.title}
        detail={error.detail}
        hint={error.hint}
        onRetry={() => void model.refetch()}
        retrying={model.isFetching}
      />
    );
  }
  const location = rest.replace(/^\/+/, '');
  const kind =
    location.endsWith('/') || location === '' ? model.data.queryInterface.kindForLocation(location) : undefined;
  if (kind !== undefined) {
    return (
      <ResourceList key={location} endpointId={endpointId} discovered={model.data} kind={kind} collection={location} />
    );
  }
  if (location === '' || location.endsWith('/')) {
    return (
      <p className="status warn">
        <code>{location || '/'}</code> is no collection of this server.{' '}
        <Link to={`/endpoints/${encodeURIComponent(endpointId)}/model`}>See what its model offers</Link>.
      </p>
    );
  }
  return <EntityDetail key={location} endpointId={endpointId} discovered={model.data} location={location} />;
}
