/**
 * Renders its children with the endpoint's query interface, once read; until then, that it is
 * being read, or why it could not be, with a Retry. Every resources page starts here.
 */

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type DiscoveredModel, queryInterfaceQuery } from '../../../lib/occi-queries.ts';
import { OcciErrorPanel } from './occi-error-panel.tsx';

export function WithModel({
  endpointId,
  children,
}: {
  endpointId: string;
  children: (discovered: DiscoveredModel) => ReactNode;
}) {
  const client = useOcciClient();
  const model = useQuery(queryInterfaceQuery(client, endpointId));
  if (model.isPending) return <p className="muted">Reading the query interface…</p>;
  if (model.isError) {
    return (
      <OcciErrorPanel
        error={model.error}
        context="Could not read the model"
        onRetry={() => void model.refetch()}
        retrying={model.isFetching}
      />
    );
  }
  return children(model.data);
}
