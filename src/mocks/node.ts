/**
 * The msw server for component tests: a fresh demo cloud per call, behind `/occi/demo/`.
 * Tests add their error cases with `server.use(...)` and undo them with `server.resetHandlers()`.
 *
 *     const server = createDemoServer({ actionDelayMs: 0 });
 *     beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 *     afterEach(() => server.resetHandlers());
 *     afterAll(() => server.close());
 */
import { type SetupServer, setupServer } from 'msw/node';
import { createDemoCloud } from '../demo-cloud/create-demo-cloud.ts';
import type { DemoCloudOptions } from '../demo-cloud/demo-cloud-options.ts';
import { DEMO_CLOUD_PREFIX, demoCloudHandlers } from './demo-cloud-handlers.ts';

export interface DemoServerOptions extends DemoCloudOptions {
  /** Where the console's client reaches the cloud. Default `/occi/demo`. */
  readonly prefix?: string;
}

export function createDemoServer(options: DemoServerOptions = {}): SetupServer {
  const { prefix = DEMO_CLOUD_PREFIX, ...cloudOptions } = options;
  return setupServer(...demoCloudHandlers(createDemoCloud(cloudOptions), prefix));
}
