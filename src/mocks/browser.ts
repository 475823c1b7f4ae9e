/**
 * The development demo cloud: a service worker answers `/occi/demo/...` from an in-memory
 * cloud in the page, and `/api/endpoints` with that one endpoint. Loaded only by src/main.tsx in development, so production bundles carry no
 * msw.
 */
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createDemoCloud } from '../demo-cloud/create-demo-cloud.ts';
import { DEMO_CLOUD_PREFIX, demoCloudHandlers } from './demo-cloud-handlers.ts';
import { demoEndpointsHandler } from './demo-endpoints-handler.ts';

/**
 * Registers the worker and resolves once it intercepts: await it before the first render, or
 * the first query races the registration and reaches Vite's dev server instead, which answers
 * unknown paths with index.html and 200.
 */
export async function startDemoWorker(): Promise<SetupWorker> {
  const cloud = createDemoCloud({ profile: 'standard', seed: 'tenant' });
  const { origin } = window.location;
  const worker = setupWorker(...demoCloudHandlers(cloud, DEMO_CLOUD_PREFIX, origin), demoEndpointsHandler(origin));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return worker;
}
