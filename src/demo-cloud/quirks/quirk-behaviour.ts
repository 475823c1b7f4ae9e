import type { QuirkProfile } from '../demo-cloud-options.ts';

/**
 * What a quirk profile changes in the demo cloud's answers. Every flag names one documented
 * deviation of a real server (spec digest §4.8 and §5); `standard` sets none of them.
 */
export interface QuirkBehaviour {
  readonly profile: QuirkProfile;
  /** The `Server` header; every profile names OCCI/1.2. */
  readonly serverHeader: string;
  /** Status of a request the model refuses (a missing or bad attribute, a mixin that does not apply). */
  readonly validationStatus: 400 | 409;
  /** Create answers 201 + `Location` (spec), or 200 + `X-OCCI-Location` and the location in the body. */
  readonly createdWithLocationBody: boolean;
  /** A create answered in a text rendering carries the body `OK` instead of the location. */
  readonly createBodyOk: boolean;
  /** Empty collections, actions and deletes answer 204 with no body. */
  readonly noContentWhenEmpty: boolean;
  /** Locations, link ends and category locations as absolute URLs on the request's origin. */
  readonly absoluteUrls: boolean;
  /** OCCI JSON collections list each entity by kind, id, title and actions only: no state, no mixins. */
  readonly namesOnlyInJsonCollections: boolean;
  /** Every action of the entity's categories is advertised, whatever its state. */
  readonly advertiseAllActions: boolean;
  /** Text renderings of the query interface carry `attributes=` and `actions=`. */
  readonly textDiscoveryDetails: boolean;
  /** A create must carry the client's `occi.core.id`. */
  readonly clientIdRequired: boolean;
  /** A compute create must carry exactly one os_tpl and one resource_tpl. */
  readonly templatesRequired: boolean;
  /** No `Accept`, or only a wildcard, is refused with 406. */
  readonly wildcardAcceptRefused: boolean;
  /** The Content-Type of OCCI JSON answers, or null for the type the client asked for. */
  readonly jsonContentType: string | null;
  /** `occi.core.id` is rendered as the entity's path. */
  readonly idIsPath: boolean;
  /** Numbers and booleans are quoted in text renderings. */
  readonly quoteAllValues: boolean;
  /** text/occi answers use `X-OCCI-Category` and `X-OCCI-Link`, and list locations in `Location`. */
  readonly xOcciHeaderNames: boolean;
  /** The JSON body of an error answer. */
  jsonError(status: number, message: string): unknown;
}
