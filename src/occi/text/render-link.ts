import { OcciRenderError } from '../errors.ts';
import type { ActionLink, Link } from '../model.ts';
import { termOf } from '../type-id.ts';
import { ATTR, RESOURCE } from '../well-known.ts';
import { equalsIgnoreCase } from './field-name.ts';
import { isActionUri } from './is-action-uri.ts';
import { renderAttributeValue } from './render-attribute-value.ts';
import { checkAttributeName, checkTerm, checkUri } from './render-checks.ts';

/** Link parameter names the grammar gives a meaning; an attribute of that name would read as one. */
function isLinkParameter(name: string): boolean {
  return (
    equalsIgnoreCase(name, 0, name.length, 'rel') ||
    equalsIgnoreCase(name, 0, name.length, 'self') ||
    equalsIgnoreCase(name, 0, name.length, 'category')
  );
}

/**
 * An inline link of a resource rendering:
 * `<target>; rel="<target kind>"; self="<location>"; category="<kind> <mixins>"; name=value...`.
 * rel is `occi.core.target.kind`, or core#resource when the model does not know the target's kind
 * (the grammar requires a rel). The remaining attributes follow as parameters, source included.
 */
export function renderLink(link: Link, ascii: boolean): string {
  const attributes = link.attributes;
  const target = attributes.get(ATTR.target);
  if (typeof target !== 'string') throw new OcciRenderError(ATTR.target, 'a link needs its target as a string');
  if (isActionUri(target)) throw new OcciRenderError(ATTR.target, 'holds action=, and would read as an action link');
  const targetKind = attributes.get(ATTR.targetKind) ?? RESOURCE;
  if (typeof targetKind !== 'string') throw new OcciRenderError(ATTR.targetKind, 'must be a type identifier');
  let out = `<${checkUri(ATTR.target, target, ascii)}>; rel="${checkUri(ATTR.targetKind, targetKind, ascii)}"`;
  if (link.location !== undefined) out += `; self="${checkUri('location', link.location, ascii)}"`;
  out += `; category="${checkUri('kind', link.kind, ascii)}`;
  for (const mixin of link.mixins) out += ` ${checkUri('mixins', mixin, ascii)}`;
  out += '"';
  for (const [name, value] of attributes) {
    if (name === ATTR.target || name === ATTR.targetKind) continue;
    const text = renderAttributeValue(checkAttributeName(name), value, ascii);
    if (text === undefined) continue;
    if (isLinkParameter(name)) throw new OcciRenderError(name, 'would read as a link parameter, not an attribute');
    out += `; ${name}=${text}`;
  }
  return out;
}

/**
 * An action link: `<href>; rel="<action type id>"`. The href is the model's (text renderings give
 * one), else `<entity location>?action=<term>`, else `?action=<term>` relative to the entity.
 */
export function renderActionLink(action: ActionLink, entityLocation: string | undefined, ascii: boolean): string {
  let href = action.href;
  if (href === undefined) {
    const term = checkTerm('action', termOf(action.action));
    if (entityLocation === undefined) href = `?action=${term}`;
    else href = `${entityLocation}${entityLocation.includes('?') ? '&' : '?'}action=${term}`;
  } else if (!isActionUri(href)) {
    throw new OcciRenderError('href', 'an action link URI must carry ?action=<term>');
  }
  return `<${checkUri('href', href, ascii)}>; rel="${checkUri('action', action.action, ascii)}"`;
}
