import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import type { RequestRecord } from './plain-response.ts';
import { sendText } from './plain-response.ts';

/**
 * On every response of the app. The built console needs no inline script or style: Vite emits
 * `<script type="module" src>` and `<link rel="stylesheet">` only, and React sets `style` props through
 * the CSSOM, which `style-src 'self'` allows.
 */
export const APP_SECURITY_HEADERS: readonly string[] = [
  'Content-Security-Policy',
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options',
  'nosniff',
  'Referrer-Policy',
  'no-referrer',
  'X-Frame-Options',
  'DENY',
];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Vite puts content-hashed file names under `assets/`: a changed file is a new name. */
const HASHED_PREFIX = '/assets/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.wasm',
]);
/** Below this, compression saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** Larger files are read from disk on every request and sent uncompressed. */
const MAX_CACHED_BYTES = 16 * 1024 * 1024;

type Encoding = 'br' | 'gzip';

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly etag: string;
  readonly type: string;
  readonly compressible: boolean;
  /** Compressed once, on first demand (or by `warm`), then kept. */
  readonly variants: Map<Encoding, Promise<Buffer>>;
}

export interface AppServer {
  /** Answers a request for the app: a file of the build, or index.html for a deep link. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, record: RequestRecord): Promise<void>;
  /** Reads and compresses every file of the build in the background, so no visitor waits for brotli. */
  warm(): Promise<void>;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function createAppServer(appDir: string): AppServer {
  const root = resolve(appDir);
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | 'missing' | 'directory' | 'large'> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch {
      return 'missing';
    }
    if (info.isDirectory()) return 'directory';
    if (!info.isFile()) return 'missing';
    if (info.size > MAX_CACHED_BYTES) return 'large';
    const cached = cache.get(file);
    // A new build replaces index.html in place: checked on every request, read again when changed.
    if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return 'missing';
    }
    const extension = extensionOf(file);
    const entry: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      compressible: COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESS_BYTES,
      variants: new Map(),
    };
    cache.set(file, entry);
    return entry;
  }

  function variant(entry: CachedFile, encoding: Encoding): Promise<Buffer> {
    let compressed = entry.variants.get(encoding);
    if (compressed === undefined) {
      compressed =
        encoding === 'br'
          ? brotli(entry.body, {
              params: {
                // The best ratio costs about a second per 400 kB, once: worth it up to 1 MiB.
                [zlibConstants.BROTLI_PARAM_QUALITY]: entry.body.length <= 1024 * 1024 ? 11 : 6,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
              },
            })
          : gzipAsync(entry.body, { level: 9 });
      entry.variants.set(encoding, compressed);
    }
    return compressed;
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    entry: CachedFile,
    cacheControl: string,
    record: RequestRecord,
  ): Promise<void> {
    const encoding = entry.compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined;
    const body = encoding === undefined ? entry.body : await variant(entry, encoding);
    const etag = encoding === undefined ? entry.etag : `${entry.etag.slice(0, -1)}-${encoding}"`;
    const headers = [
      'Content-Type',
      entry.type,
      'Cache-Control',
      cacheControl,
      'ETag',
      etag,
      ...(entry.compressible ? ['Vary', 'Accept-Encoding'] : []),
      ...APP_SECURITY_HEADERS,
    ];
    if (res.destroyed) return;
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, [
      ...headers,
      ...(encoding === undefined ? [] : ['Content-Encoding', encoding]),
      'Content-Length',
      String(body.length),
    ]);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.end(body);
    record.bytes += body.length;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, record: RequestRecord): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, `405 Method Not Allowed: the console's files are read with GET or HEAD.`, record, [
        'Allow',
        'GET, HEAD',
      ]);
      return;
    }
    const relative = safeRelativePath(path);
    if (relative === undefined) {
      sendText(
        res,
        400,
        '400 Bad Request: the path is not one the console serves (dot segments, backslashes or NUL).',
        record,
      );
      return;
    }

    const index = await load(join(root, 'index.html'));
    if (typeof index === 'string') {
      sendText(
        res,
        503,
        `503 Service Unavailable: the console is not built (no ${join(root, 'index.html')}). Run npm run build, or start it with npm start.`,
        record,
      );
      return;
    }

    const hidden = relative.split('/').some((segment) => segment.startsWith('.'));
    const file = relative === '' ? index : hidden ? 'missing' : await load(join(root, relative));
    if (file === 'large') {
      sendText(res, 404, '404 Not Found: the console serves no file that large.', record);
      return;
    }
    if (typeof file !== 'string') {
      const cacheControl = relative !== '' && path.startsWith(HASHED_PREFIX) ? IMMUTABLE : REVALIDATE;
      await send(req, res, file, cacheControl, record);
      return;
    }
    // Not a file. A page the router knows (a deep link) asks for HTML: give it the app, which routes it.
    // A missing hashed asset never gets HTML instead (a script tag would choke on it).
    const acceptsHtml = (req.headers.accept ?? '').includes('text/html');
    if (acceptsHtml && !path.startsWith(HASHED_PREFIX)) {
      await send(req, res, index, REVALIDATE, record);
      return;
    }
    sendText(res, 404, `404 Not Found: the console has no file at ${path.slice(0, 200)}.`, record);
  }

  async function warm(): Promise<void> {
    const files = await listFiles(root);
    for (const file of files) {
      // Source maps are most of the build and only developer tools fetch them: they are compressed
      // when first asked for, rather than costing every start seconds of CPU.
      if (extensionOf(file) === '.map') continue;
      const entry = await load(file);
      if (typeof entry === 'string' || !entry.compressible) continue;
      await Promise.all([variant(entry, 'br'), variant(entry, 'gzip')]);
    }
  }

  return { handle, warm };
}

/**
 * The request path as a path inside the build, or `undefined` when it tries to leave it. Decoded once;
 * anything that decodes to a dot segment, a backslash or NUL is refused rather than normalised, and the
 * result is checked again after joining. (Hidden files such as `.env` are then simply not served.)
 */
export function safeRelativePath(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  const relative = segments.join('/');
  const root = resolve('/app-root');
  const joined = resolve(root, relative);
  if (joined !== root && !joined.startsWith(`${root}${sep}`)) return undefined;
  return relative;
}

/** br or gzip as `Accept-Encoding` allows (q-values honoured, `q=0` refuses), br preferred on a tie. */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (header === undefined || header === '') return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match !== null) weight = Number(match[1]);
    }
    weights.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const star = weights.get('*');
  const br = weights.get('br') ?? star ?? 0;
  const gz = weights.get('gzip') ?? weights.get('x-gzip') ?? star ?? 0;
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return undefined;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf(sep) ? file.slice(dot).toLowerCase() : '';
}

async function listFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
