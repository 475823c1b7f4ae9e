import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { SERVER_PRODUCT, standardProfile } from './standard-profile.ts';

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
 * rOCCI-server 2 (rOCCI-core 5): text/occi with `X-OCCI-Category`/`X-OCCI-Link` and collections
 * in `Location` headers; an explicit `occi.core.id` wanted on create (it answers 500 without one;
 * this profile answers 409, as rOCCI does for every other validation failure); exactly one os_tpl
 * and one resource_tpl per compute (409); `Accept: *\/*` or none is 406; OCCI JSON labelled
 * `application/json`; JSON errors `{"status": "<rails symbol>", "error": "..."}`.
 */
export const rocciProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'rocci',
  serverHeader: `${SERVER_PRODUCT} OCCI/1.2 OCCI/1.1`,
  validationStatus: 409,
  clientIdRequired: true,
  templatesRequired: true,
  wildcardAcceptRefused: true,
  jsonContentType: 'application/json',
  xOcciHeaderNames: true,
  jsonError: (status, message) => ({ status: RAILS_STATUS.get(status) ?? String(status), error: message }),
};
