import { OcciMediaTypeError } from './errors.ts';
import {
  parseJsonActionInvocation,
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  parseJsonEntityUpdate,
  parseJsonLocationList,
  renderJsonActionInvocation,
  renderJsonCategories,
  renderJsonEntity,
  renderJsonEntityCollection,
  renderJsonEntityUpdate,
  renderJsonLocationList,
} from './json/json-renderings.ts';
import type {
  ActionInvocation,
  CategoryClass,
  CategoryCollection,
  Entity,
  EntityCollection,
  EntityUpdate,
  LocationList,
} from './model.ts';
import { type OcciMediaType, renderingOf } from './negotiation.ts';
import {
  parseTextActionInvocation,
  parseTextCategories,
  parseTextEntity,
  parseTextEntityCollection,
  parseTextEntityUpdate,
  parseTextLocationList,
  renderTextActionInvocation,
  renderTextCategories,
  renderTextEntity,
  renderTextEntityCollection,
  renderTextEntityUpdate,
  renderTextLocationList,
  type TextInput,
  type TextMediaType,
  type TextOutput,
} from './text/text-renderings.ts';
import { parseUriList, renderUriList } from './text/uri-list.ts';

/** The message structures OCCI defines, each with the model it parses into. */
export interface StructureModels {
  categories: CategoryCollection;
  entity: Entity;
  'entity-collection': EntityCollection;
  'action-invocation': ActionInvocation;
  'entity-update': EntityUpdate;
  'location-list': LocationList;
}

export type Structure = keyof StructureModels;

/** An HTTP message as the library needs it: no Request, Response or Headers types required. */
export interface OcciMessage {
  readonly contentType: string | null;
  readonly headers: Iterable<readonly [string, string]>;
  readonly body: string;
  /**
   * The class of a category that names none, where the request's target fixes it: `mixin` for a
   * user mixin sent to the query interface. (An action invocation's category is always an action.)
   */
  readonly categoryClass?: CategoryClass;
}

export interface RenderedMessage {
  readonly contentType: OcciMediaType;
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

interface Codec<M> {
  readonly parseText: (input: TextInput, type: TextMediaType) => M;
  readonly renderText: (model: M, type: TextMediaType) => TextOutput;
  readonly parseJson: (body: string, categoryClass?: CategoryClass) => M;
  readonly renderJson: (model: M) => string;
  /** text/uri-list carries locations only: defined for the listing structures alone. */
  readonly uriList?: { readonly parse: (body: string) => M; readonly render: (model: M) => string };
}

const codecs: { readonly [S in Structure]: Codec<StructureModels[S]> } = {
  categories: {
    parseText: parseTextCategories,
    renderText: renderTextCategories,
    parseJson: parseJsonCategories,
    renderJson: renderJsonCategories,
  },
  entity: {
    parseText: parseTextEntity,
    renderText: renderTextEntity,
    parseJson: parseJsonEntity,
    renderJson: renderJsonEntity,
  },
  'entity-collection': {
    parseText: parseTextEntityCollection,
    renderText: (model, type) => renderTextEntityCollection(listedLocations(model), type),
    parseJson: parseJsonEntityCollection,
    renderJson: renderJsonEntityCollection,
    uriList: {
      parse: (body) => ({ ...parseUriList(body), resources: [], links: [] }),
      render: (model) => renderUriList(listedLocations(model)),
    },
  },
  'action-invocation': {
    parseText: parseTextActionInvocation,
    renderText: renderTextActionInvocation,
    parseJson: parseJsonActionInvocation,
    renderJson: renderJsonActionInvocation,
  },
  'entity-update': {
    parseText: parseTextEntityUpdate,
    renderText: renderTextEntityUpdate,
    parseJson: parseJsonEntityUpdate,
    renderJson: renderJsonEntityUpdate,
  },
  'location-list': {
    parseText: parseTextLocationList,
    renderText: renderTextLocationList,
    parseJson: parseJsonLocationList,
    renderJson: renderJsonLocationList,
    uriList: { parse: parseUriList, render: renderUriList },
  },
};

/** Text renderings list a collection by location; entities without one cannot be listed there. */
function listedLocations(collection: EntityCollection): LocationList {
  const locations = [...collection.locations];
  for (const entity of [...collection.resources, ...collection.links]) {
    if (entity.location !== undefined && !locations.includes(entity.location)) locations.push(entity.location);
  }
  return { locations };
}

function codecFor<S extends Structure>(structure: S): Codec<StructureModels[S]> {
  return codecs[structure] as Codec<StructureModels[S]>;
}

/**
 * Parses a message by its Content-Type. Throws OcciMediaTypeError when the content type is no
 * OCCI rendering (or cannot carry this structure) and OcciParseError when the content is malformed.
 */
export function parseMessage<S extends Structure>(structure: S, message: OcciMessage): StructureModels[S] {
  const mediaType = renderingOf(message.contentType);
  if (mediaType === null) throw new OcciMediaTypeError(message.contentType ?? '');
  const codec = codecFor(structure);
  switch (mediaType) {
    case 'application/occi+json':
      return codec.parseJson(message.body, message.categoryClass);
    case 'text/uri-list':
      if (codec.uriList === undefined)
        throw new OcciMediaTypeError(mediaType, `cannot carry ${structureName[structure]}`);
      return codec.uriList.parse(message.body);
    default:
      return codec.parseText(message, mediaType);
  }
}

/** Renders a model as the body and headers of a message in the given rendering. */
export function renderMessage<S extends Structure>(
  structure: S,
  model: StructureModels[S],
  mediaType: OcciMediaType,
): RenderedMessage {
  const codec = codecFor(structure);
  switch (mediaType) {
    case 'application/occi+json':
      return { contentType: mediaType, headers: [], body: codec.renderJson(model) };
    case 'text/uri-list':
      if (codec.uriList === undefined)
        throw new OcciMediaTypeError(mediaType, `cannot carry ${structureName[structure]}`);
      return { contentType: mediaType, headers: [], body: codec.uriList.render(model) };
    default: {
      const { headers, body } = codec.renderText(model, mediaType);
      return { contentType: mediaType, headers, body };
    }
  }
}

export const structureName: { readonly [S in Structure]: string } = {
  categories: 'a query interface (category collection)',
  entity: 'an entity',
  'entity-collection': 'an entity collection',
  'action-invocation': 'an action invocation',
  'entity-update': 'an entity update',
  'location-list': 'a location list',
};
