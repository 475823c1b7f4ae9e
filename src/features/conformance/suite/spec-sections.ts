/**
 * The spec sections the checks rest on, numbered as in the OGF documents (GFD.223 HTTP Protocol,
 * GFD.224 Infrastructure, GFD.226 JSON Rendering and GFD.229 Text Rendering for OCCI 1.2; GFD.185
 * HTTP Rendering for OCCI 1.1, where 1.2 no longer says it), with the section's title so a reader
 * finds it without the number.
 */
export const SPEC = {
  versioning: 'GFD.223 §5.3 Versioning',
  statusCodes: 'GFD.223 §5.4 Status Codes',
  filteringQueryInterface: 'GFD.223 §7.1 Filtering the Query Interface',
  queryInterfaceGet: 'GFD.223 §9.1 Query Interface, GET',
  queryInterfacePost: 'GFD.223 §9.3 Query Interface, POST (user-defined mixin)',
  entityGet: 'GFD.223 §10.1 Entity Instances, GET',
  entityPut: 'GFD.223 §10.2 Entity Instances, PUT',
  triggerAction: 'GFD.223 §10.3.2 Trigger Action',
  entityDelete: 'GFD.223 §10.4 Entity Instances, DELETE',
  collectionGet: 'GFD.223 §11.1 Collections, GET',
  createEntity: 'GFD.223 §11.3.1 Create Entity Instance',
  infrastructureKinds: 'GFD.224 §3 Infrastructure (Table 1)',
  computeActions: 'GFD.224 §3.1 Compute (actions and state diagram); GFD.185 §3.4.4 only applicable actions',
  linkingToNetwork: 'GFD.224 §3.4.1 Linking to Network',
  linkingToStorage: 'GFD.224 §3.4.2 Linking to Storage',
  templates: 'GFD.224 §3.5 Infrastructure Templates',
  jsonMediaType: 'GFD.226 §3 OCCI JSON Rendering (media type)',
  categoryAbnf: 'GFD.229 §4.1 Category ABNF',
  attributeAbnf: 'GFD.229 §4.3 Attribute ABNF',
  textRenderings: 'GFD.229 §3 Text rendering (§6 text/plain, §7 text/occi)',
  headerRendering: 'GFD.229 §7 OCCI Header Rendering (text/occi)',
  queryInterface11: 'GFD.185 §3.4.1 Handling the Query Interface',
  collectionFilter11: 'GFD.185 §3.4.3 Operations on Mixins or Kinds (Category filter)',
  linkHandling11: 'GFD.185 §3.4.5 Handling Link Instances',
  contentNegotiation11: 'GFD.185 §3.6.5 Content-type and Accept headers',
} as const;
