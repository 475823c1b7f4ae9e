/**
 * User data (cloud-init) as OCCI carries it: base64 of the UTF-8 bytes. Users write the script;
 * the console encodes it and says how big it is, since clouds cap it (nova: 65,535 bytes encoded).
 */
export const USER_DATA_LIMIT = 65_535;

export function isUserDataAttribute(name: string): boolean {
  return /user_?data$/i.test(name);
}

export function encodeUserData(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: spreading a large array into fromCharCode overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function userDataSize(text: string): { bytes: number; encoded: number } {
  const bytes = new TextEncoder().encode(text).length;
  return { bytes, encoded: 4 * Math.ceil(bytes / 3) };
}
