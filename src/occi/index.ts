/**
 * The OCCI protocol library: the one public entry point. Pure TypeScript, no DOM and no Node
 * APIs, so the console, the demo cloud, the proxy and a command-line tool use it alike.
 */

export {
  coerceAttributeValue,
  memoryInGiB,
  typedAttributes,
  validateAttributeValue,
} from './attribute-typing.ts';
export {
  isOcciMediaTypeError,
  isOcciParseError,
  isOcciRenderError,
  OcciMediaTypeError,
  OcciParseError,
  OcciRenderError,
} from './errors.ts';
export { jsonErrorReportMessage } from './json/json-error-report.ts';
export { CRTP_SCHEME, isTemplateRoot, type MixinRole } from './mixin-role.ts';
export type {
  Action,
  ActionInvocation,
  ActionLink,
  AttributeDefinition,
  Attributes,
  AttributeType,
  AttributeValue,
  Category,
  CategoryClass,
  CategoryCollection,
  Entity,
  EntityCollection,
  EntityUpdate,
  Kind,
  Link,
  LocationList,
  Mixin,
  Resource,
  TypeId,
} from './model.ts';
export {
  acceptHeader,
  mediaTypeParameters,
  negotiatedOcciVersion,
  OCCI_MEDIA_TYPES,
  type OcciMediaType,
  type OcciProfile,
  occiProfiles,
  occiVersions,
  renderingOf,
  SUPPORTED_OCCI_VERSIONS,
  userAgent,
} from './negotiation.ts';
export {
  createQueryInterface,
  type EntityAction,
  type QueryInterface,
  type QueryInterfaceOptions,
} from './query-interface.ts';
export {
  type OcciMessage,
  parseMessage,
  type RenderedMessage,
  renderMessage,
  type Structure,
  type StructureModels,
  structureName,
} from './renderings.ts';
export type { ResolvedAttribute } from './resolve-attribute.ts';
export { type ServerProfile, serverProfileOf, takesClientIds, writableRenderings } from './server-profile.ts';
export type { TemplateSummary } from './template-summary.ts';
export { splitTypeId, termOf, typeId } from './type-id.ts';
export * as wellKnown from './well-known.ts';
