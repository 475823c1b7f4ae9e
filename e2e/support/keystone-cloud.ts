import type { DemoCloud } from '../../src/demo-cloud/demo-cloud-options.ts';

/**
 * A demo cloud behind Keystone, as keystonemiddleware puts one: a request without a token Keystone
 * issued (or with one revoked since) gets 401 and `WWW-Authenticate: Keystone uri="..."`.
 * `POST /__revoke` revokes the token it carries, as an operator's `openstack token revoke` would, and
 * `GET /__token` answers the token it carries, so a journey can look for that very token in what the
 * page received (reached with the journey's `request` fixture, never by the page).
 */

export const REVOKE_PATH = '/__revoke';
export const TOKEN_PATH = '/__token';

export function keystoneCloud(
  cloud: DemoCloud,
  keystone: { readonly uri: string; readonly issuedTokens: () => readonly string[] },
): DemoCloud {
  const revoked = new Set<string>();
  return {
    async handle(request) {
      const token = request.headers.get('x-auth-token');
      if (token === null || revoked.has(token) || !keystone.issuedTokens().includes(token)) {
        return new Response('Authentication required\n', {
          status: 401,
          headers: {
            'Content-Type': 'text/plain; charset=utf-8',
            'WWW-Authenticate': `Keystone uri="${keystone.uri}"`,
          },
        });
      }
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === REVOKE_PATH) {
        revoked.add(token);
        return new Response(null, { status: 204 });
      }
      if (request.method === 'GET' && path === TOKEN_PATH) {
        return new Response(token, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      }
      return cloud.handle(request);
    },
  };
}
