import type { RequestContext } from './demo-context.ts';
import { collectionModel } from './entity-model.ts';
import { filterEntities, paginate, readEntityFilter } from './filter-entities.ts';
import { NO_CONTENT, occiResponse } from './occi-response.ts';
import type { StoredEntity } from './store.ts';

/**
 * An empty collection: 200 with an empty rendering (OCCI 1.2), or 204 (1.1 allows it). ooi
 * answers 204 in text but 200 `{}` in JSON (captures 157, 158).
 */
function emptyResponse(context: RequestContext): Response {
  const { emptyCollection } = context.behaviour;
  const json = context.negotiated.mediaType === 'application/occi+json';
  const noContent = emptyCollection === 'no-content' || (emptyCollection === 'no-content-in-text' && !json);
  return occiResponse(context, noContent ? 204 : 200, NO_CONTENT);
}

/**
 * A collection's members, filtered and paged: 200 with their locations (text, uri-list) or
 * whole entities (JSON), or the profile's empty answer.
 */
export function collectionResponse(context: RequestContext, members: readonly StoredEntity[]): Response {
  const selected = paginate(context.url, filterEntities(context, members, readEntityFilter(context)));
  if (selected.length === 0) return emptyResponse(context);
  return occiResponse(context, 200, { structure: 'entity-collection', model: collectionModel(context, selected) });
}

/** A collection after a change (association, dissociation): its members, unfiltered. */
export function membersResponse(context: RequestContext, members: readonly StoredEntity[]): Response {
  if (members.length === 0) return emptyResponse(context);
  return occiResponse(context, 200, { structure: 'entity-collection', model: collectionModel(context, members) });
}
