/**
 * Request-level test helpers: a Request in, a Response out, and the answer read back with the
 * protocol library.
 */
import { type OcciMessage, parseMessage, type Structure, type StructureModels } from '../../occi/index.ts';
import type { DemoCloud } from '../demo-cloud-options.ts';

export const ORIGIN = 'http://localhost:8787';

export interface SendOptions {
  /** Header pairs, repeated names allowed (they reach the cloud comma-joined, as in a browser). */
  readonly headers?: Record<string, string> | readonly (readonly [string, string])[];
  readonly body?: string;
}

export interface Answer {
  readonly response: Response;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  /** The answer as the protocol library reads it. */
  parse<S extends Structure>(structure: S): StructureModels[S];
}

export async function send(cloud: DemoCloud, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const headers = new Headers();
  const pairs = Array.isArray(options.headers)
    ? (options.headers as readonly (readonly [string, string])[])
    : Object.entries(options.headers ?? {});
  for (const [name, value] of pairs) headers.append(name, value);
  const request = new Request(new URL(path, ORIGIN), {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const response = await cloud.handle(request);
  const body = await response.text();
  return {
    response,
    status: response.status,
    headers: response.headers,
    body,
    parse<S extends Structure>(structure: S): StructureModels[S] {
      const message: OcciMessage = {
        contentType: response.headers.get('content-type'),
        headers: response.headers,
        body,
      };
      return parseMessage(structure, message);
    },
  };
}

/** The X-OCCI-Location (or Location, or uri-list) entries of a text collection answer; none for 204. */
export function locationsOf(answer: Answer): string[] {
  if (answer.status === 204) return [];
  return [...answer.parse('entity-collection').locations];
}

/**
 * The path of one of the cloud's URLs, absolute on any origin or already a path: what a test
 * compares with a seeded entity's location. '' for none.
 */
export function pathOfUrl(url: string | null | undefined): string {
  if (url === null || url === undefined) return '';
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '') : url;
}

/** The locations of a collection answer as paths. */
export function pathsOf(answer: Answer): string[] {
  return locationsOf(answer).map(pathOfUrl);
}

/** A hand-moved clock for `options.now`. */
export interface FakeClock {
  readonly now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2024, 0, 1)): FakeClock {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

/** A seeded source of numbers in [0, 1) (mulberry32), for reproducible ids and faults. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TEXT_PLAIN = { Accept: 'text/plain' } as const;
export const TEXT_OCCI = { Accept: 'text/occi' } as const;
export const JSON_ACCEPT = { Accept: 'application/occi+json' } as const;
