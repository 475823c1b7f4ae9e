/**
 * The create form's choices as the entity it sends: which templates and mixins a Kind offers,
 * which are picked to begin with, and the request model built from what the user chose.
 */
import {
  type AttributeValue,
  type Link,
  type Mixin,
  type QueryInterface,
  type Resource,
  type TypeId,
  typeId,
  wellKnown,
} from '../../occi/index.ts';

export interface KindChoices {
  readonly osTemplates: readonly Mixin[];
  readonly resourceTemplates: readonly Mixin[];
  /** Mixins a user may add: contextualization, tags, a provider's own. Not templates or their roots. */
  readonly otherMixins: readonly Mixin[];
}

const idOf = (mixin: Mixin): TypeId => typeId(mixin.scheme, mixin.term);

export function kindChoices(queryInterface: QueryInterface, kindId: TypeId): KindChoices {
  const applicable = queryInterface.applicableMixins(kindId);
  const allowed = new Set(applicable.map(idOf));
  const osTemplates = queryInterface.osTemplates().filter((mixin) => allowed.has(idOf(mixin)));
  const resourceTemplates = queryInterface.resourceTemplates().filter((mixin) => allowed.has(idOf(mixin)));
  const templates = new Set([...osTemplates, ...resourceTemplates].map(idOf));
  const otherMixins = applicable.filter((mixin) => {
    const id = idOf(mixin);
    const role = queryInterface.mixinRole(id);
    return !templates.has(id) && role !== 'os-template' && role !== 'resource-template';
  });
  return { osTemplates, resourceTemplates, otherMixins };
}

/**
 * The templates picked to begin with: the server's first OS template, and its smallest resource
 * template (least memory, then fewest cores), so a VM is two clicks away and costs the least.
 */
export function initialTemplates(
  queryInterface: QueryInterface,
  choices: KindChoices,
): { os: TypeId | undefined; resource: TypeId | undefined } {
  const first = choices.osTemplates[0];
  const sized = choices.resourceTemplates
    .map((mixin) => ({ id: idOf(mixin), summary: queryInterface.templateSummary(idOf(mixin)) }))
    .sort(
      (a, b) =>
        (a.summary.memory ?? Number.POSITIVE_INFINITY) - (b.summary.memory ?? Number.POSITIVE_INFINITY) ||
        (a.summary.cores ?? Number.POSITIVE_INFINITY) - (b.summary.cores ?? Number.POSITIVE_INFINITY),
    );
  return { os: first === undefined ? undefined : idOf(first), resource: sized[0]?.id };
}

export interface InlineLink {
  /** The link's Kind: storagelink or networkinterface. */
  readonly kind: TypeId;
  /** Its mixins: ipnetworkinterface when an address is given. */
  readonly mixins?: readonly TypeId[];
  /** The target's URL as the server knows it. */
  readonly target: string;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
}

/** The Kind of link that attaches a target of this Kind (storage: storagelink; network: networkinterface). */
export function linkKindFor(queryInterface: QueryInterface, targetKind: TypeId): TypeId | undefined {
  if (queryInterface.isSubKindOf(targetKind, wellKnown.STORAGE)) return wellKnown.STORAGELINK;
  if (queryInterface.isSubKindOf(targetKind, wellKnown.NETWORK)) return wellKnown.NETWORKINTERFACE;
  return undefined;
}

export function newResource(
  kindId: TypeId,
  mixins: readonly TypeId[],
  attributes: ReadonlyMap<string, AttributeValue>,
  links: readonly InlineLink[],
): Resource {
  return {
    entityType: 'resource',
    kind: kindId,
    mixins: [...new Set(mixins)],
    attributes: new Map(attributes),
    actions: [],
    links: links.map(
      (link): Link => ({
        entityType: 'link',
        kind: link.kind,
        mixins: [...(link.mixins ?? [])],
        attributes: new Map([['occi.core.target', link.target], ...link.attributes]),
        actions: [],
      }),
    ),
  };
}

/**
 * The mixins a link form offers for a link of this Kind: ipnetworkinterface (address, gateway,
 * allocation) for a network interface, when the server defines it.
 */
export function linkMixins(queryInterface: QueryInterface, linkKind: TypeId): TypeId[] {
  const ip = wellKnown.IPNETWORKINTERFACE;
  return queryInterface.isSubKindOf(linkKind, wellKnown.NETWORKINTERFACE) && queryInterface.mixin(ip) !== undefined
    ? [ip]
    : [];
}

/**
 * Of the offered mixins, those one of whose own attributes the user set: only they are sent, and
 * only their required attributes are asked for (an address is optional until one is typed).
 */
export function mixinsInUse(
  queryInterface: QueryInterface,
  offered: readonly TypeId[],
  attributes: ReadonlyMap<string, AttributeValue>,
): TypeId[] {
  return offered.filter((id) =>
    queryInterface.mixin(id)?.attributes.some((attribute) => attributes.has(attribute.name)),
  );
}

/** The names of the fields the user filled in, as `mixinsInUse` reads them. */
export function filledIn(fields: ReadonlyMap<string, string>): Map<string, AttributeValue> {
  return new Map([...fields].filter(([, text]) => text.trim() !== ''));
}
