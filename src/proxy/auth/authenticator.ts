import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointConfig } from '../endpoint-config.ts';

/**
 * What the proxy asks of the credentials layer. The proxy routes and forwards; the authenticator
 * owns sessions (an encrypted, HttpOnly cookie, so any instance behind a load balancer can read
 * it), logins and the headers that carry credentials upstream.
 */
export interface Authenticator {
  /**
   * Answers the session routes under `/api/session/` (login, logout, state). Returns false when the
   * request is not one of them.
   */
  handleApi(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /**
   * The headers that carry this user's credentials to this endpoint (`X-Auth-Token`,
   * `Authorization`, `X-Auth-Project-ID`), or `null` when the user has to log in first (the proxy
   * then answers 401 without contacting the endpoint).
   */
  upstreamCredentials(
    request: IncomingMessage,
    endpoint: EndpointConfig,
  ): Promise<Readonly<Record<string, string>> | null>;
  /**
   * The endpoint answered 401: forget the token so the console asks again. Returns the
   * `Set-Cookie` value that clears it, if any.
   */
  credentialsRejected(request: IncomingMessage, endpoint: EndpointConfig): string | null;
}
