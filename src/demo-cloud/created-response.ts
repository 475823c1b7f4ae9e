import type { RequestContext } from './demo-context.ts';
import { entityModel, nameOnly } from './entity-model.ts';
import { type Content, occiResponse } from './occi-response.ts';
import { locationUrl } from './public-urls.ts';
import type { StoredEntity } from './store.ts';

function locations(location: string): Content {
  return { structure: 'location-list', model: { locations: [location] } };
}

/**
 * The answer to a create (spec digest §3.4), as the profile's `createAnswer` says:
 * - standard: 201 with `Location`, and the location in the body too, so a client reading only
 *   the body finds it (pOCCI does): an `X-OCCI-Location` line in text/plain, an `X-OCCI-Location`
 *   header in text/occi, a uri-list, or the new entity in JSON.
 * - ooi (captures 28 to 30): 200 and no `Location`; the location in `X-OCCI-Location` (the header
 *   in text/occi, a body line in text/plain); JSON names the entity only, with no location at all.
 * - rOCCI-server 2 (captures 81, 83, 130): 201; text/plain an `X-OCCI-Location:` line and no
 *   `Location` header, text/occi only the `Location` header, JSON an array of URLs.
 * - pyssf (captures 28, 29): 201 + `Location` with the body `OK`.
 */
export function createdResponse(context: RequestContext, entity: StoredEntity): Response {
  const location = locationUrl(context, entity.location);
  const { mediaType } = context.negotiated;
  const json = mediaType === 'application/occi+json';
  switch (context.behaviour.createAnswer) {
    case 'ooi': {
      if (json) {
        const named = nameOnly(entityModel(context, entity));
        const model =
          named.entityType === 'resource' ? { resources: [named], links: [] } : { resources: [], links: [named] };
        return occiResponse(context, 200, { structure: 'entity-collection', model: { locations: [], ...model } });
      }
      return occiResponse(context, 200, locations(location));
    }
    case 'rocci':
      // text/occi lists locations in `Location` headers under this profile, so that is the header.
      return occiResponse(context, 201, locations(location));
    case 'pyssf':
      return occiResponse(context, 201, { structure: 'ok' }, [['Location', location]]);
    default: {
      const content: Content = json
        ? { structure: 'entity', model: entityModel(context, entity) }
        : locations(location);
      return occiResponse(context, 201, content, [['Location', location]]);
    }
  }
}
