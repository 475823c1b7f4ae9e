import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { standardProfile } from './standard-profile.ts';

/**
 * OpenStack's ooi: a create answers 200 with `X-OCCI-Location` (pOCCI note "[201]"), any empty
 * 200 becomes 204, every URL is absolute (category locations included), every action is always
 * advertised, and its text query interface has no `attributes=`/`actions=` (the header renderer
 * has a FIXME there; its JSON has them). Errors in JSON are `{"code": N, "message": "..."}`.
 * Its OCCI JSON collections name each entity only (kind, id, title, actions), as measured against
 * ooi 1.2.1: a client must read every entity for its state and templates.
 */
export const ooiProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'ooi',
  createdWithLocationBody: true,
  noContentWhenEmpty: true,
  absoluteUrls: true,
  namesOnlyInJsonCollections: true,
  advertiseAllActions: true,
  textDiscoveryDetails: false,
};
