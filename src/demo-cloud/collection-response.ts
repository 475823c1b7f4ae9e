import type { RequestContext } from './demo-context.ts';
import { collectionModel } from './entity-model.ts';
import { filterEntities, paginate, readEntityFilter } from './filter-entities.ts';
import { NO_CONTENT, occiResponse } from './occi-response.ts';
import type { StoredEntity } from './store.ts';

/**
 * A collection's members, filtered and paged: 200 with their locations (text, uri-list) or
 * whole entities (JSON); an empty one is 200 with an empty rendering (OCCI 1.2), or 204 under
 * ooi (1.1 allows it, ooi and rOCCI-server 2 do it).
 */
export function collectionResponse(context: RequestContext, members: readonly StoredEntity[]): Response {
  const selected = paginate(context.url, filterEntities(context, members, readEntityFilter(context)));
  if (selected.length === 0) {
    return occiResponse(context, context.behaviour.noContentWhenEmpty ? 204 : 200, NO_CONTENT);
  }
  return occiResponse(context, 200, { structure: 'entity-collection', model: collectionModel(context, selected) });
}

/** A collection after a change (association, dissociation): its members, unfiltered. */
export function membersResponse(context: RequestContext, members: readonly StoredEntity[]): Response {
  if (members.length === 0) return occiResponse(context, context.behaviour.noContentWhenEmpty ? 204 : 200, NO_CONTENT);
  return occiResponse(context, 200, { structure: 'entity-collection', model: collectionModel(context, members) });
}
