/**
 * Which known implementation a server is, read from its Server header, for the few quirks that
 * change what a value means (not how it is parsed). `generic` means: take the spec at its word.
 */
export type ServerProfile = 'ooi' | 'rocci-server' | 'erocci' | 'generic';

export function serverProfileOf(serverHeader: string | null | undefined): ServerProfile {
  if (serverHeader === null || serverHeader === undefined) return 'generic';
  // ooi sends `ooi/<version> OCCI/1.1 OCCI/1.2`.
  if (/(?:^|[\s,])ooi\//i.test(serverHeader)) return 'ooi';
  if (/(?:^|[\s,])rOCCI-server\b/i.test(serverHeader)) return 'rocci-server';
  if (/(?:^|[\s,])erocci\b/i.test(serverHeader)) return 'erocci';
  return 'generic';
}
