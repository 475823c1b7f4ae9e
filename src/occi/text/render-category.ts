import { OcciRenderError } from '../errors.ts';
import type { AttributeDefinition, Category, CategoryClass, TypeId } from '../model.ts';
import { splitTypeId } from '../type-id.ts';
import { checkAttributeName, checkTerm, checkUri, quoted } from './render-checks.ts';

function renderDefinition(definition: AttributeDefinition): string {
  const name = checkAttributeName(definition.name);
  if (!definition.mutable) return definition.required ? `${name}{immutable required}` : `${name}{immutable}`;
  return definition.required ? `${name}{required}` : name;
}

function renderIds(field: string, ids: readonly TypeId[], ascii: boolean): string {
  let out = '';
  for (const id of ids) out += out === '' ? checkUri(field, id, ascii) : ` ${checkUri(field, id, ascii)}`;
  return out;
}

/**
 * A category as the query interface renders it:
 * `term; scheme="..."; class="..."` then title, rel, location, attributes and actions, each only
 * when present. A Kind's rel is its parent; a Mixin's rel is its FIRST dependency only, since the
 * text grammar has room for one and `applies` has no text form (GFD.229).
 */
export function renderCategory(category: Category, ascii: boolean): string {
  let out = `${checkTerm('term', category.term)}; scheme="${checkUri('scheme', category.scheme, ascii)}"; class="${category.class}"`;
  if (category.title !== undefined) out += `; title=${quoted('title', category.title, ascii)}`;
  if (category.class === 'kind') {
    if (category.parent !== undefined) out += `; rel="${checkUri('parent', category.parent, ascii)}"`;
  } else if (category.class === 'mixin') {
    const depends = category.depends[0];
    if (depends !== undefined) out += `; rel="${checkUri('depends', depends, ascii)}"`;
  }
  if (category.class !== 'action' && category.location !== undefined) {
    out += `; location="${checkUri('location', category.location, ascii)}"`;
  }
  if (category.attributes.length > 0) {
    out += `; attributes="${category.attributes.map(renderDefinition).join(' ')}"`;
  }
  if (category.class !== 'action' && category.actions.length > 0) {
    out += `; actions="${renderIds('actions', category.actions, ascii)}"`;
  }
  return out;
}

/** The short form an entity rendering uses: `term; scheme="..."; class="..."` from a type id. */
export function renderCategoryId(field: string, id: TypeId, cls: CategoryClass, ascii: boolean): string {
  const { scheme, term } = splitTypeId(id);
  if (scheme === '') throw new OcciRenderError(field, 'is not a type identifier (scheme and term)');
  return `${checkTerm(field, term)}; scheme="${checkUri(field, scheme, ascii)}"; class="${cls}"`;
}
