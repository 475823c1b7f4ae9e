/**
 * OCCI JSON writes as rOCCI-server 2 reads them (captures 84 to 85e, 113, 115, 130): its parser
 * takes `occi.core.id`, `.title`, `.summary`, `.source` and `.target` from `attributes` only and
 * ignores the top-level fields of the same meaning, while its JSON schema still wants the
 * top-level `id` on a create (and `source` and `target` on a link's).
 */
import { type EntityUpdate, renderingOf, wellKnown } from '../occi/index.ts';
import type { RequestContext } from './demo-context.ts';
import { OcciHttpError } from './occi-http-error.ts';
import { hasBody } from './read-request-body.ts';

const { ATTR } = wellKnown;
const TOP_LEVEL: readonly string[] = [ATTR.id, ATTR.title, ATTR.summary, ATTR.source, ATTR.target];

/** The JSON object of the request, when the request is one the profile reads this way. */
function jsonObject(context: RequestContext): Record<string, unknown> | undefined {
  const { body, behaviour } = context;
  if (!behaviour.jsonCoreInAttributes || !hasBody(body)) return undefined;
  if (renderingOf(body.contentType) !== 'application/occi+json') return undefined;
  const value: unknown = JSON.parse(body.text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The update without the `occi.core.*` values that only came from top-level fields. */
export function withoutTopLevelFields(context: RequestContext, update: EntityUpdate): EntityUpdate {
  const object = jsonObject(context);
  if (object === undefined) return update;
  const given = object.attributes;
  const inAttributes = typeof given === 'object' && given !== null ? Object.keys(given) : [];
  const attributes = new Map(update.attributes);
  for (const name of TOP_LEVEL) if (!inAttributes.includes(name)) attributes.delete(name);
  return { ...update, attributes };
}

/** 400 for a JSON create its schema refuses: no top-level `id`, or a link's without its ends. */
export function checkJsonCreate(context: RequestContext, link: boolean): void {
  const object = jsonObject(context);
  if (object === undefined) return;
  const missing = ['id', ...(link ? ['source', 'target'] : [])].filter((key) => object[key] === undefined);
  if (missing.length > 0) {
    throw new OcciHttpError(400, 'Unparsable content: No acceptable entity rendering found');
  }
}
