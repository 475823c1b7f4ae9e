import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { standardProfile } from './standard-profile.ts';

/** Rails' status symbols, which rOCCI-server 2 puts in its JSON errors. */
const RAILS_STATUS: ReadonlyMap<number, string> = new Map([
  [400, 'bad_request'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [405, 'method_not_allowed'],
  [406, 'not_acceptable'],
  [409, 'conflict'],
  [413, 'payload_too_large'],
  [415, 'unsupported_media_type'],
  [500, 'internal_server_error'],
  [501, 'not_implemented'],
  [503, 'service_unavailable'],
]);

/**
 * rOCCI-server 2.0.4 (rOCCI-core 5, dummy backend), as measured (/srv/occi-real/captures/rocci):
 * entity locations absolute, link ends and category locations relative, mixin locations without
 * a trailing slash; text/occi with `X-OCCI-Category`/`X-OCCI-Link` (an empty one on a resource),
 * collections in `Location` headers, empty bodies, errors in `X-OCCI-Error` only; a create needs
 * the client's occi.core.id (409 in text; JSON needs the top-level `id` and reads occi.core.* from
 * `attributes` only) and answers 201 with an `X-OCCI-Location:` line (text/plain), a `Location`
 * header (text/occi) or an array of URLs (JSON); exactly one os_tpl and one resource_tpl per
 * compute; every validation failure 409; POST takes mixins only, PUT is 501; actions and deletes
 * 204; no Accept, `*\/*` and types it does not render get OCCI JSON; unread Content-Types 406;
 * Category filters on `/-/` ignored; user mixins and mixin collections 501; storage size not
 * required; JSON errors `{"status": "<rails symbol>", "error": "..."}`.
 */
export const rocciProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'rocci',
  serverHeader: 'rOCCI-server OCCI/1.1 OCCI-CRTP/1.0 OCCI/1.2 OCCI-CRTP/1.1',
  contentTypeParameters: '; charset=utf-8',
  validationStatus: 409,
  urls: { locations: 'absolute', links: 'relative', categories: 'relative', mixinTrailingSlash: false },
  createAnswer: 'rocci',
  clientIds: 'required',
  jsonCoreInAttributes: true,
  updates: 'rocci',
  templates: 'rocci',
  storageSizeRequired: false,
  actionAnswer: 'no-content',
  deleteAnswer: 'no-content',
  discoveryFilter: false,
  userMixins: 'not-implemented',
  mixinCollections: 'not-implemented',
  acceptFallback: 'occi-json',
  unreadableBodyStatus: 406,
  textOcciBody: '',
  textOcciErrors: 'header-only',
  jsonError: (status, message) => ({ status: RAILS_STATUS.get(status) ?? String(status), error: message }),
  xOcciHeaderNames: true,
  emptyLinkHeader: true,
};
