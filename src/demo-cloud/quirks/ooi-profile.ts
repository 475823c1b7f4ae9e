import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { standardProfile } from './standard-profile.ts';

/**
 * OpenStack's ooi 1.2.1 (openstack/ooi c021a204 over a stand-in nova), as measured
 * (/srv/occi-real/captures/ooi): every URL absolute, category locations included; a create is 200
 * with `X-OCCI-Location` and never `Location`, JSON naming the new entity without its location;
 * the client's occi.core.id is ignored; POST on an entity is only the action route, PUT only a
 * resize; a compute needs an os_tpl and a resource_tpl, a network the ipnetwork mixin; actions
 * and deletes answer 204, empty text collections too (JSON `{}`); every action is always
 * advertised; the text query interface has no `attributes=`/`actions=` and ignores filters; no
 * user mixins, no mixin collections; `application/json` and unread Content-Types are 406; text/occi
 * answers have an empty body and its errors no message at all; memory in MiB; JSON collections
 * name each entity only (kind, id, title, actions).
 */
export const ooiProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'ooi',
  serverHeader: 'ooi/1.2.1 OCCI/1.1 OCCI/1.2',
  contentTypeParameters: '; charset=utf8',
  // Template mixins at `/os_tpl/cirros`, without a trailing slash (real-ooi/discovery-text-plain.http).
  urls: { locations: 'absolute', links: 'absolute', categories: 'absolute', mixinTrailingSlash: false },
  createAnswer: 'ooi',
  clientIds: 'ignored',
  updates: 'ooi',
  templates: 'ooi',
  networkNeedsIpNetwork: true,
  actionAnswer: 'no-content',
  advertiseAllActions: true,
  deleteAnswer: 'no-content',
  emptyCollection: 'no-content-in-text',
  namesOnlyInJsonCollections: true,
  memoryInMiB: true,
  textDiscoveryDetails: false,
  discoveryFilter: false,
  userMixins: 'not-routed',
  mixinCollections: 'not-found',
  jsonAlias: false,
  unreadableBodyStatus: 406,
  textOcciBody: '',
  textOcciErrors: 'empty',
  jsonError: (status, message) => ({ message, code: status }),
};
