/**
 * `/endpoints/:endpointId`: the endpoint's first resource list (its virtual machines where it has
 * them), or its model when it offers no resource kind.
 */
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigation, useParams } from 'react-router';
import { resourcePath } from '../features/resources/resource-paths.ts';
import { useOcciClient } from '../lib/occi-client-context.tsx';
import { queryInterfaceQuery } from '../lib/occi-queries.ts';
import { typeId, wellKnown } from '../occi/index.ts';

export function EndpointIndex() {
  const { endpointId = '' } = useParams();
  const client = useOcciClient();
  const model = useQuery(queryInterfaceQuery(client, endpointId));
  // A tab clicked while the model was read is on its way (its page's chunk loading): going to the
  // first list now would overtake it and drop the user's choice.
  const navigation = useNavigation();
  if (model.isPending || navigation.state !== 'idle') return <p className="muted">Reading the query interface…</p>;
  const qi = model.data?.queryInterface;
  const kind =
    qi?.kind(wellKnown.COMPUTE)?.location === undefined
      ? qi
          ?.kinds()
          .find(
            (candidate) =>
              candidate.location !== undefined && qi.isResourceKind(typeId(candidate.scheme, candidate.term)),
          )
      : qi.kind(wellKnown.COMPUTE);
  // A failed read is shown, with its Retry, by the model browser.
  if (kind?.location === undefined) return <Navigate to="model" replace />;
  return <Navigate to={resourcePath(endpointId, client.relativePath(endpointId, kind.location))} replace />;
}
