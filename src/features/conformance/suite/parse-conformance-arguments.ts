/**
 * The command line of `npm run conformance`: `<url> [--token T] [--allow-changes] [--json]
 * [--timeout-ms N]`. Pure: argv in, options or a message out; scripts/conformance.ts does the rest.
 */
import { DEFAULT_TIMEOUT_MS } from './fetch-transport.ts';

export const CONFORMANCE_USAGE = `usage: npm run conformance -- <url> [--token T] [--allow-changes] [--json] [--timeout-ms N]

Runs the OCCI conformance checks against the endpoint at <url> (http or https, e.g.
http://cloud.example.org:8787/occi1.2/) and prints what passed, failed or was skipped.

  --token T         send X-Auth-Token: T with every request (Keystone, rOCCI-server 2, ooi)
  --allow-changes   also create, update, act and delete; everything made is deleted at the end
  --json            print the report as JSON (the ConformanceReport) instead of a table
  --timeout-ms N    give up on a request after N ms (default ${DEFAULT_TIMEOUT_MS})
  --help            print this and exit

Exit status: 0 when no check failed, 1 when one did, 2 on bad usage.`;

export interface ConformanceArguments {
  /** Absolute http(s) URL of the endpoint. */
  readonly url: string;
  readonly token?: string;
  readonly allowChanges: boolean;
  readonly json: boolean;
  readonly timeoutMs: number;
}

export type ParsedArguments =
  | { readonly kind: 'run'; readonly arguments: ConformanceArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

function error(message: string): ParsedArguments {
  return { kind: 'error', message };
}

export function parseConformanceArguments(argv: readonly string[]): ParsedArguments {
  let url: string | undefined;
  let token: string | undefined;
  let allowChanges = false;
  let json = false;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    if (!optionsEnded && argument.startsWith('-')) {
      const equals = argument.indexOf('=');
      const name = equals < 0 ? argument : argument.slice(0, equals);
      const inline = equals < 0 ? undefined : argument.slice(equals + 1);
      const value = (): string | undefined => {
        if (inline !== undefined) return inline;
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) return undefined;
        i++;
        return next;
      };
      switch (name) {
        case '--':
          optionsEnded = true;
          continue;
        case '--help':
        case '-h':
          return { kind: 'help' };
        case '--allow-changes':
        case '--json':
          if (inline !== undefined) return error(`${name} takes no value`);
          if (name === '--json') json = true;
          else allowChanges = true;
          continue;
        case '--token': {
          const given = value();
          if (given === undefined || given === '') return error('--token needs a value: --token <token>');
          token = given;
          continue;
        }
        case '--timeout-ms': {
          const given = value();
          if (given === undefined || !/^\d+$/.test(given) || Number(given) < 1) {
            return error('--timeout-ms needs a whole number of milliseconds, at least 1');
          }
          timeoutMs = Number(given);
          continue;
        }
        default:
          return error(`unknown option ${name}`);
      }
    }
    if (url !== undefined) return error(`one endpoint URL at a time (got ${url} and ${argument})`);
    url = argument;
  }
  if (url === undefined) return error('the endpoint URL is missing');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return error(`${url} is not a URL; give an absolute one such as http://cloud.example.org:8787/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return error(`${url} is not an http or https URL`);
  }
  return {
    kind: 'run',
    arguments: { url: parsed.href, ...(token !== undefined && { token }), allowChanges, json, timeoutMs },
  };
}
