/** A parsed JSON object. Read-only: the parsers keep parts of it (attribute values) by reference. */
export type JsonObject = { readonly [key: string]: unknown };

/** A JSON object, not an array and not null. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
