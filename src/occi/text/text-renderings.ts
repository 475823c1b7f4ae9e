/**
 * The text renderings of OCCI (GFD.185, GFD.229): text/plain carries the four structures
 * (Category, Link, X-OCCI-Attribute, X-OCCI-Location) as `Name: value` lines of the body, text/occi
 * carries the same values as HTTP headers. Parsing is liberal (every deviation of the servers in
 * the spec digest's §4.8 and of the captured fixtures); rendering emits only the spec grammar.
 */
import { OcciParseError } from '../errors.ts';
import type {
  Action,
  ActionInvocation,
  ActionLink,
  AttributeValue,
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
} from '../model.ts';
import { typeId } from '../type-id.ts';
import { ATTR } from '../well-known.ts';
import type { Cursor } from './cursor.ts';
import { Field } from './field-name.ts';
import type { Mutable } from './mutable.ts';
import { parseAttribute } from './parse-attribute.ts';
import { parseCategory } from './parse-category.ts';
import { parseLink } from './parse-link.ts';
import { parseLocation } from './parse-location.ts';
import { renderCategory, renderCategoryId } from './render-category.ts';
import { checkUri } from './render-checks.ts';
import { renderActionLink, renderLink } from './render-link.ts';
import { type EndPosition, scanTextFields } from './scan-text-fields.ts';
import { TextStructures } from './text-structures.ts';

export type TextMediaType = 'text/plain' | 'text/occi';

/** A message as the text renderings need it. text/plain reads only the body, text/occi only the headers. */
export interface TextInput {
  readonly headers: Iterable<readonly [string, string]>;
  readonly body: string;
  /** The class of a category that names none, where the message's target fixes it (see OcciMessage). */
  readonly categoryClass?: CategoryClass;
}

/** text/plain gives no headers and the body; text/occi gives the headers and an empty body. */
export interface TextOutput {
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

function missing(expected: string, end: EndPosition): OcciParseError {
  return new OcciParseError(expected, '', end.line, end.column);
}

// ---------------------------------------------------------------------------------------------
// Category collection (the query interface)

/**
 * Reads every Category of a query-interface answer; other structures are ignored. A Kind's `rel`
 * is its parent. A Mixin's `rel` is its dependency, but rOCCI 5 lists a mixin's depends AND
 * applies there, space-separated: identifiers naming a Kind of this same collection go to
 * `applies`, the rest to `depends`.
 */
export function parseTextCategories(input: TextInput, type: TextMediaType): CategoryCollection {
  const kinds: Kind[] = [];
  const mixins: Mixin[] = [];
  const actions: Action[] = [];
  scanTextFields(input, type === 'text/occi', (field, cursor) => {
    if (field !== Field.category) return;
    while (cursor.nextElement()) {
      const category = parseCategory(cursor, true, input.categoryClass);
      if (category.class === 'kind') kinds.push(category);
      else if (category.class === 'mixin') mixins.push(category);
      else actions.push(category);
      cursor.endElement('category list');
    }
  });
  if (kinds.length > 0) {
    const kindIds = new Set(kinds.map((kind) => typeId(kind.scheme, kind.term)));
    for (let i = 0; i < mixins.length; i++) {
      const mixin = mixins[i] as Mixin;
      if (!mixin.depends.some((id) => kindIds.has(id))) continue;
      mixins[i] = {
        ...mixin,
        depends: mixin.depends.filter((id) => !kindIds.has(id)),
        applies: mixin.depends.filter((id) => kindIds.has(id)),
      };
    }
  }
  return { kinds, mixins, actions };
}

/** One line per category, kinds first, then mixins, then actions. */
export function renderTextCategories(model: CategoryCollection, type: TextMediaType): TextOutput {
  const ascii = type === 'text/occi';
  const out = new TextStructures();
  for (const kind of model.kinds) out.categories.push(renderCategory(kind, ascii));
  for (const mixin of model.mixins) out.categories.push(renderCategory(mixin, ascii));
  for (const action of model.actions) out.categories.push(renderCategory(action, ascii));
  return out.output(type === 'text/occi');
}

// ---------------------------------------------------------------------------------------------
// Entities and partial updates

interface EntityParts {
  kind: TypeId | undefined;
  readonly mixins: TypeId[];
  readonly attributes: Map<string, AttributeValue>;
  readonly links: Link[];
  readonly actions: ActionLink[];
}

/**
 * Reads the parts an entity rendering or an update can hold: at most one kind category, mixin
 * categories, links, action links and attributes, in any order (rOCCI 5 puts attributes before
 * links). Action categories and locations mean nothing here and are skipped.
 */
function parseEntityParts(input: TextInput, type: TextMediaType): { parts: EntityParts; end: EndPosition } {
  const parts: EntityParts = { kind: undefined, mixins: [], attributes: new Map(), links: [], actions: [] };
  const end = scanTextFields(input, type === 'text/occi', (field, cursor) => {
    switch (field) {
      case Field.category:
        while (cursor.nextElement()) {
          const start = cursor.pos;
          const category = parseCategory(cursor, false);
          if (category.class === 'kind') {
            if (parts.kind !== undefined) {
              throw cursor.error(`no second kind category (the kind is already ${parts.kind})`, start);
            }
            parts.kind = typeId(category.scheme, category.term);
          } else if (category.class === 'mixin') {
            parts.mixins.push(typeId(category.scheme, category.term));
          }
          cursor.endElement('category list');
        }
        return;
      case Field.link:
        while (cursor.nextElement()) {
          const link = parseLink(cursor);
          if ('entityType' in link) parts.links.push(link);
          else parts.actions.push(link);
          cursor.endElement('link list');
        }
        return;
      case Field.attribute:
        parseAttributes(cursor, parts.attributes);
        return;
      default:
        return;
    }
  });
  return { parts, end };
}

function parseAttributes(cursor: Cursor, into: Map<string, AttributeValue>): void {
  while (cursor.nextElement()) {
    parseAttribute(cursor, into);
    cursor.endElement('attribute list');
  }
}

/**
 * An entity: exactly one kind category, any mixin categories. It is a Link when it has an
 * `occi.core.target` attribute (a link rendering gives source and target as attributes), else a
 * Resource with its inline links. The location is not in a rendering; the caller knows the URL.
 */
export function parseTextEntity(input: TextInput, type: TextMediaType): Entity {
  const { parts, end } = parseEntityParts(input, type);
  if (parts.kind === undefined) throw missing('a kind category (class="kind")', end);
  if (parts.attributes.has(ATTR.target)) {
    // Link headers inside a link rendering have no place in the model (GFD.185 forbids them).
    const link: Link = {
      entityType: 'link',
      kind: parts.kind,
      mixins: parts.mixins,
      attributes: parts.attributes,
      actions: parts.actions,
    };
    return link;
  }
  const resource: Resource = {
    entityType: 'resource',
    kind: parts.kind,
    mixins: parts.mixins,
    attributes: parts.attributes,
    actions: parts.actions,
    links: parts.links,
  };
  return resource;
}

function addEntityStructures(
  out: TextStructures,
  kind: TypeId | undefined,
  mixins: readonly TypeId[],
  links: readonly Link[],
  attributes: ReadonlyMap<string, AttributeValue>,
  ascii: boolean,
): void {
  if (kind !== undefined) out.categories.push(renderCategoryId('kind', kind, 'kind', ascii));
  for (const mixin of mixins) out.categories.push(renderCategoryId('mixins', mixin, 'mixin', ascii));
  for (const link of links) out.links.push(renderLink(link, ascii));
  out.addAttributes(attributes, ascii);
}

/** Kind and mixin categories, links, action links, then attributes (null values left out). */
export function renderTextEntity(model: Entity, type: TextMediaType): TextOutput {
  const ascii = type === 'text/occi';
  const out = new TextStructures();
  const links = model.entityType === 'resource' ? model.links : [];
  addEntityStructures(out, model.kind, model.mixins, links, model.attributes, ascii);
  for (const action of model.actions) out.links.push(renderActionLink(action, model.location, ascii));
  return out.output(type === 'text/occi');
}

/** A partial update or a PUT body: like an entity, but the kind may be left out. Action links are skipped. */
export function parseTextEntityUpdate(input: TextInput, type: TextMediaType): EntityUpdate {
  const { parts } = parseEntityParts(input, type);
  const update: Mutable<EntityUpdate> = { mixins: parts.mixins, attributes: parts.attributes, links: parts.links };
  if (parts.kind !== undefined) update.kind = parts.kind;
  return update;
}

export function renderTextEntityUpdate(model: EntityUpdate, type: TextMediaType): TextOutput {
  const out = new TextStructures();
  addEntityStructures(out, model.kind, model.mixins, model.links, model.attributes, type === 'text/occi');
  return out.output(type === 'text/occi');
}

// ---------------------------------------------------------------------------------------------
// Action invocation

/**
 * `POST ...?action=term`: exactly one category, of class action; its attributes are the action's
 * parameters. No action category, a second one, or a kind or mixin beside it is an error (servers
 * answer 400: "Single action instance must be given", "Action and kind together?").
 */
export function parseTextActionInvocation(input: TextInput, type: TextMediaType): ActionInvocation {
  let action: TypeId | undefined;
  const attributes = new Map<string, AttributeValue>();
  const end = scanTextFields(input, type === 'text/occi', (field, cursor) => {
    if (field === Field.attribute) {
      parseAttributes(cursor, attributes);
      return;
    }
    if (field !== Field.category) return;
    while (cursor.nextElement()) {
      const start = cursor.pos;
      // The `?action=` of the request says what this category is (pyssf's clients leave `class` out).
      const category = parseCategory(cursor, false, 'action');
      if (category.class !== 'action') {
        throw cursor.error(`only the action category (an action invocation has no ${category.class})`, start);
      }
      if (action !== undefined) {
        throw cursor.error(`a single action category (the action is already ${action})`, start);
      }
      action = typeId(category.scheme, category.term);
      cursor.endElement('category list');
    }
  });
  if (action === undefined) throw missing('an action category (class="action")', end);
  return { action, attributes };
}

export function renderTextActionInvocation(model: ActionInvocation, type: TextMediaType): TextOutput {
  const ascii = type === 'text/occi';
  const out = new TextStructures();
  out.categories.push(renderCategoryId('action', model.action, 'action', ascii));
  out.addAttributes(model.attributes, ascii);
  return out.output(type === 'text/occi');
}

// ---------------------------------------------------------------------------------------------
// Location lists and collections

/**
 * X-OCCI-Location values, and in text/occi also `Location` (rOCCI-server lists a collection as
 * `Location: u1,u2`). URI-references are kept as given, relative or absolute.
 */
export function parseTextLocationList(input: TextInput, type: TextMediaType): LocationList {
  const locations: string[] = [];
  scanTextFields(input, type === 'text/occi', (field, cursor) => {
    if (field !== Field.location && field !== Field.httpLocation) return;
    while (cursor.nextElement()) {
      locations.push(parseLocation(cursor));
      cursor.endElement('location list');
    }
  });
  return { locations };
}

export function renderTextLocationList(model: LocationList, type: TextMediaType): TextOutput {
  const ascii = type === 'text/occi';
  const out = new TextStructures();
  for (const location of model.locations) out.locations.push(checkUri('locations', location, ascii, true));
  return out.output(type === 'text/occi');
}

/** A collection in a text rendering is its members' locations only. */
export function parseTextEntityCollection(input: TextInput, type: TextMediaType): EntityCollection {
  return { locations: parseTextLocationList(input, type).locations, resources: [], links: [] };
}

export function renderTextEntityCollection(model: LocationList, type: TextMediaType): TextOutput {
  return renderTextLocationList(model, type);
}
