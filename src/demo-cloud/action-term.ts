import type { RequestContext } from './demo-context.ts';
import { OcciHttpError } from './occi-http-error.ts';

/** The term of `?action=`, or undefined when the request names no action. */
export function actionTerm(context: RequestContext): string | undefined {
  const term = context.url.searchParams.get('action');
  if (term === null) return undefined;
  if (term.trim() === '') throw new OcciHttpError(400, '?action= names no action: ?action=<term>');
  return term;
}
