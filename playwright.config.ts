import { defineConfig, devices } from '@playwright/test';

/**
 * The stacks the journeys run against, each on its own port from E2E_PORT (default 4319) up:
 * - `standard`: the production build behind the real proxy, as `npm start` serves it (`npm test`
 *   builds before this runs); no endpoint is configured, so the proxy serves the demo cloud.
 * - `ooi`, `rocci`, `pyssf`: the same with the demo cloud in that quirk profile (OCCI_DEMO_PROFILE);
 *   the journeys tagged @profiles run there too, proving the console copes with each deviation.
 * - `stack`: the proxy configured with test clouds (e2e/support/test-clouds.ts): one whose faults a
 *   test chooses (500, a time-out, a malformed answer), one behind a Keystone stand-in.
 * - `dev`: `npm run dev`, the Vite dev server with the demo cloud in the msw service worker.
 */
const basePort = Number(process.env.E2E_PORT ?? 4319);
const PROFILES = ['ooi', 'rocci', 'pyssf'] as const;
const port = {
  standard: basePort,
  ooi: basePort + 1,
  rocci: basePort + 2,
  pyssf: basePort + 3,
  stack: basePort + 4,
  dev: basePort + 5,
} as const;
const urlOf = (p: number) => `http://127.0.0.1:${p}`;

/** Specs that need a stack of their own, kept out of the standard project. */
const STACK_SPECS = /stack-.*\.spec\.ts$/;
const DEV_SPECS = /dev-mode\.spec\.ts$/;

/** The proxy as `npm start` runs it, on the demo cloud in one quirk profile. */
function demoProxy(portNumber: number, profile: string) {
  return {
    command: 'npx tsx src/proxy/main.ts',
    env: {
      PORT: String(portNumber),
      HOST: '127.0.0.1',
      OCCI_ENDPOINT: '',
      OCCI_ENDPOINTS_FILE: '',
      OCCI_DEMO_PROFILE: profile === 'standard' ? '' : profile,
      // The quirk profiles prove how the console reads each server, not how it waits: their actions
      // finish in 0.3 s, not 1.5 s, which keeps the four runs of the journeys within the budget.
      OCCI_DEMO_ACTION_DELAY_MS: profile === 'standard' ? '' : '300',
    },
    url: `${urlOf(portNumber)}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // Journeys must pass on their own: a retry would hide a flaky one.
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { outputFolder: 'e2e/artifacts/report', open: 'never' }]],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Debian's Chromium: test tools cannot download a browser on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without these Chromium keeps trying to reach the (closed) network.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    {
      name: 'standard',
      testIgnore: [STACK_SPECS, DEV_SPECS],
      use: { baseURL: urlOf(port.standard) },
    },
    ...PROFILES.map((profile) => ({
      name: profile,
      testIgnore: [STACK_SPECS, DEV_SPECS],
      grep: /@profiles/,
      use: { baseURL: urlOf(port[profile]) },
    })),
    { name: 'stack', testMatch: STACK_SPECS, use: { baseURL: urlOf(port.stack) } },
    { name: 'dev', testMatch: DEV_SPECS, use: { baseURL: urlOf(port.dev) } },
  ],
  webServer: [
    demoProxy(port.standard, 'standard'),
    ...PROFILES.map((profile) => demoProxy(port[profile], profile)),
    {
      command: 'npx tsx e2e/support/test-clouds.ts',
      env: { PORT: String(port.stack) },
      url: `${urlOf(port.stack)}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${port.dev} --strictPort`,
      url: urlOf(port.dev),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
