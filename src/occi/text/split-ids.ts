import { isOws } from './char-class.ts';

/** Splits a space-separated list of type identifiers (`rel`, `actions`, a link's `category`). */
export function splitIds(list: string): string[] {
  const ids: string[] = [];
  const n = list.length;
  if (n > 0 && !isOws(list.charCodeAt(0)) && list.indexOf(' ') < 0 && list.indexOf('\t') < 0) {
    ids.push(list);
    return ids;
  }
  let i = 0;
  while (i < n) {
    while (i < n && isOws(list.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isOws(list.charCodeAt(i))) i++;
    if (i > start) ids.push(start === 0 && i === n ? list : list.slice(start, i));
  }
  return ids;
}

/** The first identifier of such a list, or undefined when it is empty. */
export function firstId(list: string): string | undefined {
  const n = list.length;
  // The usual case, one identifier and no whitespace, found with the native indexOf.
  if (n > 0 && !isOws(list.charCodeAt(0)) && list.indexOf(' ') < 0 && list.indexOf('\t') < 0) return list;
  let i = 0;
  while (i < n && isOws(list.charCodeAt(i))) i++;
  const start = i;
  while (i < n && !isOws(list.charCodeAt(i))) i++;
  if (i === start) return undefined;
  return start === 0 && i === n ? list : list.slice(start, i);
}
