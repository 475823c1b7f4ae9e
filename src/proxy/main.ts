/**
 * `npm start`: validate the configuration (refuse to start with the list of what is wrong), start the
 * proxy, print its URL, and close cleanly on SIGINT or SIGTERM.
 */
import { createBatchedLog } from './batched-log.ts';
import { loadConfig } from './load-config.ts';
import { startProxy } from './start-proxy.ts';

const FORCED_EXIT_MS = 5_000;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error('OCCI Console: the configuration is not valid:');
    for (const error of loaded.errors) console.error(`  - ${error}`);
    console.error('See "Configuration" in README.md.');
    process.exit(1);
  }
  const { config } = loaded;
  if (config.sessionSecretGenerated) {
    console.warn(
      'SESSION_SECRET is not set: a random one was made for this run. Logins will not survive a restart, and several instances behind one balancer will not share them. Set SESSION_SECRET (openssl rand -hex 32) to keep them.',
    );
  }
  const log = createBatchedLog((text) => process.stdout.write(text));
  const proxy = await startProxy(config, { log });
  const ids = proxy.config.endpoints.map((endpoint) => endpoint.id).join(', ');
  console.log(`OCCI Console on ${proxy.url} (endpoints: ${ids})`);

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref();
    proxy.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`could not close cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`OCCI Console could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
