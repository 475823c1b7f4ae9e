/**
 * The demo cloud's in-memory state: entities by location, their links, user-defined mixins, and
 * the query interface over the provider's categories plus the user's.
 */
import {
  type AttributeValue,
  type CategoryCollection,
  createQueryInterface,
  type Entity,
  type Mixin,
  type QueryInterface,
  type TypeId,
  typeId,
  wellKnown,
} from '../occi/index.ts';
import { pathOf } from './route-request.ts';
import { settle, stateMachineOf, type Transition } from './state-machine.ts';

export interface StoredEntity {
  /** `/compute/<id>`: relative, no trailing slash. */
  readonly location: string;
  readonly entityType: 'resource' | 'link';
  readonly kind: TypeId;
  mixins: TypeId[];
  /** Every attribute, `occi.core.*` included; link ends as locations (`occi.core.source`). */
  attributes: Map<string, AttributeValue>;
  transition: Transition | undefined;
  /** A resource's outgoing links, by location, in the order they were made. */
  readonly links: string[];
}

export class DemoStore {
  private readonly entities = new Map<string, StoredEntity>();
  private readonly providerCategories: CategoryCollection;
  private userMixinList: Mixin[] = [];
  /** Provider tags the user deleted: tags are the user's to manage, whoever defined them. */
  private readonly removedProviderTags = new Set<TypeId>();
  private index: QueryInterface;
  /** Target location to the links pointing at it, so deleting a resource finds them at once. */
  private readonly incoming = new Map<string, Set<string>>();

  constructor(
    categories: CategoryCollection,
    private readonly now: () => number,
  ) {
    this.providerCategories = categories;
    this.index = createQueryInterface(categories);
  }

  /** The query interface over the provider's categories and the user's mixins. */
  get queryInterface(): QueryInterface {
    return this.index;
  }

  get categories(): CategoryCollection {
    return this.index.collection;
  }

  get userMixins(): readonly Mixin[] {
    return this.userMixinList;
  }

  isProviderMixin(id: TypeId): boolean {
    return this.providerCategories.mixins.some((mixin) => typeId(mixin.scheme, mixin.term) === id);
  }

  addUserMixins(mixins: readonly Mixin[]): void {
    this.userMixinList = [...this.userMixinList, ...mixins];
    this.rebuild();
  }

  /** Removes a mixin the user defined (or a provider tag), and every association with it. */
  removeMixin(id: TypeId): void {
    this.userMixinList = this.userMixinList.filter((mixin) => typeId(mixin.scheme, mixin.term) !== id);
    if (this.isProviderMixin(id)) this.removedProviderTags.add(id);
    this.rebuild();
    for (const entity of this.entities.values()) {
      if (entity.mixins.includes(id)) entity.mixins = entity.mixins.filter((m) => m !== id);
    }
  }

  private rebuild(): void {
    const provider = this.providerCategories;
    this.index = createQueryInterface({
      kinds: provider.kinds,
      mixins: [
        ...provider.mixins.filter((mixin) => !this.removedProviderTags.has(typeId(mixin.scheme, mixin.term))),
        ...this.userMixinList,
      ],
      actions: provider.actions,
    });
  }

  /** The entity at a location (settled against the clock), or undefined. */
  get(location: string): StoredEntity | undefined {
    const entity = this.entities.get(location);
    if (entity !== undefined) settle(entity, this.now());
    return entity;
  }

  has(location: string): boolean {
    return this.entities.has(location);
  }

  /** Every entity, settled, in the order they were made. */
  all(): StoredEntity[] {
    const now = this.now();
    const list = [...this.entities.values()];
    for (const entity of list) settle(entity, now);
    return list;
  }

  /** Adds an entity; a link joins its source's links. */
  add(entity: StoredEntity): void {
    this.entities.set(entity.location, entity);
    if (entity.entityType === 'link') this.indexLink(entity);
  }

  /**
   * Keeps the link indexes right after a link's ends changed (`before`: its ends until now).
   */
  moveLink(link: StoredEntity, before: LinkEnds): void {
    this.unindexLink(link, before);
    this.indexLink(link);
  }

  /**
   * Deletes an entity. A resource takes its links with it, outgoing and incoming (a deleted
   * volume is detached); a link leaves its source's list.
   */
  delete(location: string): void {
    const entity = this.entities.get(location);
    if (entity === undefined) return;
    this.entities.delete(location);
    if (entity.entityType === 'link') {
      this.unindexLink(entity, endsOf(entity));
      return;
    }
    for (const link of [...entity.links]) this.delete(link);
    for (const link of [...(this.incoming.get(location) ?? [])]) this.delete(link);
    this.incoming.delete(location);
  }

  /** Takes seeded entities in: resources with their inline links, and standalone links. */
  seed(entities: readonly Entity[]): void {
    const links: StoredEntity[] = [];
    for (const entity of entities) {
      if (entity.location === undefined) continue;
      const stored = toStored(entity, entity.location);
      this.entities.set(stored.location, stored);
      if (stored.entityType === 'link') links.push(stored);
      if (entity.entityType !== 'resource') continue;
      for (const link of entity.links) {
        if (link.location === undefined) continue;
        const storedLink = toStored(link, link.location);
        if (!storedLink.attributes.has(wellKnown.ATTR.source)) {
          storedLink.attributes.set(wellKnown.ATTR.source, stored.location);
        }
        this.entities.set(storedLink.location, storedLink);
        links.push(storedLink);
      }
    }
    // Indexed once every source is in.
    for (const link of links) this.indexLink(link);
  }

  private indexLink(link: StoredEntity): void {
    const { source, target } = endsOf(link);
    const from = source === undefined ? undefined : this.entities.get(source);
    if (from !== undefined && !from.links.includes(link.location)) from.links.push(link.location);
    if (target === undefined) return;
    let set = this.incoming.get(target);
    if (set === undefined) {
      set = new Set();
      this.incoming.set(target, set);
    }
    set.add(link.location);
  }

  private unindexLink(link: StoredEntity, ends: LinkEnds): void {
    const from = ends.source === undefined ? undefined : this.entities.get(ends.source);
    const index = from === undefined ? -1 : from.links.indexOf(link.location);
    if (from !== undefined && index >= 0) from.links.splice(index, 1);
    if (ends.target !== undefined) this.incoming.get(ends.target)?.delete(link.location);
  }
}

/** A link's source and target locations. */
export interface LinkEnds {
  readonly source: string | undefined;
  readonly target: string | undefined;
}

function endOf(link: StoredEntity, name: string): string | undefined {
  const value = link.attributes.get(name);
  return typeof value === 'string' && value !== '' ? pathOf(value) : undefined;
}

export function endsOf(link: StoredEntity): LinkEnds {
  return { source: endOf(link, wellKnown.ATTR.source), target: endOf(link, wellKnown.ATTR.target) };
}

function toStored(entity: Entity, location: string): StoredEntity {
  const attributes = new Map(entity.attributes);
  const machine = stateMachineOf(entity.kind);
  if (machine !== undefined && !attributes.has(machine.stateAttribute)) {
    attributes.set(machine.stateAttribute, machine.created);
  }
  return {
    location: pathOf(location),
    entityType: entity.entityType,
    kind: entity.kind,
    mixins: [...entity.mixins],
    attributes,
    transition: undefined,
    links: [],
  };
}
