import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { formatAccessLogLine } from './access-log.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { type EndpointConfig, publicEndpoint } from './endpoint-config.ts';
import { forwardRequest } from './forward-request.ts';
import { FORWARDED_RESPONSE_SECURITY_HEADERS } from './forwarded-headers.ts';
import { OCCI_PREFIX, parseOcciTarget } from './occi-target.ts';
import { type RequestRecord, sendJson, sendNoContent, sendText } from './plain-response.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { ENDPOINT_ID_PATTERN } from './read-endpoint.ts';
import { crossOriginRefusal, isAllowedHost, type OriginPolicy } from './same-origin.ts';
import { type AppServer, createAppServer } from './serve-app.ts';
import { createUpstreamAgents } from './upstream-agents.ts';

export interface ProxyServerOptions {
  readonly authenticator: Authenticator;
  /** Receives one line per request (access-log.ts) and the proxy's own notices. */
  readonly log: (line: string) => void;
  /** The app's file server; made from `config.appDir` when not given (start-proxy.ts shares it to warm it). */
  readonly app?: AppServer;
}

/**
 * The proxy's HTTP server, not yet listening (tests listen on port 0). Routes:
 * - `GET /healthz`: `ok`;
 * - `GET /api/endpoints`: the configured endpoints as the browser may see them (never a secret);
 * - `/api/session/...`: the authenticator's (login, logout, state);
 * - `/occi/<id>/<rest>`: forwarded to endpoint `<id>` of the configuration (forward-request.ts);
 * - anything else: the built console (serve-app.ts).
 * State-changing `/api/` and `/occi/` requests from another origin are refused, and so is a `Host` the
 * proxy does not answer to (same-origin.ts).
 */
export function createProxyServer(config: ProxyConfig, options: ProxyServerOptions): Server {
  const { authenticator, log } = options;
  const endpoints = new Map<string, EndpointConfig>();
  for (const endpoint of config.endpoints) {
    if (endpoint.url.port === '0') {
      throw new Error(`endpoint "${endpoint.id}" has no URL yet: demo endpoints are started by startProxy`);
    }
    endpoints.set(endpoint.id, endpoint);
  }
  const publicEndpoints = JSON.stringify(config.endpoints.map(publicEndpoint));
  const agents = createUpstreamAgents(config.endpoints);
  const app = options.app ?? createAppServer(config.appDir);
  const policy: OriginPolicy = {
    listenHost: config.host,
    ...(config.publicOrigin === undefined ? {} : { publicOrigin: config.publicOrigin }),
  };

  async function route(req: IncomingMessage, res: ServerResponse, path: string, query: string, record: RequestRecord) {
    const method = req.method ?? 'GET';

    if (path === '/healthz') {
      if (method === 'GET' || method === 'HEAD') sendText(res, 200, 'ok', record);
      else sendText(res, 405, '405 Method Not Allowed: GET /healthz.', record, ['Allow', 'GET, HEAD']);
      return;
    }
    if (!isAllowedHost(req.headers.host, policy)) {
      sendText(
        res,
        421,
        '421 Misdirected Request: this console does not answer to that host name. Its operator can name it in OCCI_PUBLIC_ORIGIN.',
        record,
      );
      return;
    }

    const isApi = path === '/api' || path.startsWith('/api/');
    const isOcci = path === '/occi' || path.startsWith(OCCI_PREFIX);
    if (isOcci) {
      // For the log line, also of refused requests: the id only when it is a configured one.
      const id = path.slice(OCCI_PREFIX.length).split('/', 1)[0] ?? '';
      if (endpoints.has(id)) record.endpointId = id;
    }
    if ((isApi || isOcci) && method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      // A CORS preflight: the console's origin is the proxy's to describe, and it allows no other
      // origin. Answered here, never forwarded, so no cloud can grant one.
      sendNoContent(res);
      return;
    }
    if (isApi || isOcci) {
      const refusal = crossOriginRefusal(method, req.headers, policy);
      if (refusal !== null) {
        sendText(res, 403, `403 Forbidden: ${method} from another site is refused (${refusal}).`, record);
        return;
      }
    }

    if (isApi) {
      if (path === '/api/endpoints') {
        if (method !== 'GET' && method !== 'HEAD') {
          sendText(res, 405, '405 Method Not Allowed: GET /api/endpoints.', record, ['Allow', 'GET, HEAD']);
          return;
        }
        res.writeHead(200, [
          'Content-Type',
          'application/json; charset=utf-8',
          'Content-Length',
          String(Buffer.byteLength(publicEndpoints)),
          'Cache-Control',
          'no-store',
          ...FORWARDED_RESPONSE_SECURITY_HEADERS,
        ]);
        res.end(method === 'HEAD' ? undefined : publicEndpoints);
        if (method !== 'HEAD') record.bytes += Buffer.byteLength(publicEndpoints);
        return;
      }
      if (path === '/api/session' || path.startsWith('/api/session/')) {
        countBytes(res, record);
        const handled = await authenticator.handleApi(req, res);
        if (!handled && !res.headersSent) sendJson(res, 404, { error: 'not found', path }, record);
        return;
      }
      sendJson(res, 404, { error: 'not found', path: path.slice(0, 200) }, record);
      return;
    }

    if (isOcci) {
      if (path === '/occi' || path === OCCI_PREFIX) {
        sendText(res, 404, '404 Not Found: name an endpoint, as in /occi/<id>/ (see /api/endpoints).', record);
        return;
      }
      const target = parseOcciTarget(path);
      if (!target.ok) {
        sendText(
          res,
          400,
          `400 Bad Request: the path holds ${target.reason}, which the proxy does not forward.`,
          record,
        );
        return;
      }
      const endpoint = endpoints.get(target.endpointId);
      if (endpoint === undefined) {
        const named = ENDPOINT_ID_PATTERN.test(target.endpointId) ? ` "${target.endpointId}"` : '';
        sendText(res, 404, `404 Not Found: no endpoint${named} is configured (see /api/endpoints).`, record);
        return;
      }
      record.endpointId = endpoint.id;
      const agent = agents.get(endpoint.id);
      if (agent === undefined) throw new Error(`no agent for endpoint ${endpoint.id}`);
      await forwardRequest(req, res, {
        endpoint,
        rest: target.rest,
        query,
        agent,
        limits: config.limits,
        authenticator,
        record,
      });
      return;
    }

    await app.handle(req, res, path, record);
  }

  const server = createServer({ maxHeaderSize: config.limits.maxHeaderBytes }, (req, res) => {
    const started = performance.now();
    const record: RequestRecord = { endpointId: '-', bytes: 0 };
    const url = req.url ?? '/';
    const questionMark = url.indexOf('?');
    const path = questionMark === -1 ? url : url.slice(0, questionMark);
    const query = questionMark === -1 ? '' : url.slice(questionMark + 1);

    res.on('close', () => {
      log(
        formatAccessLogLine({
          method: req.method ?? '-',
          endpointId: record.endpointId,
          path,
          status: res.headersSent ? res.statusCode : 0,
          ms: performance.now() - started,
          bytes: record.bytes,
          incomplete: !res.writableFinished,
        }),
      );
    });

    // Only origin-form targets (`/path`): an absolute URL (`GET http://elsewhere/ HTTP/1.1`) or an
    // authority is how clients ask a forward proxy to go somewhere, and this is not one.
    if (!path.startsWith('/')) {
      sendText(
        res,
        400,
        '400 Bad Request: only paths are accepted here, not absolute URLs; this is not an open proxy.',
        record,
      );
      return;
    }

    route(req, res, path, query, record).catch((error: unknown) => {
      log(`proxy error on ${req.method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, '500 Internal Server Error: the proxy failed; see its log.', record);
      else res.destroy();
    });
  });

  // `Expect: 100-continue` (curl sends it for bodies over 1 MB): a body declared too large is refused
  // before the client sends it; the answer (413, from the forwarder) closes the connection.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > config.limits.maxBodyBytes) res.shouldKeepAlive = false;
    else res.writeContinue();
    server.emit('request', req, res);
  });

  // Requests Node cannot parse never reach the handler: answer them in words too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const text =
      status === 431
        ? `431 Request Header Fields Too Large: the request line and headers exceed ${config.limits.maxHeaderBytes} bytes (OCCI_MAX_HEADER_BYTES).\n`
        : status === 408
          ? '408 Request Timeout: the request took too long to arrive.\n'
          : `400 Bad Request: the request is not valid HTTP (${error.code ?? 'parse error'}).\n`;
    const headers = ['Content-Type', 'text/plain; charset=utf-8', ...FORWARDED_RESPONSE_SECURITY_HEADERS];
    let head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n`;
    for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`;
    socket.end(`${head}Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
    log(
      formatAccessLogLine({
        method: '-',
        endpointId: '-',
        path: '-',
        status,
        ms: 0,
        bytes: Buffer.byteLength(text),
        incomplete: false,
      }),
    );
  });

  server.on('close', () => agents.destroy());
  return server;
}

/** For answers written by someone else (the authenticator): count the body bytes for the log line. */
function countBytes(res: ServerResponse, record: RequestRecord): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const count = (chunk: unknown) => {
    if (typeof chunk === 'string') record.bytes += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) record.bytes += chunk.length;
  };
  res.write = ((...args: unknown[]) => {
    count(args[0]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0]);
    return end(...args);
  }) as typeof res.end;
}
