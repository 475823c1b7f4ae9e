// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT, endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import { CONFORMANCE_CHECKS } from '../suite/conformance-checks.ts';
import { ConformancePage } from './conformance-page.tsx';

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// A fresh tenant per test: the runs with changes create and delete resources.
beforeEach(() => server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler()));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const GROUP_NAMES = { discovery: 'Discovery', reading: 'Reading', changes: 'Changes' } as const;
const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped/;
/** A whole run through msw on a busy machine. */
const RUN_ENDED = { timeout: 15_000 };

const renderPage = () =>
  renderWithClient(
    [{ path: '/endpoints/:endpointId/conformance', element: <ConformancePage /> }],
    '/endpoints/demo/conformance',
  );

function rows(scope: HTMLElement = document.body): HTMLElement[] {
  return within(scope)
    .getAllByRole('listitem')
    .filter((item) => item.querySelector('.check-badge') !== null);
}

function outcomeOf(row: HTMLElement): string {
  return row.querySelector('.check-badge')?.textContent?.trim() ?? '';
}

function outcomes(group: keyof typeof GROUP_NAMES): string[] {
  return rows(screen.getByRole('region', { name: GROUP_NAMES[group] })).map(outcomeOf);
}

function checksOf(group: keyof typeof GROUP_NAMES) {
  return CONFORMANCE_CHECKS.filter((check) => check.group === group);
}

/** Waits for the summary of an ended run and returns its numbers. */
async function ended(): Promise<{ passed: number; failed: number; skipped: number; text: string }> {
  // A cheap look at each change: a whole run re-renders the page many times.
  const text = await waitFor(() => {
    const summary = document.querySelector('.conformance-summary')?.textContent ?? '';
    expect(summary).toMatch(SUMMARY);
    return summary;
  }, RUN_ENDED);
  const [, passed, failed, skipped] = (SUMMARY.exec(text) ?? []).map(Number);
  return { passed: passed ?? -1, failed: failed ?? -1, skipped: skipped ?? -1, text };
}

/** The tenant's collections as URI lists, to compare before and after a run. */
async function tenant(client: ReturnType<typeof renderPage>['client']): Promise<string[]> {
  const lists = await Promise.all(
    ['compute/', 'storage/', 'network/', 'storage/link/', 'network/interface/'].map((path) =>
      client.raw('demo', { method: 'GET', path, headers: { Accept: 'text/uri-list' }, purpose: 'Compare the tenant' }),
    ),
  );
  return lists.map((list) => `${list.status} ${list.body.split('\n').sort().join(' ')}`);
}

describe('the conformance page', () => {
  it('lists every check by group before a run, with changes not allowed', () => {
    renderPage();
    expect(screen.getByRole('checkbox', { name: /^Allow changes: create, update, act and delete/ })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(`${CONFORMANCE_CHECKS.length} checks, not run yet.`);
    for (const group of ['discovery', 'reading', 'changes'] as const) {
      const shown = rows(screen.getByRole('region', { name: GROUP_NAMES[group] }));
      expect(shown.map((row) => row.querySelector('h3')?.textContent)).toEqual(checksOf(group).map((c) => c.title));
      checksOf(group).forEach((check, index) => {
        const row = shown[index] as HTMLElement;
        expect(row).toHaveTextContent(check.spec);
        if (check.etsi !== undefined) expect(row).toHaveTextContent(`ETSI TS 103 142 ${check.etsi}`);
        expect(outcomeOf(row)).toBe('not run');
      });
    }
  });

  it('runs without changes: discovery and reading pass, the changes checks are skipped, nothing is sent but GET', async () => {
    const { log } = renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    const summary = await ended();
    expect(summary).toMatchObject({
      passed: checksOf('discovery').length + checksOf('reading').length,
      failed: 0,
      skipped: checksOf('changes').length,
    });
    expect(summary.text).toMatch(/No check failed\.$/);
    expect(new Set([...outcomes('discovery'), ...outcomes('reading')])).toEqual(new Set(['pass']));
    expect(new Set(outcomes('changes'))).toEqual(new Set(['skip']));
    for (const row of rows()) expect(row.querySelector('.check-reason')?.textContent).not.toBe('');
    expect(screen.getByText(/^Nothing was changed: changes were not allowed/)).toBeInTheDocument();
    expect(new Set(log.snapshot().map((exchange) => exchange.method))).toEqual(new Set(['GET']));
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
  });

  it('runs with changes allowed: every check passes and what it created is gone', async () => {
    const { client } = renderPage();
    const before = await tenant(client);
    await userEvent.click(screen.getByRole('checkbox', { name: /^Allow changes/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    const summary = await ended();
    expect(summary).toMatchObject({ passed: CONFORMANCE_CHECKS.length, failed: 0, skipped: 0 });
    expect(summary.text).toMatch(/Every check passed\.$/);
    expect(new Set(outcomes('changes'))).toEqual(new Set(['pass']));
    expect(screen.getByText(/^Cleanup: removed all \d+ test resources? the run created; nothing was left behind\.$/));
    expect(screen.queryByText(/Left behind/)).not.toBeInTheDocument();
    expect(await tenant(client)).toEqual(before);
  });

  it('against ooi, shows each failure with its known deviation, filters to failures and copies the report', async () => {
    server.resetHandlers(...freshDemoHandlers({ profile: 'ooi', actionDelayMs: 0 }), endpointsHandler());
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('checkbox', { name: /^Allow changes/ }));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const summary = await ended();
    expect(summary.failed).toBeGreaterThan(0);
    const failures = rows().filter((row) => outcomeOf(row) === 'fail');
    expect(failures).toHaveLength(summary.failed);
    for (const row of failures) expect(row.querySelector('.check-deviation')).toHaveTextContent(/^Known deviation: \S/);

    expect(screen.queryByText(/Left behind/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Show only failures' }));
    expect(rows().map(outcomeOf)).toEqual(failures.map(() => 'fail'));

    await user.click(screen.getByRole('button', { name: 'Copy as JSON' }));
    const copied = JSON.parse(await navigator.clipboard.readText());
    expect(copied).toMatchObject({ endpoint: DEMO_ENDPOINT.url, allowChanges: true, failed: summary.failed });
    expect(copied.results).toHaveLength(CONFORMANCE_CHECKS.length);
  });

  it('cancels a run: the checks after the one under way are not run, and it can run again', async () => {
    // The fourth request and those after it get no answer until they are cancelled.
    let requests = 0;
    server.use(
      http.all('*/occi/demo/*', async () => {
        requests += 1;
        if (requests > 3) await delay('infinite');
        return undefined;
      }),
    );
    const { log } = renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    const running = await screen.findByText('running');
    const row = running.closest('li') as HTMLElement;
    expect(screen.getByRole('checkbox', { name: /^Allow changes/ })).toBeDisabled();
    expect(rows().map(outcomeOf)).toContain('waiting');
    await waitFor(() => expect(log.snapshot().some((exchange) => exchange.response === undefined)).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const summary = await screen.findByText(/^Cancelled after \d+ of \d+ checks: /);
    expect(summary).toHaveAttribute('role', 'status');
    expect(screen.queryByText('running')).not.toBeInTheDocument();
    expect(screen.queryByText('waiting')).not.toBeInTheDocument();
    expect(outcomeOf(row)).toBe('not run');
    expect(rows().map(outcomeOf)).toContain('not run');
    expect(log.snapshot().map((exchange) => exchange.failure)).toContain('cancelled by the console');
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
  });

  it('opens a check’s exchange in the inspector', async () => {
    const { log } = renderPage();
    const revealed: number[] = [];
    log.onReveal((id) => revealed.push(id));
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await ended();
    const first = rows(screen.getByRole('region', { name: 'Discovery' }))[0] as HTMLElement;
    const buttons = within(first).getAllByRole('button', { name: /^Exchange \d+$/ });
    await userEvent.click(buttons.at(-1) as HTMLElement);
    expect(revealed).toHaveLength(1);
    const exchange = log.snapshot().find((entry) => entry.id === revealed[0]);
    expect(exchange?.url).toMatch(/^\/occi\/demo\//);
    expect(exchange?.purpose).toMatch(/^Conformance/);
    expect(exchange?.response?.status).toBeGreaterThan(0);
  });
});
