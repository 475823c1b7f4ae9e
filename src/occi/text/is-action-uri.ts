/**
 * Whether a link URI invokes an action (`/compute/1?action=stop`, `...?x=1&action=stop`): such a
 * Link is an action link, whatever else it carries.
 */
export function isActionUri(uri: string): boolean {
  return uri.includes('?action=') || uri.includes('&action=');
}
