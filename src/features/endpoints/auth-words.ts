import type { EndpointInfo } from '../../lib/endpoint-info.ts';

/** How an endpoint is logged in to, in words. */
export function authWords(endpoint: EndpointInfo): string {
  switch (endpoint.auth) {
    case 'none':
      return 'No login needed';
    case 'fixed-token':
      return 'Logged in by the console (its server holds the token)';
    case 'user-token':
      return 'Log in with a token';
    case 'basic':
      return 'Log in with user name and password';
    case 'keystone':
      return `Log in through Keystone ${endpoint.login?.version ?? ''}`.trim();
  }
}

export function needsLogin(endpoint: EndpointInfo): boolean {
  return endpoint.auth === 'user-token' || endpoint.auth === 'basic' || endpoint.auth === 'keystone';
}
