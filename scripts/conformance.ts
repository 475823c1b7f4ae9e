/**
 * `npm run conformance -- <url> [--token T] [--allow-changes] [--json] [--timeout-ms N]`: the
 * console's conformance suite from the command line, for a provider's CI. Thin: the arguments,
 * the transport, the suite and the report all live in src/features/conformance/suite/.
 *
 * Exit status: 0 when no check failed, 1 when one did (or the run could not be made), 2 on bad
 * usage, 130 when stopped with Ctrl-C (after the clean-up).
 */
import { isEntryPoint } from '../src/demo-cloud/node/is-entry-point.ts';
import { createFetchTransport } from '../src/features/conformance/suite/fetch-transport.ts';
import { formatConformanceReport } from '../src/features/conformance/suite/format-conformance-report.ts';
import {
  CONFORMANCE_USAGE,
  parseConformanceArguments,
} from '../src/features/conformance/suite/parse-conformance-arguments.ts';
import { isConformanceAborted, runConformance } from '../src/features/conformance/suite/run-conformance.ts';

export interface ConformanceIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch?: typeof fetch;
  /** Cancels the run (Ctrl-C); the clean-up still happens. */
  readonly signal?: AbortSignal;
  /** Shows which check is running (on a terminal); undefined shows nothing. */
  readonly progress?: (checkId: string | undefined) => void;
}

const processIo: ConformanceIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY && {
    progress: (checkId) => process.stderr.write(checkId === undefined ? '\r\x1b[K' : `\r\x1b[K  running ${checkId}`),
  }),
};

export async function main(argv: readonly string[], io: ConformanceIo = processIo): Promise<number> {
  const parsed = parseConformanceArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${CONFORMANCE_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`conformance: ${parsed.message}\n\n${CONFORMANCE_USAGE}\n`);
    return 2;
  }
  const options = parsed.arguments;
  const { transport, exchanges } = createFetchTransport({
    url: options.url,
    timeoutMs: options.timeoutMs,
    ...(options.token !== undefined && { token: options.token }),
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  const started = Date.now();
  let report: Awaited<ReturnType<typeof runConformance>>;
  let cancelled = false;
  try {
    report = await runConformance({
      transport,
      allowChanges: options.allowChanges,
      ...(io.signal !== undefined && { signal: io.signal }),
      ...(io.progress !== undefined && { onStart: (check) => io.progress?.(check.id) }),
    });
  } catch (error) {
    if (!isConformanceAborted(error)) {
      io.stderr(`conformance: the run stopped: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    report = error.report;
    cancelled = true;
  }
  const durationMs = Date.now() - started;
  io.progress?.(undefined);
  if (options.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    io.stderr(
      `conformance: ${report.results.length} checks, ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped in ${durationMs} ms\n`,
    );
  } else {
    io.stdout(
      formatConformanceReport(report, {
        url: options.url,
        allowChanges: options.allowChanges,
        durationMs,
        exchanges: exchanges(),
      }),
    );
  }
  if (cancelled) {
    io.stderr('conformance: cancelled; what the run had made was cleaned up\n');
    return 130;
  }
  return report.failed > 0 ? 1 : 0;
}

if (isEntryPoint(import.meta.filename)) {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write(
      '\nconformance: stopping after the request under way, then cleaning up (Ctrl-C again to quit now)\n',
    );
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  process.exitCode = await main(process.argv.slice(2), { ...processIo, signal: controller.signal });
}
