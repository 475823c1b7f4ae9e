/**
 * `/endpoints/:endpointId/resources/*`: the rest of the path is a location on the server. A Kind's
 * collection shows its list; anything else is one entity's page.
 */
import './resources.css';
import { Link, useParams } from 'react-router';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import { EntityDetail } from './entity-detail.tsx';
import { ResourceList } from './resource-list.tsx';
import { WithModel } from './with-model.tsx';

export function ResourcePage() {
  const { endpointId = '', '*': rest = '' } = useParams();
  const location = rest.replace(/^\/+/, '');
  return (
    <WithModel endpointId={endpointId}>
      {(discovered) => <ResourceAt endpointId={endpointId} discovered={discovered} location={location} />}
    </WithModel>
  );
}

function ResourceAt({
  endpointId,
  discovered,
  location,
}: {
  endpointId: string;
  discovered: DiscoveredModel;
  location: string;
}) {
  const collection = location.endsWith('/') || location === '';
  const kind = collection ? discovered.queryInterface.kindForLocation(location) : undefined;
  if (kind !== undefined) {
    return (
      <ResourceList key={location} endpointId={endpointId} discovered={discovered} kind={kind} collection={location} />
    );
  }
  if (collection) {
    return (
      <p className="status warn">
        <code>{location || '/'}</code> is no collection of this server.{' '}
        <Link to={`/endpoints/${encodeURIComponent(endpointId)}/model`}>See what its model offers</Link>.
      </p>
    );
  }
  return <EntityDetail key={location} endpointId={endpointId} discovered={discovered} location={location} />;
}
