/**
 * `npm run demo-cloud -- --port 8787`: the demo cloud on its own, over real HTTP, for curl,
 * rOCCI-cli or a console pointed at it. Every flag is checked before anything starts; a wrong
 * one stops it with the list of what is wrong (exit status 2).
 */
import { parseArgs } from 'node:util';
import { createDemoCloud } from '../create-demo-cloud.ts';
import { type DemoCloudOptions, type DemoSeed, QUIRK_PROFILES, type QuirkProfile } from '../demo-cloud-options.ts';
import { isEntryPoint } from './is-entry-point.ts';
import { serveDemoCloud } from './serve-demo-cloud.ts';

export interface DemoCloudCliOptions {
  readonly port: number;
  readonly host: string;
  readonly cloud: DemoCloudOptions & {
    readonly profile: QuirkProfile;
    readonly seed: DemoSeed;
  };
}

export type ParsedDemoCloudArgs =
  | { readonly ok: true; readonly help: false; readonly options: DemoCloudCliOptions }
  | { readonly ok: true; readonly help: true }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The seed's own port: its curl commands talk to `localhost:8787`. */
export const DEFAULT_PORT = 8787;
export const MAX_SEEDED_RESOURCES = 10_000;

export const USAGE = `Usage: npm run demo-cloud -- [options]

Runs the embedded OCCI 1.2 demo cloud over HTTP until Ctrl-C.

Options:
  --port <n>           port to listen on, 0 to 65535; 0 picks a free one (default ${DEFAULT_PORT})
  --host <address>     address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --profile <name>     quirks of a real server: ${QUIRK_PROFILES.join(', ')} (default standard)
  --seed <what>        tenant (a small believable tenant, default), empty, or a number of
                       virtual machines from 0 to ${MAX_SEEDED_RESOURCES}
  --action-delay <ms>  how long an action takes to reach its target state (default 1500; 0 at once)
  --latency <ms>       added before every answer (default 0)
  --error-rate <r>     share of requests, 0 to 1, answered with 500 or 503 (default 0)
  -h, --help           this text

Example:
  npm run demo-cloud -- --port 8787 --profile ooi --latency 200
  curl -H 'Accept: text/plain' http://127.0.0.1:8787/-/`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  profile: { type: 'string' },
  seed: { type: 'string' },
  'action-delay': { type: 'string' },
  latency: { type: 'string' },
  'error-rate': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Pure: reads the arguments after the script name, starts nothing, prints nothing. */
export function parseDemoCloudArgs(argv: readonly string[]): ParsedDemoCloudArgs {
  // Not strict: a strict parse throws at the first problem, and the user deserves all of them.
  const { tokens } = parseArgs({
    args: [...argv],
    options: FLAGS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const errors: string[] = [];
  const values = new Map<string, string>();
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      errors.push(`unexpected argument ${JSON.stringify(token.value)} (options start with --)`);
      continue;
    }
    const flag = FLAGS[token.name as keyof typeof FLAGS] as (typeof FLAGS)[keyof typeof FLAGS] | undefined;
    if (flag === undefined) {
      errors.push(`unknown option ${token.rawName}`);
    } else if (flag.type === 'boolean') {
      if (token.value !== undefined) errors.push(`${token.rawName} takes no value`);
      else help = true;
    } else if (token.value === undefined) {
      errors.push(`${token.rawName} needs a value`);
    } else {
      values.set(token.name, token.value);
    }
  }
  if (help) return { ok: true, help: true };

  const port = integer(values.get('port'), DEFAULT_PORT, 0, 65_535, '--port', 'a port number from 0 to 65535', errors);
  const host = values.get('host') ?? '127.0.0.1';
  if (host.trim() === '' || /\s|\//.test(host)) errors.push(`--host: ${JSON.stringify(host)} is not an address`);

  const profileText = values.get('profile') ?? 'standard';
  const profile = QUIRK_PROFILES.find((name) => name === profileText);
  if (profile === undefined) {
    errors.push(`--profile: ${JSON.stringify(profileText)} is not one of ${QUIRK_PROFILES.join(', ')}`);
  }

  const seedText = values.get('seed') ?? 'tenant';
  let seed: DemoSeed | undefined;
  if (seedText === 'tenant' || seedText === 'empty') seed = seedText;
  else {
    const count = integer(
      seedText,
      0,
      0,
      MAX_SEEDED_RESOURCES,
      '--seed',
      `tenant, empty, or a whole number from 0 to ${MAX_SEEDED_RESOURCES}`,
      errors,
    );
    if (count !== undefined) seed = { resources: count };
  }

  const actionDelayMs = milliseconds(values.get('action-delay'), '--action-delay', errors);
  const latencyMs = milliseconds(values.get('latency'), '--latency', errors);
  const errorRateText = values.get('error-rate');
  const errorRate = errorRateText === undefined ? undefined : Number(errorRateText);
  if (errorRate !== undefined && !(errorRateText?.trim() !== '' && errorRate >= 0 && errorRate <= 1)) {
    errors.push(`--error-rate: ${JSON.stringify(errorRateText)} is not a number from 0 to 1`);
  }

  if (errors.length > 0 || port === undefined || profile === undefined || seed === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    help: false,
    options: {
      port,
      host,
      cloud: {
        profile,
        seed,
        ...(actionDelayMs === undefined ? {} : { actionDelayMs }),
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(errorRate === undefined ? {} : { errorRate }),
      },
    },
  };
}

function integer(
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
  flag: string,
  expected: string,
  errors: string[],
): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    errors.push(`${flag}: ${JSON.stringify(text)} is not ${expected}`);
    return undefined;
  }
  return value;
}

/** A duration: a non-negative number of milliseconds, at most a day (more is surely a typo). */
function milliseconds(text: string | undefined, flag: string, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 86_400_000) {
    errors.push(`${flag}: ${JSON.stringify(text)} is not a number of milliseconds from 0 to 86400000`);
    return undefined;
  }
  return value;
}

function summary(options: DemoCloudCliOptions): string {
  const { seed, profile } = options.cloud;
  const seeded = typeof seed === 'string' ? `${seed} seed` : `${seed.resources} seeded VMs`;
  const faults = [
    options.cloud.actionDelayMs === undefined ? '' : `actions take ${options.cloud.actionDelayMs} ms`,
    options.cloud.latencyMs === undefined ? '' : `${options.cloud.latencyMs} ms latency`,
    options.cloud.errorRate === undefined ? '' : `error rate ${options.cloud.errorRate}`,
  ].filter((part) => part !== '');
  return [`${profile} profile`, seeded, ...faults].join(', ');
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseDemoCloudArgs(argv);
  if (parsed.ok && parsed.help) {
    console.log(USAGE);
    return;
  }
  if (!parsed.ok) {
    console.error(`demo-cloud: cannot start:\n${parsed.errors.map((error) => `  - ${error}`).join('\n')}\n`);
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const { options } = parsed;
  let served: Awaited<ReturnType<typeof serveDemoCloud>>;
  try {
    served = await serveDemoCloud(createDemoCloud(options.cloud), { port: options.port, host: options.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is already in use (try --port 0 for a free one)`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `${options.host} is not an address of this machine`
          : error instanceof Error
            ? error.message
            : String(error);
    console.error(`demo-cloud: cannot listen: ${reason}`);
    process.exitCode = 1;
    return;
  }
  console.log(`OCCI demo cloud (${summary(options)}) listening on ${served.url}`);
  console.log(`  query interface: ${served.url}/-/`);
  console.log('  Ctrl-C stops it.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: stop waiting for requests in flight.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: closing the demo cloud...`);
    served.close().then(
      () => {
        console.log('closed.');
        // Pending action timers of the cloud must not keep the process alive.
        process.exit(0);
      },
      (error: unknown) => {
        console.error('demo-cloud: error while closing:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (isEntryPoint(import.meta.filename)) await main(process.argv.slice(2));
