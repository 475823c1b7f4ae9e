/**
 * The proxy benchmark's client: keep-alive connections opened once per case, one request in flight on
 * each, the same requests whoever answers (the upstream itself, the bare proxy or the proxy).
 *
 * `raw` (default): sockets written and parsed by hand (Content-Length and chunked answers), the lightest
 * client there is, so the servers decide the figures. `node`: Node's own `http.request` with a keep-alive
 * agent, a client as heavy as the proxy's upstream side: direct is then partly client-bound.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

export type ClientKind = 'raw' | 'node';

export interface LoadOptions {
  readonly port: number;
  readonly path: string;
  readonly connections: number;
  readonly warmUpMs: number;
  readonly measureMs: number;
  readonly client: ClientKind;
}

export interface LoadResult {
  /** Answers received in the measured window. */
  readonly requests: number;
  /** Answers received in all, warm-up included (what the servers' CPU time was spent on). */
  readonly allRequests: number;
  readonly seconds: number;
  /** Sorted, in milliseconds, of the measured window only. */
  readonly latenciesMs: Float64Array;
  /** Answers that were not 200. */
  readonly errors: number;
}

type OnAnswer = (ms: number, ok: boolean) => void;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { port, path, connections, warmUpMs, measureMs } = options;
  const start = performance.now();
  const measureFrom = start + warmUpMs;
  const stopAt = measureFrom + measureMs;
  const latencies: number[] = [];
  let errors = 0;
  let allRequests = 0;
  let firstMeasured = 0;
  let lastMeasured = 0;
  const onAnswer: OnAnswer = (ms, ok) => {
    allRequests++;
    const now = performance.now();
    // Requests sent during warm-up count for nothing, even when answered after it.
    if (now - ms < measureFrom) return;
    if (firstMeasured === 0) firstMeasured = now - ms;
    lastMeasured = now;
    latencies.push(ms);
    if (!ok) errors++;
  };
  const done = () => performance.now() >= stopAt;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const head = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/plain\r\n\r\n`;
  try {
    await Promise.all(
      Array.from({ length: connections }, () =>
        options.client === 'node'
          ? nodeConnection(agent, port, path, done, onAnswer)
          : rawConnection(port, Buffer.from(head, 'latin1'), done, onAnswer),
      ),
    );
  } finally {
    agent.destroy();
  }
  return {
    requests: latencies.length,
    allRequests,
    seconds: (lastMeasured - firstMeasured) / 1000,
    latenciesMs: Float64Array.from(latencies).sort(),
    errors,
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function rawConnection(port: number, request: Buffer, done: () => boolean, onAnswer: OnAnswer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    const next = () => {
      if (done()) {
        socket.end();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on('connect', next);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const answer = answerLength(buffer);
        if (answer === 'malformed') {
          reject(
            new Error(`an answer that is neither Content-Length nor chunked:\n${buffer.toString('latin1', 0, 500)}`),
          );
          socket.destroy();
          return;
        }
        if (answer === 'incomplete') return;
        const ok = buffer.toString('latin1', 0, 12) === 'HTTP/1.1 200';
        buffer = buffer.subarray(answer);
        onAnswer(performance.now() - sentAt, ok);
        next();
      }
    });
  });
}

const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:[ \t]*chunked/i;

/** The length of the first whole answer in `buffer`, head and body. */
function answerLength(buffer: Buffer): number | 'incomplete' | 'malformed' {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd === -1) return 'incomplete';
  const head = buffer.toString('latin1', 0, headEnd);
  const bodyStart = headEnd + 4;
  const length = CONTENT_LENGTH.exec(head)?.[1];
  if (length !== undefined) {
    const total = bodyStart + Number(length);
    return buffer.length < total ? 'incomplete' : total;
  }
  if (!CHUNKED.test(head)) return 'malformed';
  // Chunks: `<hex size>\r\n<data>\r\n`, ended by a chunk of size 0 and an empty line (no trailers here).
  let at = bodyStart;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd === -1) return 'incomplete';
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) return 'malformed';
    const end = lineEnd + 2 + size + 2;
    if (buffer.length < end) return 'incomplete';
    if (size === 0) return end;
    at = end;
  }
}

function nodeConnection(agent: Agent, port: number, path: string, done: () => boolean, onAnswer: OnAnswer) {
  return new Promise<void>((resolve, reject) => {
    const next = () => {
      if (done()) {
        resolve();
        return;
      }
      const sentAt = performance.now();
      request({ host: '127.0.0.1', port, path, agent, headers: { Accept: 'text/plain' } }, (res) => {
        res.resume();
        res.on('end', () => {
          onAnswer(performance.now() - sentAt, res.statusCode === 200);
          next();
        });
      })
        .on('error', reject)
        .end();
    };
    next();
  });
}
