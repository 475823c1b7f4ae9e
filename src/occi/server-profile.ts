import type { OcciMediaType } from './negotiation.ts';

/**
 * Which known implementation a server is, read from its Server header, for the few quirks that
 * change what a value means (not how it is parsed). `generic` means: take the spec at its word.
 */
export type ServerProfile = 'ooi' | 'rocci-server' | 'erocci' | 'pyssf' | 'generic';

export function serverProfileOf(serverHeader: string | null | undefined): ServerProfile {
  if (serverHeader === null || serverHeader === undefined) return 'generic';
  // ooi sends `ooi/<version> OCCI/1.1 OCCI/1.2`.
  if (/(?:^|[\s,])ooi\//i.test(serverHeader)) return 'ooi';
  if (/(?:^|[\s,])rOCCI-server\b/i.test(serverHeader)) return 'rocci-server';
  if (/(?:^|[\s,])erocci\b/i.test(serverHeader)) return 'erocci';
  // pyssf sends `pyssf OCCI/1.1` (occi/__init__.py VERSION).
  if (/(?:^|[\s,])pyssf\b/i.test(serverHeader)) return 'pyssf';
  return 'generic';
}

/**
 * The renderings a known server reads requests in, best first, where that is narrower than what
 * it answers in; undefined where it reads what it renders. pyssf renders OCCI JSON but has no
 * JSON parser: it answers every JSON create, action and update with 500.
 */
export function writableRenderings(profile: ServerProfile): readonly OcciMediaType[] | undefined {
  return profile === 'pyssf' ? ['text/plain', 'text/occi'] : undefined;
}

/**
 * Whether a create should carry an `occi.core.id` the client chose. pyssf keeps a client's id as
 * the attribute but puts the entity under a URL of its own, so the id would name no location
 * (an OCCI JSON client finds an entity by its id); every other server uses it or ignores it.
 */
export function takesClientIds(profile: ServerProfile): boolean {
  return profile !== 'pyssf';
}
