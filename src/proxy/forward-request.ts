import {
  type Agent,
  type ClientRequest,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Authenticator } from './auth/authenticator.ts';
import type { EndpointConfig } from './endpoint-config.ts';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers.ts';
import { upstreamPath } from './occi-target.ts';
import { type RequestRecord, sendJson, sendText } from './plain-response.ts';
import type { ProxyLimits } from './proxy-config.ts';

export interface ForwardOptions {
  /** Chosen by the router from the configuration, by id: never from anything else in the request. */
  readonly endpoint: EndpointConfig;
  /** The checked rest of the path (occi-target.ts), still percent-encoded as the client sent it. */
  readonly rest: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  readonly agent: Agent;
  readonly limits: ProxyLimits;
  readonly authenticator: Authenticator;
  readonly record: RequestRecord;
}

/** TRACE would echo the credentials the proxy adds back to the page; CONNECT would make it a tunnel. */
const REFUSED_METHODS = new Set(['TRACE', 'CONNECT', 'TRACK']);
/** Requests that may be sent again when a kept-alive connection turns out to have been closed. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/**
 * Forwards one request to its endpoint and streams the answer back: method, path, query and body go
 * up as they came (less hop-by-hop headers and the browser's credentials, plus the authenticator's);
 * status, headers and body come down byte for byte (compressed bodies stay compressed, repeated lines
 * stay repeated, redirects are passed on, never followed). Resolves when the exchange is over, however
 * it ended; never rejects.
 */
export async function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: ForwardOptions,
): Promise<void> {
  const { endpoint, limits, record, authenticator } = options;
  const who = `The endpoint "${endpoint.id}" (${endpoint.url.origin})`;
  const method = req.method ?? 'GET';

  if (REFUSED_METHODS.has(method)) {
    sendText(res, 405, `405 Method Not Allowed: ${method} is not forwarded to endpoint "${endpoint.id}".`, record);
    return;
  }
  if (!/^[\x21-\x7e]*$/.test(options.query)) {
    sendText(res, 400, '400 Bad Request: the query string holds characters that must be percent-encoded.', record);
    return;
  }

  const contentLength = req.headers['content-length'];
  const hasChunkedBody = req.headers['transfer-encoding'] !== undefined;
  if (contentLength !== undefined && Number(contentLength) > limits.maxBodyBytes) {
    tooLarge(req, res, record, limits.maxBodyBytes, endpoint.id);
    return;
  }
  const body = contentLength !== undefined ? { length: contentLength } : hasChunkedBody ? ('chunked' as const) : 'none';

  let credentials: Readonly<Record<string, string>> | null;
  try {
    credentials = await authenticator.upstreamCredentials(req, endpoint);
  } catch (error) {
    // The message may come from a Keystone stand-in or a network error: it carries no secret.
    const cause = error instanceof Error ? error.message : String(error);
    sendText(
      res,
      502,
      `502 Bad Gateway: no credentials could be obtained for endpoint "${endpoint.id}": ${cause}`,
      record,
    );
    return;
  }
  if (res.destroyed) return;
  if (credentials === null) {
    // The proxy's own challenge scheme: browsers show no password dialog for it, and the console reads
    // the JSON and shows its own login for this endpoint.
    sendJson(res, 401, { error: 'login required', endpoint: endpoint.id }, record, [
      'WWW-Authenticate',
      `Console-Login endpoint="${endpoint.id}"`,
    ]);
    return;
  }

  let headers: string[];
  try {
    headers = upstreamRequestHeaders(req.rawHeaders, { host: endpoint.url.host, credentials, body });
  } catch {
    sendText(
      res,
      502,
      `502 Bad Gateway: the credentials for endpoint "${endpoint.id}" are not a valid header.`,
      record,
    );
    return;
  }

  const path = upstreamPath(endpoint.url.pathname, options.rest, options.query);
  const send = endpoint.url.protocol === 'https:' ? httpsRequest : httpRequest;

  const upstreamHost = endpoint.url.hostname.startsWith('[')
    ? endpoint.url.hostname.slice(1, -1)
    : endpoint.url.hostname;

  await new Promise<void>((resolve) => {
    let over = false;
    let upstream: ClientRequest | undefined;
    const timers = new Set<NodeJS.Timeout>();
    // The steps of one exchange are methods of one object, not named arrow functions: tsx, which runs
    // the proxy under `npm start`, keeps the name of every named function it creates with
    // Object.defineProperty, which costs about a microsecond per function and request.
    const exchange = {
      after(ms: number, onTimeout: () => void): NodeJS.Timeout {
        const timer = setTimeout(() => {
          timers.delete(timer);
          onTimeout();
        }, ms);
        timers.add(timer);
        return timer;
      },
      cancel(timer: NodeJS.Timeout | undefined): void {
        if (timer === undefined) return;
        clearTimeout(timer);
        timers.delete(timer);
      },
      finish(): void {
        if (over) return;
        over = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        resolve();
      },
      fail(status: 502 | 504 | 413, text: string): void {
        if (over) return;
        upstream?.destroy();
        // A body still on its way is not read further: the connection is closed after this answer.
        sendText(res, status, text, record, req.complete ? [] : ['Connection', 'close']);
        exchange.finish();
      },
      start(attempt: number): void {
        let answered = false;
        let firstByteTimer: NodeJS.Timeout | undefined;
        const outgoing = send({
          protocol: endpoint.url.protocol,
          hostname: upstreamHost,
          port: endpoint.url.port,
          method,
          path,
          headers,
          agent: options.agent,
          maxHeaderSize: limits.maxUpstreamHeaderBytes,
          // Never follow anything: http.request does not, and Host is in `headers`, from the configuration.
          setHost: false,
        });
        upstream = outgoing;

        outgoing.on('socket', (socket) => {
          if (!socket.connecting) return; // a kept-alive connection, already open
          const timer = exchange.after(limits.connectTimeoutMs, () =>
            exchange.fail(
              504,
              `504 Gateway Timeout: ${who} did not accept a connection within ${limits.connectTimeoutMs} ms.`,
            ),
          );
          socket.once(endpoint.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => exchange.cancel(timer));
        });
        outgoing.on('finish', () => {
          if (answered) return;
          firstByteTimer = exchange.after(limits.firstByteTimeoutMs, () =>
            exchange.fail(504, `504 Gateway Timeout: ${who} sent no answer within ${limits.firstByteTimeoutMs} ms.`),
          );
        });

        outgoing.on('error', (error: NodeJS.ErrnoException) => {
          if (over || answered) return;
          exchange.cancel(firstByteTimer);
          // A kept-alive connection the upstream had closed just as it was reused: send it again once,
          // when that cannot do anything twice.
          if (
            attempt === 0 &&
            outgoing.reusedSocket &&
            error.code === 'ECONNRESET' &&
            body === 'none' &&
            IDEMPOTENT_METHODS.has(method)
          ) {
            exchange.start(1);
            return;
          }
          exchange.fail(502, `502 Bad Gateway: ${who} ${describeUpstreamError(error, limits)}.`);
        });

        outgoing.on('response', (upstreamResponse) => {
          answered = true;
          exchange.cancel(firstByteTimer);
          if (over) {
            upstreamResponse.destroy();
            return;
          }
          const status = upstreamResponse.statusCode ?? 502;
          const responseHeaders = clientResponseHeaders(upstreamResponse.rawHeaders, status);
          if (status === 401) {
            // The endpoint refused the credentials (an expired Keystone token): forget them, so the
            // console asks again; its WWW-Authenticate says how (`Keystone uri=...`).
            const clearing = authenticator.credentialsRejected(req, endpoint);
            if (clearing !== null) responseHeaders.push('Set-Cookie', clearing);
          }
          try {
            const reason = upstreamResponse.statusMessage;
            if (reason === undefined || reason === '') res.writeHead(status, responseHeaders);
            else res.writeHead(status, reason, responseHeaders);
          } catch {
            upstreamResponse.destroy();
            exchange.fail(502, `502 Bad Gateway: ${who} answered with a status or header that cannot be passed on.`);
            return;
          }
          upstreamResponse.on('data', (chunk: Buffer) => {
            record.bytes += chunk.length;
            if (!res.write(chunk)) upstreamResponse.pause();
          });
          res.on('drain', () => upstreamResponse.resume());
          upstreamResponse.on('end', () => res.end(() => exchange.finish()));
          upstreamResponse.on('close', () => {
            // The upstream's connection ended in the middle of the body: the client must not take a
            // truncated answer for a whole one, so its connection is cut too.
            if (!upstreamResponse.complete && !over) {
              res.destroy();
              exchange.finish();
            }
          });
          upstreamResponse.on('error', () => undefined);
        });

        if (body === 'none') {
          outgoing.end();
          return;
        }
        if (attempt > 0) return;
        let received = 0;
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > limits.maxBodyBytes) {
            req.removeAllListeners('data');
            req.pause();
            upstream?.destroy();
            tooLarge(req, res, record, limits.maxBodyBytes, endpoint.id);
            exchange.finish();
            return;
          }
          if (upstream !== undefined && !upstream.write(chunk)) req.pause();
        });
        outgoing.on('drain', () => req.resume());
        req.on('end', () => upstream?.end());
      },
    };

    exchange.after(limits.totalTimeoutMs, () =>
      exchange.fail(504, `504 Gateway Timeout: ${who} did not complete its answer within ${limits.totalTimeoutMs} ms.`),
    );

    // The browser went away (closed the tab, aborted the fetch): so does the upstream request.
    res.on('close', () => {
      if (!res.writableFinished) {
        upstream?.destroy();
        exchange.finish();
      }
    });

    exchange.start(0);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse, record: RequestRecord, max: number, id: string): void {
  sendText(
    res,
    413,
    `413 Content Too Large: the request body for endpoint "${id}" is larger than ${max} bytes (OCCI_MAX_BODY_BYTES).`,
    record,
    req.complete ? [] : ['Connection', 'close'],
  );
}

const TLS_CODE = /^(?:CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** The cause of a failed upstream request, in words (the endpoint's name is put before it). */
export function describeUpstreamError(error: NodeJS.ErrnoException, limits: ProxyLimits): string {
  const code = error.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused the connection (ECONNREFUSED): nothing listens there';
    case 'ENOTFOUND':
      return 'could not be found: its host name does not resolve (ENOTFOUND)';
    case 'EAI_AGAIN':
      return 'could not be found: the name lookup failed for now (EAI_AGAIN)';
    case 'ECONNRESET':
      return 'reset the connection before answering (ECONNRESET)';
    case 'EPIPE':
      return 'closed the connection while the request was being sent (EPIPE)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot be reached: no route to it (${code})`;
    case 'ETIMEDOUT':
      return 'did not answer at the network level (ETIMEDOUT)';
    case 'HPE_HEADER_OVERFLOW':
      return `answered with headers larger than ${limits.maxUpstreamHeaderBytes} bytes (OCCI_MAX_UPSTREAM_HEADER_BYTES)`;
  }
  if (code.startsWith('HPE_')) return `answered with malformed HTTP (${code})`;
  if (TLS_CODE.test(code)) return `failed the TLS handshake: ${error.message} (${code})`;
  return `could not be reached: ${error.message}${code === '' ? '' : ` (${code})`}`;
}
