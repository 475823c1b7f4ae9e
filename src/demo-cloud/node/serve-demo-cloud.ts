/**
 * Serves a demo cloud over real HTTP with `node:http`: each `IncomingMessage` becomes a web
 * `Request` for `cloud.handle`, and the `Response` it answers is written back.
 *
 * Why `node:http` and not a fetch-style server: it hands over every request header line as it
 * came (`rawHeaders`), so two `Category:` lines reach the cloud as two values, not one. Nothing
 * here parses OCCI; what is malformed at the HTTP level is answered here, in `text/plain`, and
 * everything else is the cloud's to judge.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { DemoCloud } from '../demo-cloud-options.ts';

/** The largest request body accepted (4 MiB): far above any OCCI rendering a console sends. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ServeDemoCloudOptions {
  /** 0 picks a free port; the `url` of the result says which. */
  readonly port: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Larger request bodies get 413. Default {@link DEFAULT_MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
}

export interface ServedDemoCloud {
  /** `http://host:port`, without a trailing slash: `${url}/-/` is the query interface. */
  readonly url: string;
  /** Stops listening, lets requests in flight finish for a moment, then cuts what is left. */
  close(): Promise<void>;
}

/** A failure the adapter answers itself, before or instead of the cloud. */
class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Connection-level headers describe this hop, not the request the cloud sees (RFC 9110 §7.6.1).
// Content-Length goes too: the body handed over is complete, and the Request knows its size.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'content-length',
]);

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

/** How long a client still sending a refused body is read (and discarded) before it is cut off. */
const LINGER_MS = 5_000;
/** How long `close()` waits for requests in flight before it closes their connections. */
const CLOSE_GRACE_MS = 2_000;

export function serveDemoCloud(cloud: DemoCloud, options: ServeDemoCloudOptions): Promise<ServedDemoCloud> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let origin = '';

  const server = createServer((req, res) => {
    void answer(cloud, req, res, origin, maxBodyBytes);
  });

  // `Expect: 100-continue` (curl sends it for bodies over 1 MB): refuse an oversized body before
  // the client sends it, instead of reading it only to answer 413.
  server.on('checkContinue', (req, res) => {
    if (declaredLength(req) > maxBodyBytes) {
      // The client waits for a 100 that never comes and sends no body: the connection cannot
      // carry another request, so it closes after this answer (node also sees to that).
      res.shouldKeepAlive = false;
      sendPlain(res, 413, tooLarge(maxBodyBytes));
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });

  // What node's parser rejects (a malformed request line, a header without a colon, oversized
  // headers) never becomes a request: answer it here, and never let it reach 'error'.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A response already under way on this socket (node's own check, on an internal field):
    // another status line would corrupt it, so the connection is cut instead.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    const [status, reason] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout']
          : [400, 'Bad Request'];
    const body = `${reason}: the request is not valid HTTP/1.1 (${error.code ?? error.message}).\n`;
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      // After start-up a listening error (rare: the socket failing) is reported, never thrown.
      server.on('error', (error) => console.error('demo cloud server:', error));
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      origin = `http://${shownHost}:${address.port}`;
      resolve({ url: origin, close: () => closeServer(server) });
    });
  });
}

async function answer(
  cloud: DemoCloud,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  maxBodyBytes: number,
): Promise<void> {
  // A client that goes away mid-request makes these emit 'error'; unheard, that would end the
  // process.
  req.on('error', () => {});
  res.on('error', () => {});
  try {
    const request = await toRequest(req, origin, maxBodyBytes);
    const response = await cloud.handle(request);
    await writeResponse(response, req, res);
  } catch (error) {
    if (error instanceof HttpFailure) {
      sendPlain(res, error.status, error.message);
      discardRest(req);
      return;
    }
    if (!res.headersSent) {
      sendPlain(res, 500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
      discardRest(req);
    } else {
      // The status line is out: the only honest signal left is a cut connection.
      res.destroy();
    }
  }
}

async function toRequest(req: IncomingMessage, origin: string, maxBodyBytes: number): Promise<Request> {
  const method = req.method ?? 'GET';
  const url = requestUrl(req, origin);
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    if (HOP_BY_HOP.has(name.toLowerCase())) continue;
    try {
      // append, never set: repeated lines (two `Category:` headers) all reach the cloud.
      headers.append(name, value);
    } catch {
      throw new HttpFailure(400, `Bad Request: the value of the ${name} header is not a valid header value.`);
    }
  }
  let body: Buffer<ArrayBuffer> | undefined;
  if (WITHOUT_BODY.has(method)) {
    // A body on GET or HEAD has no meaning (and a web Request cannot carry one): read and drop it.
    req.resume();
  } else {
    body = await readBody(req, maxBodyBytes);
  }
  try {
    return new Request(url, { method, headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    // undici refuses CONNECT, TRACE and TRACK, and methods that are not tokens.
    throw new HttpFailure(501, `Not Implemented: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The absolute URL, from the `Host` the client used (the cloud renders its locations from it). */
function requestUrl(req: IncomingMessage, origin: string): string {
  const target = req.url ?? '/';
  if (!target.startsWith('/')) {
    // absolute-form (`GET http://host/compute/ HTTP/1.1`), as sent to a proxy.
    if (/^https?:\/\//i.test(target) && URL.canParse(target)) return target;
    throw new HttpFailure(400, `Bad Request: the request target ${JSON.stringify(target)} is not a path.`);
  }
  // Concatenated, not resolved: a path like `//compute/` must stay a path, not become a host.
  const host = req.headers.host;
  if (host !== undefined && host !== '' && URL.canParse(`http://${host}${target}`)) {
    const url = new URL(`http://${host}${target}`);
    // A Host with a path or credentials in it (`a/b`, `u@h`) is not a host: fall back.
    if (url.host.toLowerCase() === host.toLowerCase()) return url.href;
  }
  if (URL.canParse(`${origin}${target}`)) return `${origin}${target}`;
  throw new HttpFailure(400, `Bad Request: the request target ${JSON.stringify(target)} is not a valid path.`);
}

function declaredLength(req: IncomingMessage): number {
  const value = req.headers['content-length'];
  if (value === undefined) return 0;
  const length = Number(value);
  return Number.isFinite(length) ? length : 0;
}

function tooLarge(maxBodyBytes: number): string {
  return `Payload Too Large: request bodies are limited to ${maxBodyBytes} bytes.`;
}

function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer<ArrayBuffer>> {
  if (declaredLength(req) > maxBodyBytes) return Promise.reject(new HttpFailure(413, tooLarge(maxBodyBytes)));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        // A chunked body that keeps coming: stop collecting and answer now.
        cleanup();
        reject(new HttpFailure(413, tooLarge(maxBodyBytes)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => {
      cleanup();
      reject(new Error('the client went away before sending the whole body'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onClose = () => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * After an early answer (413, 400), the client may still be sending its body. Reading it for a
 * short while lets the client finish writing and read the answer, where closing at once would
 * reset the connection under it; a client that keeps sending is cut off.
 */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners('data');
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

function sendPlain(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText !== '') res.statusMessage = response.statusText;
  // Headers joins repeated values with ", " (set-cookie aside), which OCCI allows for Category,
  // Link, X-OCCI-Attribute and X-OCCI-Location alike.
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(headerCase(name), value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);

  const body = response.body;
  const bodiless = req.method === 'HEAD' || response.status === 204 || response.status === 304;
  if (body === null || bodiless) {
    if (body !== null) await body.cancel();
    res.end();
    return;
  }
  const reader = body.getReader();
  const onClose = () => void reader.cancel().catch(() => {});
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      // Honour back-pressure: a slow client must not make the server buffer a whole collection.
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } finally {
    res.off('close', onClose);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Node writes header names as given, and a web Headers hands them over in lower case. Curl and
 * old OCCI clients show (and a few compare) them as servers spelled them: `Category`,
 * `X-OCCI-Attribute`, `Location`.
 */
function headerCase(name: string): string {
  const special = SPECIAL_CASE[name];
  if (special !== undefined) return special;
  return name
    .split('-')
    .map((part) => (part === 'occi' ? 'OCCI' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-');
}

const SPECIAL_CASE: Readonly<Record<string, string>> = {
  etag: 'ETag',
  'www-authenticate': 'WWW-Authenticate',
  'content-md5': 'Content-MD5',
};

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    timer.unref();
    server.once('close', () => clearTimeout(timer));
  });
}
