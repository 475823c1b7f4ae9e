/**
 * The demo cloud's categories as a profile's server defines them, where its definitions differ
 * from the standard ones in what a client must send.
 */
import type { AttributeDefinition, CategoryCollection, Kind } from '../occi/index.ts';
import type { QuirkBehaviour } from './quirks/quirk-behaviour.ts';

const STORAGE_SIZE = 'occi.storage.size';

function optional(definition: AttributeDefinition): AttributeDefinition {
  return definition.name === STORAGE_SIZE ? { ...definition, required: false } : definition;
}

export function profileCategories(categories: CategoryCollection, behaviour: QuirkBehaviour): CategoryCollection {
  if (behaviour.storageSizeRequired) return categories;
  // rOCCI-server 2 and pyssf take a volume without a size (rOCCI capture 135, pyssf capture 131),
  // and their query interfaces say so.
  const kinds = categories.kinds.map((kind): Kind => ({ ...kind, attributes: kind.attributes.map(optional) }));
  return { ...categories, kinds };
}
