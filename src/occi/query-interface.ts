/**
 * The query interface (`GET /-/`) as screens use it: every Kind, Mixin and Action indexed by type
 * identifier, with inheritance, mixin dependencies, attribute sets, actions and mixin roles
 * resolved. Built once per discovery; every answer is computed from the collection, which is
 * never changed.
 */

import { coreParentOf, IMPLICIT_CORE_KINDS } from './implicit-core-kinds.ts';
import { isTemplateRoot, type MixinRole, mixinRole } from './mixin-role.ts';
import type {
  Action,
  AttributeDefinition,
  Category,
  CategoryCollection,
  Entity,
  Kind,
  Mixin,
  TypeId,
} from './model.ts';
import { mergeAttributeDefinitions, type ResolvedAttribute, resolveAttribute } from './resolve-attribute.ts';
import type { ServerProfile } from './server-profile.ts';
import { type SpecFilled, withSpecDefinition } from './spec-kinds.ts';
import { templateSummary as summariseTemplate, type TemplateSummary } from './template-summary.ts';
import { splitTypeId, typeId } from './type-id.ts';
import {
  COMPUTE,
  ENTITY,
  IPNETWORK,
  IPNETWORKINTERFACE,
  LINK,
  NETWORK,
  NETWORKINTERFACE,
  OPENSTACK_PUBLIC_KEY,
  OPENSTACK_USER_DATA,
  RESOURCE,
  SSH_KEY,
  STORAGE,
  STORAGELINK,
  USER_DATA,
} from './well-known.ts';
import { wellKnownActionParameters } from './well-known-attributes.ts';

export interface QueryInterfaceOptions {
  /** Changes what some values mean (ooi's template memory is in MiB). */
  readonly serverProfile?: ServerProfile;
  /**
   * The endpoint URL (`http://host:8787/occi1.2/`). Its path is a prefix that locations and the
   * paths given to `kindForLocation` may or may not carry. Without it, the prefix all Kind
   * locations share is used.
   */
  readonly endpoint?: string;
}

/** An action an entity offers, for an action button. */
export interface EntityAction {
  readonly action: Action;
  /**
   * true: the entity's own rendering offered it (an action link), so the server says it applies
   * now. false: derived from the Kind and Mixins because the rendering listed no actions, so the
   * UI should mark it unconfirmed.
   */
  readonly advertised: boolean;
  /** The action link's URL, when the rendering gave one (text renderings do, JSON does not). */
  readonly href?: string;
}

export interface QueryInterface {
  /** The collection this was built from, as the server gave it. */
  readonly collection: CategoryCollection;

  /** A Kind by type id; core entity/resource/link are known even when the server omits them. */
  kind(id: TypeId): Kind | undefined;
  /**
   * A Mixin by type id, with `depends` and `applies` sorted out: rOCCI-core 5 renders both in one
   * `rel`, so a Kind found among the dependencies moves to `applies` (and a Mixin found among
   * `applies` moves to `depends`).
   */
  mixin(id: TypeId): Mixin | undefined;
  action(id: TypeId): Action | undefined;
  /** Kind first, then Mixin, then Action, should a server reuse one type id. */
  category(id: TypeId): Category | undefined;
  /** The Kinds the server listed, in its order (no implicit core Kinds). */
  kinds(): readonly Kind[];
  mixins(): readonly Mixin[];
  actions(): readonly Action[];

  /**
   * The Kind, its parent, and so on up to `core#entity`. Stops at a cycle and at a parent nobody
   * defines; empty for an unknown Kind.
   */
  kindChain(kindId: TypeId): readonly Kind[];
  /** Whether `ancestorId` is in the Kind's chain; a Kind counts as a sub-kind of itself. */
  isSubKindOf(kindId: TypeId, ancestorId: TypeId): boolean;
  isResourceKind(kindId: TypeId): boolean;
  isLinkKind(kindId: TypeId): boolean;

  /**
   * The given mixins and everything they depend on, transitively, each once: dependencies before
   * the mixins that depend on them, otherwise in the given order. Ids the server does not define
   * are kept (a server may depend on an `os_tpl` it does not list). Cycle-safe.
   */
  mixinClosure(mixinIds: readonly TypeId[]): readonly TypeId[];

  /**
   * The attributes an entity of this Kind with these Mixins has: the Kind chain's (root first, a
   * child overriding its parent), then each mixin closure's (a dependency before its dependent;
   * a mixin's definition and default override the Kind's, as 1.2 templates do). Each name once,
   * at the position it first appeared.
   */
  attributesFor(kindId: TypeId, mixinIds?: readonly TypeId[]): readonly ResolvedAttribute[];
  /**
   * An action's parameters. Where the server gives none for an action the spec defines
   * parameters for (ooi's text discovery lists no attributes at all), the spec's are used.
   */
  attributesOfAction(actionId: TypeId): readonly ResolvedAttribute[];

  /**
   * The actions of the Kind chain, then of the mixin closure, each once. An action a category
   * names but the server does not list gets a stub (scheme and term only), so it can still be
   * invoked.
   */
  actionsFor(kindId: TypeId, mixinIds?: readonly TypeId[]): readonly Action[];
  /** The entity's advertised actions, or, when it advertises none, those of its categories. */
  actionsOf(entity: Entity): readonly EntityAction[];

  mixinRole(mixinId: TypeId): MixinRole;
  /** Every mixin with the role, in the server's order. */
  mixinsWithRole(role: MixinRole): readonly Mixin[];
  /** OS templates a user can pick: `os_tpl` itself is left out. */
  osTemplates(): readonly Mixin[];
  /** Resource templates (flavours) a user can pick: `resource_tpl` itself is left out. */
  resourceTemplates(): readonly Mixin[];
  /**
   * Mixins that may be attached to an entity of this Kind: those whose `applies` names the Kind
   * or one of its ancestors, and those that apply to any entity (empty `applies`). For the
   * spec's own mixins, a 1.1 server cannot render `applies`; their spec values are used then.
   */
  applicableMixins(kindId: TypeId): readonly Mixin[];
  /**
   * What of the Kind's definition the spec supplied because the server's discovery said nothing
   * of it (ooi's text renderings list no attributes and no actions), so a screen can say so.
   */
  specFilled(kindId: TypeId): SpecFilled;
  /** What a resource template sets (cores, memory, ...). */
  templateSummary(mixinId: TypeId): TemplateSummary;

  /**
   * The Kind whose collection a path is. Absolute URLs (ooi, pyssf) and relative paths (rOCCI)
   * are both accepted, a trailing slash is optional, and the endpoint's path may be left out:
   * ooi's `http://host:8787/occi1.2/compute/` is found by `/compute/` as well.
   */
  kindForLocation(path: string): Kind | undefined;
  /** The Mixin whose collection a path is, matched as `kindForLocation` does. */
  mixinForLocation(path: string): Mixin | undefined;
}

function idOf(category: Category): TypeId {
  return typeId(category.scheme, category.term);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

const CORE_KINDS: ReadonlyMap<TypeId, Kind> = new Map(IMPLICIT_CORE_KINDS.map((kind) => [idOf(kind), kind]));
const INFRASTRUCTURE_KINDS: ReadonlySet<TypeId> = new Set([COMPUTE, STORAGE, NETWORK, NETWORKINTERFACE, STORAGELINK]);

/** GFD.224's `applies` for its own mixins (and OpenStack's contextualization twins). */
const SPEC_APPLIES: ReadonlyMap<TypeId, readonly TypeId[]> = new Map<TypeId, readonly TypeId[]>([
  [SSH_KEY, [COMPUTE]],
  [USER_DATA, [COMPUTE]],
  [OPENSTACK_PUBLIC_KEY, [COMPUTE]],
  [OPENSTACK_USER_DATA, [COMPUTE]],
  [IPNETWORK, [NETWORK]],
  [IPNETWORKINTERFACE, [NETWORKINTERFACE]],
]);

/**
 * A location reduced to its path without trailing slashes, or null for none. Scheme and host are
 * dropped (ooi and pyssf render absolute locations), and so are query and fragment.
 */
function locationKey(location: string): string | null {
  let path = location.trim();
  path = path.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '').replace(/^\/\/[^/?#]*/, '');
  path = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (path === '') return null;
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * The path segments every Kind location starts with, when there are at least two locations and
 * they share some: the endpoint's own path, e.g. `/occi1.2` for ooi, whose locations are absolute
 * URLs under it. Never a whole location.
 */
function commonPrefix(keys: readonly string[]): string | null {
  if (keys.length < 2) return null;
  const split = keys.map((key) => key.split('/').slice(1));
  const shortest = Math.min(...split.map((segments) => segments.length));
  const common: string[] = [];
  for (let i = 0; i < shortest - 1; i += 1) {
    const segment = split[0]?.[i];
    if (segment === undefined || !split.every((segments) => segments[i] === segment)) break;
    common.push(segment);
  }
  return common.length === 0 ? null : `/${common.join('/')}`;
}

function withoutPrefix(key: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (key.startsWith(`${prefix}/`)) return key.slice(prefix.length);
  }
  return key;
}

const NOTHING_FILLED: SpecFilled = { attributes: false, actions: false };

function stubAction(id: TypeId): Action {
  const { scheme, term } = splitTypeId(id);
  return { class: 'action', scheme, term, attributes: [] };
}

type Source = readonly [definitions: readonly AttributeDefinition[], definedBy: TypeId];

function resolveAll(sources: readonly Source[]): ResolvedAttribute[] {
  const merged = new Map<string, { definition: AttributeDefinition; definedBy: TypeId }>();
  for (const [definitions, definedBy] of sources) {
    for (const definition of definitions) {
      const earlier = merged.get(definition.name);
      // Map.set on an existing key keeps its position: the order stays first-seen.
      merged.set(definition.name, {
        definition: earlier === undefined ? definition : mergeAttributeDefinitions(earlier.definition, definition),
        definedBy,
      });
    }
  }
  return [...merged.values()].map(({ definition, definedBy }) => resolveAttribute(definition, definedBy));
}

class IndexedQueryInterface implements QueryInterface {
  readonly collection: CategoryCollection;
  private readonly serverProfile: ServerProfile;
  private readonly kindIndex = new Map<TypeId, Kind>();
  private readonly mixinIndex = new Map<TypeId, Mixin>();
  private readonly actionIndex = new Map<TypeId, Action>();
  private readonly kindList: readonly Kind[];
  private readonly mixinList: readonly Mixin[];
  private readonly actionList: readonly Action[];
  /** Locations without trailing slash and endpoint prefix, to the first category bound there. */
  private readonly kindLocations = new Map<string, Kind>();
  private readonly mixinLocations = new Map<string, Mixin>();
  private readonly locationPrefixes: readonly string[];
  private readonly roles = new Map<TypeId, MixinRole>();
  private readonly filledBySpec = new Map<TypeId, SpecFilled>();

  constructor(collection: CategoryCollection, options: QueryInterfaceOptions) {
    this.collection = collection;
    this.serverProfile = options.serverProfile ?? 'generic';
    // The first definition of a type id wins: pOCCI's fixtures show servers repeating categories.
    const thin = {
      attributes: !collection.kinds.some((kind) => kind.attributes.length > 0),
      actions: !collection.kinds.some((kind) => kind.actions.length > 0),
    };
    for (const listed of collection.kinds) {
      const id = idOf(listed);
      if (this.kindIndex.has(id)) continue;
      const { kind, filled } = withSpecDefinition(listed, id, thin);
      this.kindIndex.set(id, kind);
      if (filled.attributes || filled.actions) this.filledBySpec.set(id, filled);
    }
    for (const action of collection.actions) {
      const id = idOf(action);
      if (!this.actionIndex.has(id)) this.actionIndex.set(id, action);
    }
    this.kindList = [...this.kindIndex.values()];
    this.actionList = [...this.actionIndex.values()];
    const mixinIds = new Set(collection.mixins.map(idOf));
    const mixins: Mixin[] = [];
    for (const raw of collection.mixins) {
      const id = idOf(raw);
      if (this.mixinIndex.has(id)) continue;
      const mixin = this.normaliseMixin(raw, mixinIds);
      this.mixinIndex.set(id, mixin);
      mixins.push(mixin);
    }
    this.mixinList = mixins;
    const kindKeys: [string, Kind][] = [];
    for (const kind of this.kindIndex.values()) {
      const key = kind.location === undefined ? null : locationKey(kind.location);
      if (key !== null) kindKeys.push([key, kind]);
    }
    const endpoint = options.endpoint === undefined ? null : locationKey(options.endpoint);
    const shared = commonPrefix(kindKeys.map(([key]) => key));
    this.locationPrefixes = [endpoint, shared].filter((prefix): prefix is string => prefix !== null);
    for (const [key, kind] of kindKeys) {
      const path = withoutPrefix(key, this.locationPrefixes);
      if (!this.kindLocations.has(path)) this.kindLocations.set(path, kind);
    }
    for (const mixin of mixins) {
      const key = mixin.location === undefined ? null : locationKey(mixin.location);
      if (key === null) continue;
      const path = withoutPrefix(key, this.locationPrefixes);
      if (!this.mixinLocations.has(path)) this.mixinLocations.set(path, mixin);
    }
  }

  private isKindId(id: TypeId, mixinIds: ReadonlySet<TypeId>): boolean {
    return this.kindIndex.has(id) || CORE_KINDS.has(id) || (!mixinIds.has(id) && INFRASTRUCTURE_KINDS.has(id));
  }

  private normaliseMixin(mixin: Mixin, mixinIds: ReadonlySet<TypeId>): Mixin {
    const isKind = (id: TypeId) => this.isKindId(id, mixinIds);
    const isMixin = (id: TypeId) => mixinIds.has(id) && !isKind(id);
    if (!mixin.depends.some(isKind) && !mixin.applies.some(isMixin)) return mixin;
    return {
      ...mixin,
      depends: unique([...mixin.depends.filter((id) => !isKind(id)), ...mixin.applies.filter(isMixin)]),
      applies: unique([...mixin.applies.filter((id) => !isMixin(id)), ...mixin.depends.filter(isKind)]),
    };
  }

  kind(id: TypeId): Kind | undefined {
    return this.kindIndex.get(id) ?? CORE_KINDS.get(id);
  }

  specFilled(kindId: TypeId): SpecFilled {
    return this.filledBySpec.get(kindId) ?? NOTHING_FILLED;
  }

  mixin(id: TypeId): Mixin | undefined {
    return this.mixinIndex.get(id);
  }

  action(id: TypeId): Action | undefined {
    return this.actionIndex.get(id);
  }

  category(id: TypeId): Category | undefined {
    return this.kind(id) ?? this.mixin(id) ?? this.action(id);
  }

  kinds(): readonly Kind[] {
    return this.kindList;
  }

  mixins(): readonly Mixin[] {
    return this.mixinList;
  }

  actions(): readonly Action[] {
    return this.actionList;
  }

  kindChain(kindId: TypeId): readonly Kind[] {
    const chain: Kind[] = [];
    const seen = new Set<TypeId>();
    let id: TypeId | undefined = kindId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const kind = this.kind(id);
      if (kind === undefined) break;
      chain.push(kind);
      // A server's core#resource or core#link without `rel` still descends from core#entity.
      id = kind.parent ?? coreParentOf(id);
    }
    return chain;
  }

  isSubKindOf(kindId: TypeId, ancestorId: TypeId): boolean {
    return this.kindChain(kindId).some((kind) => idOf(kind) === ancestorId);
  }

  isResourceKind(kindId: TypeId): boolean {
    return this.isSubKindOf(kindId, RESOURCE);
  }

  isLinkKind(kindId: TypeId): boolean {
    return this.isSubKindOf(kindId, LINK);
  }

  mixinClosure(mixinIds: readonly TypeId[]): readonly TypeId[] {
    const order: TypeId[] = [];
    const visited = new Set<TypeId>();
    // Iterative depth-first post-order: a long dependency chain cannot overflow the stack.
    for (const root of mixinIds) {
      if (visited.has(root)) continue;
      visited.add(root);
      const stack: { id: TypeId; next: number }[] = [{ id: root, next: 0 }];
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { id: TypeId; next: number };
        const depends = this.mixin(top.id)?.depends ?? [];
        const dependency = depends[top.next];
        top.next += 1;
        if (dependency === undefined) {
          order.push(top.id);
          stack.pop();
        } else if (!visited.has(dependency)) {
          visited.add(dependency);
          stack.push({ id: dependency, next: 0 });
        }
      }
    }
    return order;
  }

  private mixinSources(mixinIds: readonly TypeId[]): Source[] {
    const sources: Source[] = [];
    for (const id of this.mixinClosure(mixinIds)) {
      const mixin = this.mixin(id);
      if (mixin !== undefined) sources.push([mixin.attributes, id]);
    }
    return sources;
  }

  attributesFor(kindId: TypeId, mixinIds: readonly TypeId[] = []): readonly ResolvedAttribute[] {
    const kindSources: Source[] = [...this.kindChain(kindId)].reverse().map((kind) => [kind.attributes, idOf(kind)]);
    return resolveAll([...kindSources, ...this.mixinSources(mixinIds)]);
  }

  attributesOfAction(actionId: TypeId): readonly ResolvedAttribute[] {
    const parameters = wellKnownActionParameters(actionId);
    const listed = this.action(actionId)?.attributes ?? [];
    const definitions: readonly AttributeDefinition[] =
      listed.length > 0
        ? listed
        : parameters.map(({ name, type, required }) => ({ name, type, required, mutable: true }));
    return definitions.map((definition) =>
      resolveAttribute(
        definition,
        actionId,
        parameters.find((p) => p.name === definition.name),
      ),
    );
  }

  actionsFor(kindId: TypeId, mixinIds: readonly TypeId[] = []): readonly Action[] {
    const ids: TypeId[] = [];
    for (const kind of [...this.kindChain(kindId)].reverse()) ids.push(...kind.actions);
    for (const id of this.mixinClosure(mixinIds)) ids.push(...(this.mixin(id)?.actions ?? []));
    return unique(ids).map((id) => this.action(id) ?? stubAction(id));
  }

  actionsOf(entity: Entity): readonly EntityAction[] {
    if (entity.actions.length > 0) {
      const seen = new Set<TypeId>();
      const offered: EntityAction[] = [];
      for (const link of entity.actions) {
        if (seen.has(link.action)) continue;
        seen.add(link.action);
        offered.push({
          action: this.action(link.action) ?? stubAction(link.action),
          advertised: true,
          ...(link.href !== undefined && { href: link.href }),
        });
      }
      return offered;
    }
    return this.actionsFor(entity.kind, entity.mixins).map((action) => ({ action, advertised: false }));
  }

  mixinRole(mixinId: TypeId): MixinRole {
    const cached = this.roles.get(mixinId);
    if (cached !== undefined) return cached;
    const mixin = this.mixin(mixinId);
    const closure = this.mixinClosure([mixinId]);
    let role: MixinRole;
    if (mixin === undefined) {
      // Nothing is known of its capabilities, so it cannot be called a tag.
      const { scheme, term } = splitTypeId(mixinId);
      const stub: Mixin = { class: 'mixin', scheme, term, attributes: [], actions: [], depends: [], applies: [] };
      role = mixinRole(stub, closure);
      if (role === 'tag') role = 'provider';
    } else {
      role = mixinRole(mixin, closure);
    }
    this.roles.set(mixinId, role);
    return role;
  }

  mixinsWithRole(role: MixinRole): readonly Mixin[] {
    return this.mixinList.filter((mixin) => this.mixinRole(idOf(mixin)) === role);
  }

  osTemplates(): readonly Mixin[] {
    return this.mixinsWithRole('os-template').filter((mixin) => !isTemplateRoot(idOf(mixin)));
  }

  resourceTemplates(): readonly Mixin[] {
    return this.mixinsWithRole('resource-template').filter((mixin) => !isTemplateRoot(idOf(mixin)));
  }

  applicableMixins(kindId: TypeId): readonly Mixin[] {
    const chain = new Set(this.kindChain(kindId).map(idOf));
    // A Kind nobody defines still matches mixins that name it.
    chain.add(kindId);
    return this.mixinList.filter((mixin) => {
      const applies = mixin.applies.length > 0 ? mixin.applies : this.impliedApplies(mixin);
      return applies.length === 0 || applies.includes(ENTITY) || applies.some((id) => chain.has(id));
    });
  }

  /**
   * Where a mixin says nothing of what it applies to (1.1 cannot say it): the spec's value for its
   * own mixins, and compute for OS and resource templates, which GFD.224 defines for compute alone
   * (ooi's text discovery would otherwise offer images and flavours on a volume's form).
   */
  private impliedApplies(mixin: Mixin): readonly TypeId[] {
    const id = idOf(mixin);
    const spec = SPEC_APPLIES.get(id);
    if (spec !== undefined) return spec;
    const role = this.mixinRole(id);
    return role === 'os-template' || role === 'resource-template' ? [COMPUTE] : [];
  }

  templateSummary(mixinId: TypeId): TemplateSummary {
    return summariseTemplate(resolveAll(this.mixinSources([mixinId])), this.mixin(mixinId)?.title, this.serverProfile);
  }

  private byLocation<T extends Kind | Mixin>(locations: ReadonlyMap<string, T>, path: string): T | undefined {
    const key = locationKey(path);
    return key === null ? undefined : locations.get(withoutPrefix(key, this.locationPrefixes));
  }

  kindForLocation(path: string): Kind | undefined {
    return this.byLocation(this.kindLocations, path);
  }

  mixinForLocation(path: string): Mixin | undefined {
    return this.byLocation(this.mixinLocations, path);
  }
}

export function createQueryInterface(
  collection: CategoryCollection,
  options: QueryInterfaceOptions = {},
): QueryInterface {
  return new IndexedQueryInterface(collection, options);
}
