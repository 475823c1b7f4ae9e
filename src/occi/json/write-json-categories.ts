import type { Action, AttributeDefinition, CategoryCollection, Kind, Mixin } from '../model.ts';
import { renderableValue, setMember } from './write-json-value.ts';

type JsonRecord = Record<string, unknown>;

/**
 * Attribute descriptions keyed by name, each with explicit `mutable` and `required` (their
 * absence would mean false, but ooi and rOCCI always write them, and readers of older drafts
 * assumed otherwise) and only the other properties the model has. `undefined` when there are none:
 * ooi leaves the member out then.
 */
function definitionsToJson(definitions: readonly AttributeDefinition[]): JsonRecord | undefined {
  if (definitions.length === 0) return undefined;
  const out: JsonRecord = {};
  for (const definition of definitions) {
    const json: JsonRecord = { mutable: definition.mutable, required: definition.required };
    if (definition.type !== undefined) json.type = definition.type;
    if (definition.default !== undefined)
      json.default = renderableValue(definition.default, `${definition.name} default`);
    if (definition.pattern !== undefined)
      json.pattern = renderableValue(definition.pattern, `${definition.name} pattern`);
    if (definition.description !== undefined) json.description = definition.description;
    setMember(out, definition.name, json);
  }
  return out;
}

function baseToJson(category: Kind | Mixin | Action): JsonRecord {
  const out: JsonRecord = { term: category.term, scheme: category.scheme };
  if (category.title !== undefined) out.title = category.title;
  return out;
}

function kindToJson(kind: Kind): JsonRecord {
  const out = baseToJson(kind);
  if (kind.parent !== undefined) out.parent = kind.parent;
  const attributes = definitionsToJson(kind.attributes);
  if (attributes !== undefined) out.attributes = attributes;
  if (kind.actions.length > 0) out.actions = kind.actions;
  if (kind.location !== undefined) out.location = kind.location;
  return out;
}

function mixinToJson(mixin: Mixin): JsonRecord {
  const out = baseToJson(mixin);
  if (mixin.depends.length > 0) out.depends = mixin.depends;
  if (mixin.applies.length > 0) out.applies = mixin.applies;
  const attributes = definitionsToJson(mixin.attributes);
  if (attributes !== undefined) out.attributes = attributes;
  if (mixin.actions.length > 0) out.actions = mixin.actions;
  if (mixin.location !== undefined) out.location = mixin.location;
  return out;
}

function actionToJson(action: Action): JsonRecord {
  const out = baseToJson(action);
  const attributes = definitionsToJson(action.attributes);
  if (attributes !== undefined) out.attributes = attributes;
  return out;
}

/** The 1.2 "model" object; empty arrays are left out (the schema wants at least one item). */
export function categoryCollectionToJson(collection: CategoryCollection): JsonRecord {
  const out: JsonRecord = {};
  if (collection.kinds.length > 0) out.kinds = collection.kinds.map(kindToJson);
  if (collection.mixins.length > 0) out.mixins = collection.mixins.map(mixinToJson);
  if (collection.actions.length > 0) out.actions = collection.actions.map(actionToJson);
  return out;
}
