import type { TypeId } from './model.ts';

export function typeId(scheme: string, term: string): TypeId {
  return scheme + term;
}

/**
 * Splits a type identifier back into scheme and term. The scheme ends at the last `#`, as every
 * scheme in the specs and the surveyed servers does; without a `#` the term is what follows the
 * last `/`.
 */
export function splitTypeId(id: TypeId): { scheme: string; term: string } {
  const hash = id.lastIndexOf('#');
  const cut = hash >= 0 ? hash + 1 : id.lastIndexOf('/') + 1;
  return { scheme: id.slice(0, cut), term: id.slice(cut) };
}

export function termOf(id: TypeId): string {
  return splitTypeId(id).term;
}
