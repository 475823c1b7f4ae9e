import type { IncomingMessage } from 'node:http';

/** A login is a few short strings; anything larger is not one. */
export const MAX_SESSION_BODY_BYTES = 16 * 1024;

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly status: 400 | 413 | 415;
      readonly error: string;
      /** The rest of the body was not read: answer with `Connection: close`. */
      readonly close?: true;
    };

/** True for `application/json` and `application/<anything>+json`, with or without parameters. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON request body of at most 16 KiB. Only JSON is taken: besides being the API's one
 * format, a cross-site HTML form cannot send it without a CORS preflight.
 */
export async function readJsonBody(request: IncomingMessage, { optional = false } = {}): Promise<JsonBody> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  const hasBody = request.headers['transfer-encoding'] !== undefined || (Number.isFinite(declared) && declared > 0);
  if (optional && !hasBody) {
    request.resume();
    return { ok: true, value: undefined };
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    return { ok: false, status: 415, error: 'the body must be JSON (Content-Type: application/json)', close: true };
  }
  if (Number.isFinite(declared) && declared > MAX_SESSION_BODY_BYTES) {
    return { ok: false, status: 413, error: 'the body is larger than 16 KiB', close: true };
  }
  const read = await collect(request);
  if (read === 'too-large') return { ok: false, status: 413, error: 'the body is larger than 16 KiB', close: true };
  if (read === 'failed') return { ok: false, status: 400, error: 'the body could not be read', close: true };
  const text = read.toString('utf8');
  if (text.trim() === '') {
    return optional ? { ok: true, value: undefined } : { ok: false, status: 400, error: 'the body is empty' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // JSON.parse's message quotes the input, which may hold a password: say it in our own words.
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}

/** The body, or where reading it stopped. An oversized body is not read to its end (it may never end). */
function collect(request: IncomingMessage): Promise<Buffer | 'too-large' | 'failed'> {
  if (request.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_SESSION_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      done();
      request.pause();
      resolve('too-large');
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = () => {
      done();
      resolve('failed');
    };
    const done = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}
