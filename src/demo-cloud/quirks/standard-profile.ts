import type { QuirkBehaviour } from './quirk-behaviour.ts';

export const SERVER_PRODUCT = 'occi-console-demo/0.1';

/**
 * What OCCI 1.2 says, where it says something. Where it leaves a choice, what pOCCI (CESNET's
 * compliance tester, spec digest §6.1) needs: listed and created entity locations absolute on the
 * request's origin (pOCCI refuses relative URIs in location lists, and every real server writes
 * them absolute), category locations relative (pOCCI builds a collection's URL as endpoint URL +
 * location). ooi's JSON error shape, as the spec defines none.
 */
export const standardProfile: QuirkBehaviour = {
  profile: 'standard',
  serverHeader: `${SERVER_PRODUCT} OCCI/1.2`,
  contentTypeParameters: '',
  validationStatus: 400,
  urls: { locations: 'absolute', links: 'relative', categories: 'relative', mixinTrailingSlash: true },
  createAnswer: 'standard',
  clientIds: 'honoured',
  jsonCoreInAttributes: false,
  updates: 'standard',
  templates: 'none',
  networkNeedsIpNetwork: false,
  storageSizeRequired: true,
  actionAnswer: 'entity',
  actionRefusedStatus: 409,
  advertiseAllActions: false,
  resourcesSettle: true,
  deleteAnswer: 'empty',
  emptyCollection: 'empty',
  namesOnlyInJsonCollections: false,
  idsInJsonListings: true,
  memoryInMiB: false,
  coreKindsListed: true,
  textDiscoveryDetails: true,
  discoveryFilter: true,
  userMixins: 'supported',
  mixinCollections: 'served',
  acceptFallback: 'text/plain',
  jsonAlias: true,
  unreadableBodyStatus: 415,
  jsonWrites: true,
  textOcciBody: 'OK',
  textOcciErrors: 'message-and-header',
  errorsInTextPlain: false,
  jsonError: (status, message) => ({ code: status, message }),
  versionChecked: true,
  trailingSlashRequired: false,
  idIsPath: false,
  quoteAllValues: false,
  leadingBlankLine: false,
  uriListComment: false,
  xOcciHeaderNames: false,
  emptyLinkHeader: false,
};
