/**
 * The OCCI core model as the console sees it: what every rendering parses into and renders from.
 *
 * The model keeps what a server said, not what it meant: a value sent quoted stays a string even
 * where the attribute is a number (pyssf quotes every value). Typing against the attribute
 * definitions is the query interface's job (see `query-interface.ts`).
 */

/** A type identifier: scheme and term joined with no separator (`...infrastructure#compute`). */
export type TypeId = string;

export type CategoryClass = 'kind' | 'mixin' | 'action';

/** The value types of OCCI 1.2 JSON; the text renderings can only carry the first three. */
export type AttributeType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

/** Attribute values in the order the server gave them. A Map, so no name can reach a prototype. */
export type Attributes = ReadonlyMap<string, AttributeValue>;

/**
 * One attribute definition. OCCI 1.1 knows only the name and `{required immutable}`; OCCI 1.2
 * JSON adds type, default, pattern and description. Absent properties stay absent: their 1.2
 * defaults (`type` "string") are applied by the query interface, not by the parsers.
 */
export interface AttributeDefinition {
  readonly name: string;
  readonly mutable: boolean;
  readonly required: boolean;
  readonly type?: AttributeType;
  readonly default?: AttributeValue;
  /** An extended regular expression (text, rOCCI) or a JSON Schema object (OCCI 1.2 JSON). */
  readonly pattern?: string | { readonly [key: string]: AttributeValue };
  readonly description?: string;
}

interface CategoryBase {
  readonly scheme: string;
  readonly term: string;
  readonly title?: string;
  readonly attributes: readonly AttributeDefinition[];
}

export interface Kind extends CategoryBase {
  readonly class: 'kind';
  /** The parent Kind (1.2 `parent`; 1.1 `related`/`rel`). */
  readonly parent?: TypeId;
  readonly location?: string;
  readonly actions: readonly TypeId[];
}

export interface Mixin extends CategoryBase {
  readonly class: 'mixin';
  /** Mixins this one depends on (1.2 `depends`; 1.1 `related`/`rel`). */
  readonly depends: readonly TypeId[];
  /** Kinds this mixin may be attached to; empty means any entity. */
  readonly applies: readonly TypeId[];
  readonly location?: string;
  readonly actions: readonly TypeId[];
}

/** An Action only identifies an operation; its attributes are the operation's parameters. */
export interface Action extends CategoryBase {
  readonly class: 'action';
}

export type Category = Kind | Mixin | Action;

/** The query interface (`GET /-/`), or a user-mixin definition sent to it. */
export interface CategoryCollection {
  readonly kinds: readonly Kind[];
  readonly mixins: readonly Mixin[];
  readonly actions: readonly Action[];
}

/** An action the entity offers now. `href` is what a text rendering gave (JSON gives none). */
export interface ActionLink {
  readonly action: TypeId;
  readonly href?: string;
}

/**
 * Every attribute of an entity lives in `attributes`, the `occi.core.*` ones included
 * (`occi.core.id`, `.title`, `.summary`, `.source`, `.target`, `.target.kind`, `.source.kind`):
 * the JSON renderings move them to and from their top-level fields.
 */
interface EntityBase {
  readonly kind: TypeId;
  readonly mixins: readonly TypeId[];
  readonly attributes: Attributes;
  readonly actions: readonly ActionLink[];
  /** Where the entity lives. Renderings do not carry it; the client sets it from the URL. */
  readonly location?: string;
}

export interface Resource extends EntityBase {
  readonly entityType: 'resource';
  readonly links: readonly Link[];
}

/** A link. Its source and target are the attributes `occi.core.source` and `occi.core.target`. */
export interface Link extends EntityBase {
  readonly entityType: 'link';
}

export type Entity = Resource | Link;

/**
 * A collection listing: locations only (text renderings, uri-list, rOCCI's JSON array), or full
 * entities (OCCI 1.2 JSON). A server may give both kinds in one JSON answer.
 */
export interface EntityCollection {
  readonly locations: readonly string[];
  readonly resources: readonly Resource[];
  readonly links: readonly Link[];
}

/** `POST <entity or collection>?action=<term>` with exactly one action category. */
export interface ActionInvocation {
  readonly action: TypeId;
  readonly attributes: Attributes;
}

/**
 * A partial update (POST to an entity) and the body of a full update or create by PUT when the
 * kind is left out: what the client changes, nothing else.
 */
export interface EntityUpdate {
  readonly kind?: TypeId;
  readonly mixins: readonly TypeId[];
  readonly attributes: Attributes;
  readonly links: readonly Link[];
}

/** Mixin association, replacement and dissociation bodies: entity locations. */
export interface LocationList {
  readonly locations: readonly string[];
}
