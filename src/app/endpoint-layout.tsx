/**
 * Every page of one endpoint shares this bar: its resource kinds as tabs (from its query
 * interface, so a provider's own kind gets a tab too), its model and its conformance checks.
 */
import './endpoint-layout.css';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useParams } from 'react-router';
import { kindNames, resourcePath } from '../features/resources/resource-paths.ts';
import { useOcciClient } from '../lib/occi-client-context.tsx';
import { endpointsQuery, queryInterfaceQuery } from '../lib/occi-queries.ts';
import { typeId } from '../occi/index.ts';

export function EndpointLayout() {
  const { endpointId = '' } = useParams();
  const client = useOcciClient();
  const model = useQuery(queryInterfaceQuery(client, endpointId));
  const endpoints = useQuery(endpointsQuery(client));
  const title = endpoints.data?.find((endpoint) => endpoint.id === endpointId)?.title ?? endpointId;
  const qi = model.data?.queryInterface;
  // Core entity, resource and link are abstract: nothing lives in their collections.
  const kinds =
    qi?.kinds().filter((kind) => kind.location !== undefined && kind.scheme !== 'http://schemas.ogf.org/occi/core#') ??
    [];
  return (
    <div className="endpoint-shell">
      <nav className="endpoint-nav" aria-label={`Endpoint ${title}`}>
        <span className="endpoint-name">{title}</span>
        {kinds.map((kind) => (
          <NavLink
            key={typeId(kind.scheme, kind.term)}
            to={resourcePath(endpointId, client.relativePath(endpointId, kind.location ?? ''))}
          >
            {kindNames(kind).plural}
          </NavLink>
        ))}
        <NavLink to={`/endpoints/${encodeURIComponent(endpointId)}/topology`}>Topology</NavLink>
        <NavLink to={`/endpoints/${encodeURIComponent(endpointId)}/model`}>Model</NavLink>
        <NavLink to={`/endpoints/${encodeURIComponent(endpointId)}/conformance`}>Conformance</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
