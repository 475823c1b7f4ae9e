/**
 * Entity ids. `crypto.randomUUID` where the runtime has it (every browser on https or localhost,
 * Node 19+); with `options.random` (tests) the UUIDs come from it, so they are reproducible.
 */
export function createIdGenerator(random: (() => number) | undefined): () => string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const randomUUID = crypto?.randomUUID;
  if (random === undefined && crypto !== undefined && typeof randomUUID === 'function') {
    return () => randomUUID.call(crypto);
  }
  const source = random ?? Math.random;
  return () => uuidFrom(source);
}

/** A version 4 UUID from a source of random numbers. */
function uuidFrom(random: () => number): string {
  const hex = (count: number) => {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** A locally administered unicast MAC address, in OpenStack's `fa:16:3e` prefix. */
export function randomMac(random: () => number): string {
  const octet = () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  return `fa:16:3e:${octet()}:${octet()}:${octet()}`;
}
