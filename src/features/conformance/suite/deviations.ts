/**
 * Deviations real servers commonly show (spec digest §4.8 and §5, pOCCI's notes), named in a
 * failing check's `deviation` when what the server did matches one, so a provider sees at once
 * whose habit it is.
 */
export const DEVIATION = {
  create200: 'ooi answers a create with 200 and X-OCCI-Location instead of 201 and Location (pOCCI note "[201]")',
  emptyNoContent:
    'ooi and rOCCI-server 2 answer an empty collection with 204 No Content (OCCI 1.1 allowed it; 1.2 wants 200 with an empty collection)',
  actionNoContent: 'ooi and rOCCI-server 2 answer an action with 204 No Content, not 200',
  allActions: 'ooi advertises every action of the kind, whatever the state',
  textDiscoveryDetails:
    'ooi leaves attributes= and actions= out of its text query interface (its header renderer has a FIXME; its JSON has them)',
  wildcardAccept: 'rOCCI-server 2 answers Accept: */* (and no Accept) in OCCI JSON, not text/plain',
  xOcciHeaders:
    'rOCCI-server 2 writes text/occi with X-OCCI-Category and X-OCCI-Link, and lists collections in Location headers',
  clientId: 'rOCCI-server 2 wants the client to choose occi.core.id on create (500 without one)',
  templates:
    'clouds that need an image refuse a compute without os_tpl; rOCCI-server 2 (OpenNebula) wants exactly one os_tpl and one resource_tpl (409)',
  validation409: 'rOCCI-server 2 answers a validation failure with 409 Conflict instead of 400',
  quotedNumbers: 'pyssf/occi-os quote every value, numbers too',
  quotedBooleans: 'ooi quotes booleans ("true")',
  userMixins:
    'rOCCI-server 2 answers user mixins with 501 and ooi does not route them (400); pOCCI skips CORE/CREATE/006 by default',
  noCoreKinds: "pyssf's query interface leaves out the core entity, resource and link kinds",
  textOcciEmptyBody: 'ooi sends text/occi answers with an empty body instead of OK',
  asyncDelete:
    'deletion on real clouds is asynchronous: a GET right after DELETE may still answer 200 (pOCCI note "[del2]")',
  put501: 'rOCCI-server 2 answers PUT with 501',
  putResizeOnly:
    "ooi takes a PUT only as a resize (one resource_tpl, 400 'Schema does not match' otherwise) and a POST only as an action",
  ipNetwork: "ooi wants the ipnetwork mixin (an address range) on a network create (400 'Missing OCCI types')",
  filterIgnored: 'ooi ignores Category filters (pOCCI note "[filt]"), and rOCCI-server 2 has a TODO for them',
} as const;
