/**
 * The demo cloud's URLs as an answer names them: paths, or absolute on the request's origin,
 * as the profile's `urls` say (real servers differ: ooi writes every URL absolute, rOCCI-server 2
 * and pyssf only some of them).
 */
import type { RequestContext } from './demo-context.ts';
import type { UrlForm } from './quirks/quirk-behaviour.ts';

function inForm(context: RequestContext, path: string, form: UrlForm): string {
  if (form === 'relative' || !path.startsWith('/')) return path;
  return `${context.url.origin}${path}`;
}

/** An entity's location in a listing or a create's answer. */
export function locationUrl(context: RequestContext, path: string): string {
  return inForm(context, path, context.behaviour.urls.locations);
}

/** A URL inside an entity's rendering: an action link, a link's ends and its own location. */
export function linkUrl(context: RequestContext, path: string): string {
  return inForm(context, path, context.behaviour.urls.links);
}

/** A Kind's or Mixin's `location` in the query interface. */
export function categoryUrl(context: RequestContext, path: string, mixin: boolean): string {
  const { categories, mixinTrailingSlash } = context.behaviour.urls;
  const trimmed = mixin && !mixinTrailingSlash && path.length > 1 ? path.replace(/\/$/, '') : path;
  const json = context.negotiated.mediaType === 'application/occi+json';
  const form = categories === 'absolute-in-text' ? (json ? 'relative' : 'absolute') : categories;
  return inForm(context, trimmed, form);
}
