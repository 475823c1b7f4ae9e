import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4319);
const baseURL = `http://127.0.0.1:${port}`;

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
    baseURL,
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
  webServer: {
    // The production build behind the real proxy, as `npm start` serves it (`npm test` builds
    // before this runs). No endpoint is configured, so the proxy serves the embedded demo cloud.
    command: 'npx tsx src/proxy/main.ts',
    env: { PORT: String(port), HOST: '127.0.0.1', OCCI_ENDPOINT: '', OCCI_ENDPOINTS_FILE: '' },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
