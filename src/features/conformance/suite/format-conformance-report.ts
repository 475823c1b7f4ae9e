/**
 * The report as the command line prints it: one block per group (discovery, reading, changes),
 * one line per check (PASS, FAIL or SKIP, id, title), then why, the deviation, the spec section
 * and the ETSI test; for a failing check the requests it made, when they are known; at the end
 * the counts, the clean-up and the time taken.
 */
import type { CheckGroup, CheckResult, ConformanceReport } from './conformance-types.ts';
import type { ExchangeRecord } from './fetch-transport.ts';

export interface FormatOptions {
  /** The endpoint, for the heading. */
  readonly url?: string;
  readonly allowChanges?: boolean;
  /** The whole run, clean-up included. */
  readonly durationMs?: number;
  /** The exchanges by id, to show what a failing check sent. */
  readonly exchanges?: readonly ExchangeRecord[];
}

const GROUPS: readonly (readonly [CheckGroup, string])[] = [
  ['discovery', 'Discovery'],
  ['reading', 'Reading'],
  ['changes', 'Changes'],
];

const OUTCOME: Readonly<Record<CheckResult['outcome'], string>> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

/** Most requests listed under a failing check. */
const MAX_REQUESTS_SHOWN = 8;

function detail(label: string, text: string): string {
  return `        ${(label === '' ? '' : `${label}:`).padEnd(11)}${text}`;
}

function requestLines(result: CheckResult, exchanges: ReadonlyMap<number, ExchangeRecord>): string[] {
  const lines: string[] = [];
  const known = result.exchanges.map((id) => exchanges.get(id)).filter((e) => e !== undefined);
  for (const [i, exchange] of known.entries()) {
    if (i === MAX_REQUESTS_SHOWN) {
      lines.push(detail('', `… and ${known.length - MAX_REQUESTS_SHOWN} more`));
      break;
    }
    const outcome = exchange.status !== undefined ? `${exchange.status}` : `no answer (${exchange.failure})`;
    lines.push(detail(i === 0 ? 'requests' : '', `${exchange.method} ${exchange.url} → ${outcome}`));
  }
  return lines;
}

export function formatConformanceReport(report: ConformanceReport, options: FormatOptions = {}): string {
  const exchanges = new Map((options.exchanges ?? []).map((e) => [e.id, e]));
  const width = Math.max(0, ...report.results.map((r) => r.id.length));
  const lines: string[] = [];
  if (options.url !== undefined) {
    const changes =
      options.allowChanges === undefined ? '' : ` (changes ${options.allowChanges ? 'allowed' : 'not allowed'})`;
    lines.push(`OCCI conformance of ${options.url}${changes}`, '');
  }
  for (const [group, heading] of GROUPS) {
    const results = report.results.filter((r) => r.group === group);
    if (results.length === 0) continue;
    lines.push(heading);
    for (const result of results) {
      lines.push(`  ${OUTCOME[result.outcome]}  ${result.id.padEnd(width)}  ${result.title}`);
      lines.push(detail('why', result.reason));
      if (result.deviation !== undefined) lines.push(detail('deviation', result.deviation));
      lines.push(detail('spec', result.spec));
      if (result.etsi !== undefined) lines.push(detail('etsi', result.etsi));
      if (result.outcome === 'fail') lines.push(...requestLines(result, exchanges));
    }
    lines.push('');
  }
  const { removed, leftBehind } = report.cleanup;
  if (removed.length > 0 || leftBehind.length > 0) {
    lines.push(`Clean-up: removed ${removed.length}, left behind ${leftBehind.length}`);
    for (const location of leftBehind) lines.push(`  left behind: ${location}`);
    lines.push('');
  }
  const total = report.results.length;
  const time = options.durationMs === undefined ? '' : ` in ${options.durationMs} ms`;
  lines.push(`${total} checks: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped${time}`);
  return `${lines.join('\n')}\n`;
}
