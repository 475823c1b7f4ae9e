/**
 * An `occi.core.id` chosen by the client for a new entity: a version 4 UUID, as rOCCI and pOCCI
 * clients send (bare, not `urn:uuid:`, since servers make it the last segment of the URL).
 * `crypto.getRandomValues`, not `crypto.randomUUID`: the latter exists only in secure contexts,
 * and a console served over plain http on a LAN host name is not one.
 */
export function newEntityId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
