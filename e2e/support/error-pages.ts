/**
 * What the error journeys share: faults chosen on the `faulty` endpoint of the `stack` project
 * (e2e/support/test-clouds.ts), the error panels as a user sees them, and screenshots named after
 * the screen they show.
 */
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { FAULT_CONTROL_PATH, type Fault } from './faulty-cloud.ts';

const SCREENS = 'e2e/artifacts/screens';

/** A full-page screenshot kept as e2e/artifacts/screens/<name>.png (`error-...`, `keystone-...`). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

export interface InjectedFault {
  /** Ends the fault: the cloud answers normally again. */
  remove(): Promise<void>;
}

/**
 * Makes the `faulty` endpoint fail the requests `fault` matches, through the proxy like any request
 * to it (the `request` fixture sends no Origin, so the proxy lets the POST through).
 */
export async function injectFault(request: APIRequestContext, fault: Fault): Promise<InjectedFault> {
  const control = `/occi/faulty${FAULT_CONTROL_PATH}`;
  const answer = await request.post(control, { data: fault });
  expect(answer.status(), await answer.text()).toBe(201);
  const { id } = (await answer.json()) as { id: string };
  return {
    async remove() {
      const removed = await request.delete(`${control}/${id}`);
      // 404: the fault had already run its `times`.
      expect([204, 404]).toContain(removed.status());
    },
  };
}

/**
 * Creates a VM named `name` on an endpoint through the proxy, as another client of the cloud would,
 * and returns its path on the cloud (`/compute/<id>`).
 */
export async function createVmThroughProxy(
  request: APIRequestContext,
  endpointId: string,
  name: string,
): Promise<string> {
  const answer = await request.post(`/occi/${endpointId}/compute/`, {
    headers: {
      'Content-Type': 'text/occi',
      Category: 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
      'X-OCCI-Attribute': `occi.core.title="${name}"`,
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  // The cloud's URL, absolute: its path is what the console's pages name.
  const location = new URL(answer.headers().location ?? '', 'http://cloud.invalid').pathname;
  expect(location).toMatch(/^\/compute\/[^/]+$/);
  return location;
}

/** The alert of a failure, found by its lead-in ("Could not read compute/...", "Login failed"). */
export function errorPanel(scope: Page | Locator, context: string | RegExp): Locator {
  return scope.getByRole('alert').filter({ hasText: context });
}
