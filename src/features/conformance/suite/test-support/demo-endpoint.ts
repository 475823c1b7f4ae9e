/**
 * The suite's tests against a demo cloud: msw's node server answers `ENDPOINT` from a fresh demo
 * cloud per test (src/mocks), and the suite reaches it through the fetch transport, as the command
 * line does. A test may wrap fetch to make the cloud misbehave.
 *
 *     const server = demoServer();
 *     beforeEach(() => useDemoCloud(server, 'ooi'));
 */

import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { freshDemoHandlers } from '../../../../mocks/demo-model.ts';
import type { ProbeRequest, Transport } from '../conformance-types.ts';
import { createFetchTransport, type FetchTransport } from '../fetch-transport.ts';

/** The demo cloud's quirk profiles (src/demo-cloud/demo-cloud-options.ts documents them). */
export type Profile = NonNullable<NonNullable<Parameters<typeof freshDemoHandlers>[0]>['profile']>;

export const PROFILES: readonly Profile[] = ['standard', 'ooi', 'rocci', 'pyssf'];

/** Where the suite finds the demo cloud: behind a path, as an endpoint behind a proxy is. */
export const ENDPOINT = 'http://cloud.test/occi/demo/';

/** An msw server for the file, listening for its tests, refusing anything it does not serve. */
export function demoServer(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export function useDemoCloud(server: SetupServer, profile: Profile = 'standard'): void {
  // The cloud names itself on the endpoint's origin, as a server behind a path does.
  server.resetHandlers(...freshDemoHandlers({ profile, actionDelayMs: 0 }, undefined, new URL(ENDPOINT).origin));
}

export function demoTransport(fetch?: typeof globalThis.fetch): FetchTransport {
  return createFetchTransport({ url: ENDPOINT, ...(fetch !== undefined && { fetch }) });
}

/** A transport that remembers every request it was given. */
export function recording(transport: Transport): { transport: Transport; requests: ProbeRequest[] } {
  const requests: ProbeRequest[] = [];
  return {
    requests,
    transport: (request, signal) => {
      requests.push(request);
      return transport(request, signal);
    },
  };
}

const COLLECTIONS = ['compute/', 'storage/', 'network/', 'network/interface/', 'storage/link/'];

/**
 * What the cloud holds: every entity of every Kind collection, and every mixin of the query
 * interface, as sorted lists of paths and type ids.
 */
export async function inventory(): Promise<{ entities: string[]; mixins: string[] }> {
  const entities: string[] = [];
  for (const collection of COLLECTIONS) {
    const response = await fetch(new URL(collection, ENDPOINT), { headers: { Accept: 'text/plain' } });
    const body = await response.text();
    for (const line of body.split('\n')) {
      const match = /^X-OCCI-Location:\s*(\S+)/i.exec(line.trim());
      if (match?.[1] !== undefined) entities.push(new URL(match[1], ENDPOINT).pathname.replace(/^\/occi\/demo/, ''));
    }
  }
  const query = await fetch(new URL('-/', ENDPOINT), { headers: { Accept: 'text/plain' } });
  const mixins = (await query.text())
    .split('\n')
    .map((line) => /^Category:\s*([^;]+);\s*scheme="([^"]+)";\s*class="mixin"/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => `${match[2]}${match[1]}`);
  return { entities: entities.sort(), mixins: mixins.sort() };
}
