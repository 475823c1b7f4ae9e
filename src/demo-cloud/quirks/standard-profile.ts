import type { QuirkBehaviour } from './quirk-behaviour.ts';

export const SERVER_PRODUCT = 'occi-console-demo/0.1';

/** What OCCI 1.2 says, where it says something; ooi's JSON error shape where it does not. */
export const standardProfile: QuirkBehaviour = {
  profile: 'standard',
  serverHeader: `${SERVER_PRODUCT} OCCI/1.2`,
  validationStatus: 400,
  createdWithLocationBody: false,
  createBodyOk: false,
  noContentWhenEmpty: false,
  absoluteUrls: false,
  namesOnlyInJsonCollections: false,
  advertiseAllActions: false,
  textDiscoveryDetails: true,
  clientIdRequired: false,
  templatesRequired: false,
  wildcardAcceptRefused: false,
  jsonContentType: null,
  idIsPath: false,
  quoteAllValues: false,
  xOcciHeaderNames: false,
  jsonError: (status, message) => ({ code: status, message }),
};
