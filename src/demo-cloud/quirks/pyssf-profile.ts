import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { standardProfile } from './standard-profile.ts';

/**
 * pyssf 0.4.8 (tmetsch/pyssf 779c2582, its example IaaS service; occi-os is built on it), as
 * measured (/srv/occi-real/captures/pyssf): OCCI/1.1 only, User-Agent versions not read; every
 * value quoted, numbers too; the path as occi.core.id, and a client's id kept as that attribute
 * while the URL gets a server UUID; locations and category locations absolute in text, links and
 * their ends relative; text/occi folded into one header per name with the body `OK`, text/plain
 * bodies after an empty line, uri-lists after a `# uri:` comment; a create is 201 + `Location`
 * with the body `OK`, a delete 200 `OK`; new resources stay as created (a VM inactive, where only
 * start applies) and an action that does not apply is 400; POST merges attributes and ignores
 * mixins, PUT replaces the attributes and keeps the mixins; no core kinds in the query interface;
 * no JSON parser (JSON writes are 500); `application/json` and unread Content-Types are 406;
 * errors always text/plain; trailing slashes required; storage size not required; JSON
 * collections and inline links without occi.core.id.
 */
export const pyssfProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'pyssf',
  serverHeader: 'pyssf OCCI/1.1',
  urls: { locations: 'absolute', links: 'relative', categories: 'absolute-in-text', mixinTrailingSlash: true },
  createAnswer: 'pyssf',
  clientIds: 'kept-as-attribute',
  updates: 'pyssf',
  storageSizeRequired: false,
  actionRefusedStatus: 400,
  resourcesSettle: false,
  deleteAnswer: 'ok',
  coreKindsListed: false,
  jsonAlias: false,
  unreadableBodyStatus: 406,
  jsonWrites: false,
  errorsInTextPlain: true,
  versionChecked: false,
  trailingSlashRequired: true,
  idsInJsonListings: false,
  idIsPath: true,
  quoteAllValues: true,
  leadingBlankLine: true,
  uriListComment: true,
};
