/**
 * The clouds of the `stack` project, in one process, started by playwright.config.ts with PORT:
 * - a Keystone stand-in (v2.0 and v3 password logins) that knows STACK_KEYSTONE_USER;
 * - endpoint `keystone`: a demo cloud that wants a token that stand-in issued (401 with
 *   `WWW-Authenticate: Keystone uri=".../v2.0"` otherwise); the proxy logs in with Keystone v2.0;
 * - endpoint `faulty`: a demo cloud that fails on demand (see faulty-cloud.ts);
 * - the real proxy on PORT in front of both, with the built console and a first-byte time-out of
 *   STACK_FIRST_BYTE_TIMEOUT_MS, so a journey that waits for a time-out stays quick.
 *
 * Journeys choose faults through the proxy, like any request to the endpoint:
 * `POST /occi/faulty/__faults` with a JSON Fault, `DELETE /occi/faulty/__faults/<id>`. The proxy refuses
 * state-changing requests from another site's page, not requests without an Origin (Playwright's
 * `request` fixture sends none), so nothing else needs to be opened or printed. Likewise, with a
 * logged-in session, `POST /occi/keystone/__revoke` revokes its token and `GET /occi/keystone/__token`
 * answers it (see keystone-cloud.ts).
 */
import { randomBytes } from 'node:crypto';
import { createDemoCloud } from '../../src/demo-cloud/create-demo-cloud.ts';
import { serveDemoCloud } from '../../src/demo-cloud/node/serve-demo-cloud.ts';
import { startKeystoneStandIn } from '../../src/proxy/auth/test-support/keystone-stand-in.ts';
import { DEFAULT_APP_DIR } from '../../src/proxy/load-config.ts';
import { DEFAULT_LIMITS } from '../../src/proxy/proxy-config.ts';
import { startProxy } from '../../src/proxy/start-proxy.ts';
import { faultyCloud } from './faulty-cloud.ts';
import { keystoneCloud } from './keystone-cloud.ts';
import { STACK_FIRST_BYTE_TIMEOUT_MS, STACK_KEYSTONE_USER } from './stack-credentials.ts';

async function main(): Promise<void> {
  const keystone = await startKeystoneStandIn({ users: [STACK_KEYSTONE_USER] });
  const keystoneUri = `${keystone.url}/v2.0`;
  const protectedCloud = await serveDemoCloud(
    keystoneCloud(createDemoCloud(), { uri: keystoneUri, issuedTokens: () => keystone.issuedTokens() }),
    { port: 0 },
  );
  // A delayed answer comes well after the proxy gave up, so the time-out is what the console sees.
  const faulty = await serveDemoCloud(faultyCloud(createDemoCloud(), { delayMs: STACK_FIRST_BYTE_TIMEOUT_MS * 2 }), {
    port: 0,
  });
  const proxy = await startProxy(
    {
      endpoints: [
        {
          id: 'faulty',
          title: 'Faulty cloud',
          url: new URL(`${faulty.url}/`),
          auth: { mode: 'none' },
          tls: { insecure: false },
        },
        {
          id: 'keystone',
          title: 'Keystone cloud',
          url: new URL(`${protectedCloud.url}/`),
          auth: { mode: 'keystone', version: 'v2.0', url: new URL(keystoneUri) },
          tls: { insecure: false },
        },
      ],
      port: Number(process.env.PORT ?? 0),
      host: '127.0.0.1',
      sessionSecret: randomBytes(32),
      sessionSecretGenerated: true,
      limits: { ...DEFAULT_LIMITS, firstByteTimeoutMs: STACK_FIRST_BYTE_TIMEOUT_MS },
      appDir: DEFAULT_APP_DIR,
    },
    { log: (line) => process.stdout.write(`${line}\n`) },
  );
  console.log(`test clouds: proxy on ${proxy.url}, Keystone stand-in on ${keystone.url}`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    Promise.all([proxy.close(), protectedCloud.close(), faulty.close(), keystone.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`test clouds: could not close cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`test clouds could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
