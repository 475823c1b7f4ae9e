import { publicUrl, type RequestContext } from './demo-context.ts';
import { entityModel } from './entity-model.ts';
import { occiResponse } from './occi-response.ts';
import type { StoredEntity } from './store.ts';

/**
 * The answer to a create (spec digest §3.4). Standard: 201 with the relative URL in `Location`,
 * and the location in the body too, so a client reading only the body finds it (pOCCI does):
 * an `X-OCCI-Location` line in text/plain, an `X-OCCI-Location` header in text/occi, a uri-list,
 * or the new entity in JSON. ooi: 200 with `X-OCCI-Location` (absolute) instead of 201 +
 * `Location`. pyssf: 201 + `Location` with the body `OK`.
 */
export function createdResponse(context: RequestContext, entity: StoredEntity): Response {
  const location = publicUrl(context, entity.location);
  const json = context.negotiated.mediaType === 'application/occi+json';
  const content = json
    ? ({ structure: 'entity', model: entityModel(context, entity) } as const)
    : context.behaviour.createBodyOk
      ? ({ structure: 'ok' } as const)
      : ({ structure: 'location-list', model: { locations: [location] } } as const);
  if (context.behaviour.createdWithLocationBody) {
    return occiResponse(context, 200, content, [['X-OCCI-Location', location]]);
  }
  return occiResponse(context, 201, content, [['Location', location]]);
}
