/**
 * A deep copy with every Map turned into its list of entries, so `toEqual` also checks the order of
 * attributes (the model keeps them in the order the server gave them; Map equality ignores order).
 */
export function ordered(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([key, item]) => [key, ordered(item)]);
  if (Array.isArray(value)) return value.map(ordered);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ordered(item)]));
  }
  return value;
}
