/**
 * Renders its children with the endpoint's query interface, once read; until then, that it is
 * being read, or why it could not be, with a Retry. Every resources page starts here.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type DiscoveredModel, queryInterfaceQuery } from '../../../lib/occi-queries.ts';

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
  return children(model.data);
}
