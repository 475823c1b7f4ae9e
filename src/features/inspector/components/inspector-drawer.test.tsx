// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exchangeLinkValue, PAGE_LOAD } from '../../../lib/exchange-link.ts';
import { createExchangeLog, type ExchangeLog } from '../../../lib/exchange-log.ts';
import { isOcciParseError, parseMessage } from '../../../occi/index.ts';
import { MALFORMED_BODY, recordSession } from '../test-support/recorded-session.ts';
import { InspectorDrawer } from './inspector-drawer.tsx';

const endpointUrl = (id: string) => (id === 'demo' ? 'https://cloud.example.org:8787/occi1.2' : undefined);

function renderDrawer(log: ExchangeLog) {
  const user = userEvent.setup();
  render(<InspectorDrawer log={log} endpointUrl={endpointUrl} />);
  return user;
}

async function openInspector(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^Inspector \(\d+\)$/ }));
  return screen.getByRole('complementary', { name: 'Inspector' });
}

function entries() {
  return within(screen.getByRole('list', { name: 'Exchanges, newest first' })).getAllByRole('button');
}

function entry(name: RegExp) {
  const found = entries().find((button) => name.test(button.textContent ?? ''));
  if (found === undefined) throw new Error(`no entry ${name}`);
  return found;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('InspectorDrawer: the list', () => {
  it('opens on the exchange a page reveals, and writes it into the address bar', async () => {
    const log = createExchangeLog();
    recordSession(log);
    renderDrawer(log);
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    const id = log.snapshot().find((exchange) => exchange.url.includes('action=start'))?.id as number;
    act(() => log.reveal(id));
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeInTheDocument();
    expect(entry(/compute\/42\?action=start/)).toHaveAttribute('aria-current', 'true');
    expect(new URLSearchParams(window.location.search).get('exchange')).toBe(exchangeLinkValue(id));
  });

  it('counts the exchanges on its toggle and starts closed', () => {
    const log = createExchangeLog();
    recordSession(log);
    renderDrawer(log);
    const toggle = screen.getByRole('button', { name: 'Inspector (6)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('lists every exchange newest first with method, path, status, duration and size', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    const texts = entries().map((button) => button.textContent);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toMatch(/^DELETE \/compute\/9.*pending/);
    expect(texts[1]).toMatch(/^GET \/compute\/7/);
    expect(texts[2]).toMatch(/^GET \/storage\/.*failed: The network is unreachable/);
    expect(texts[3]).toMatch(/^POST \/compute\/42\?action=start.*409 Conflict.*10 ms/);
    expect(texts[5]).toMatch(/^GET \/-\/.*200 OK.*40 ms.*\d+ B.*Read the query interface/);
  });

  it('colours the status by its class', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    expect(within(entry(/409 Conflict/)).getByText('409 Conflict')).toHaveClass('tone-warn');
    expect(within(entry(/Read the query/)).getByText('200 OK')).toHaveClass('tone-ok');
    expect(within(entry(/failed/)).getByText(/failed/)).toHaveClass('tone-error');
    expect(within(entry(/pending/)).getByText('pending')).toHaveClass('tone-pending');
  });

  it('follows the log: new exchanges and answers appear without a reload', async () => {
    const log = createExchangeLog();
    const { pending } = recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    act(() => {
      log.complete(pending, {
        response: { status: 204, statusText: 'No Content', headers: [], body: '', truncated: false, durationMs: 7 },
      });
    });
    expect(entries()[0]).toHaveTextContent(/204 No Content/);
    expect(screen.getByRole('button', { name: 'Inspector (6)' })).toBeInTheDocument();
  });

  it('empties the list on Clear', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(log.snapshot()).toEqual([]);
    expect(screen.getByText('No exchanges yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inspector (0)' })).toBeInTheDocument();
  });
});

describe('InspectorDrawer: keyboard and focus', () => {
  it('moves focus into the drawer on open, closes on Escape and gives focus back to the toggle', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    const panel = await openInspector(user);
    expect(within(panel).getByRole('heading', { name: 'Inspector' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Inspector (6)' })).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inspector (6)' })).toHaveFocus();
  });

  it('takes no focus on mount, even when React runs effects twice', () => {
    render(
      <StrictMode>
        <InspectorDrawer log={createExchangeLog()} endpointUrl={endpointUrl} />
      </StrictMode>,
    );
    expect(screen.getByRole('button', { name: 'Inspector (0)' })).not.toHaveFocus();
  });

  it('closes with its Close button', async () => {
    const log = createExchangeLog();
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(screen.getByRole('button', { name: 'Close inspector' }));
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });
});

describe('InspectorDrawer: one exchange', () => {
  it('shows purpose, headers, body and timing of the query interface, and its categories decoded', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/Read the query interface/));
    const detail = screen.getByRole('region', { name: 'Read the query interface' });
    const summary = within(detail).getByRole('table', { name: 'Summary' });
    expect(within(summary).getByRole('row', { name: /Duration/ })).toHaveTextContent('40 ms');
    expect(within(summary).getByRole('row', { name: /Endpoint/ })).toHaveTextContent(
      'https://cloud.example.org:8787/occi1.2',
    );
    const requestHeaders = within(detail).getByRole('table', { name: 'Request headers' });
    expect(within(requestHeaders).getByRole('row', { name: /Accept/ })).toHaveTextContent('text/plain');
    const responseHeaders = within(detail).getByRole('table', { name: 'Response headers' });
    expect(within(responseHeaders).getByRole('row', { name: /Server/ })).toHaveTextContent('demo-cloud/1.0 OCCI/1.2');
    expect(within(detail).getByLabelText('Response body')).toHaveTextContent('Category: compute;');
    const categories = within(detail).getByRole('table', { name: 'Categories' });
    expect(within(categories).getByRole('row', { name: /infrastructure#compute kind/ })).toHaveTextContent(
      /kind.*Compute Resource.*\/compute\//,
    );
    expect(within(categories).getByRole('row', { name: /resource#m1\.tiny/ })).toHaveTextContent('mixin');
    expect(within(categories).getByRole('row', { name: /action#start/ })).toHaveTextContent('action');
    expect(entry(/Read the query interface/)).toHaveAttribute('aria-current', 'true');
  });

  it('decodes a JSON entity into categories, attributes and links', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/Show web-01/));
    const detail = screen.getByRole('region', { name: 'Show web-01' });
    const attributes = within(detail).getByRole('table', { name: 'Attributes' });
    expect(within(attributes).getByRole('row', { name: /occi\.core\.title/ })).toHaveTextContent('web-01');
    expect(within(attributes).getByRole('row', { name: /occi\.compute\.cores/ })).toHaveTextContent(/2\s*number/);
    const links = within(detail).getByRole('table', { name: 'Links' });
    expect(within(links).getByRole('row', { name: /\/network\/public/ })).toHaveTextContent('networkinterface');
    const categories = within(detail).getByRole('table', { name: 'Categories' });
    expect(within(categories).getByRole('row', { name: /resource#m1\.tiny/ })).toHaveTextContent('mixin');
    expect(within(categories).getByRole('row', { name: /action#stop/ })).toHaveTextContent('action offered');
  });

  it("shows a refusal with the server's own message and decodes no model from it", async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/409 Conflict/));
    const detail = screen.getByRole('region', { name: 'Start web-01' });
    expect(within(detail).getByText('The server said:').parentElement).toHaveTextContent(
      'The server said: web-01 is already active',
    );
    expect(within(detail).getByText(/An error answer carries a message/)).toBeInTheDocument();
    expect(within(detail).queryByRole('table', { name: 'Attributes' })).not.toBeInTheDocument();
    const requestHeaders = within(detail).getByRole('table', { name: 'Request headers' });
    expect(within(requestHeaders).getByRole('row', { name: /Category/ })).toHaveTextContent('start; scheme=');
    const sent = within(detail).getByRole('table', { name: 'Request: Categories' });
    expect(within(sent).getByRole('row', { name: /compute\/action#start/ })).toHaveTextContent('action');
  });

  it('shows a failure in words', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/List storage/));
    const detail = screen.getByRole('region', { name: 'List storage' });
    expect(within(detail).getByText('No answer:').parentElement).toHaveTextContent(
      'No answer: The network is unreachable',
    );
  });

  it('reports a malformed answer with the line and column the parser stopped at', async () => {
    let expected = '';
    try {
      parseMessage('entity', { contentType: 'text/plain', headers: [], body: MALFORMED_BODY });
    } catch (error) {
      if (!isOcciParseError(error)) throw error;
      expected = `Malformed at line ${error.line}, column ${error.column}: expected ${error.expected}`;
    }
    expect(expected).toMatch(/^Malformed at line 2, column \d+/);
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/Show web-02/));
    const detail = screen.getByRole('region', { name: 'Show web-02' });
    expect(within(detail).getByText('Malformed').parentElement).toHaveTextContent(expected);
  });

  it('says when a body was cut', async () => {
    const log = createExchangeLog();
    const id = log.start({
      endpoint: 'demo',
      purpose: 'List compute',
      method: 'GET',
      url: '/occi/demo/compute/',
      requestHeaders: [],
      requestBody: '',
      startedAt: 1,
    });
    log.complete(id, {
      response: {
        status: 200,
        statusText: 'OK',
        headers: [],
        body: 'X-OCCI-Location: /compute/1',
        truncated: true,
        durationMs: 3,
      },
    });
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/List compute/));
    expect(screen.getByText(/Truncated: only the first 200,000 characters/)).toBeInTheDocument();
  });
});

describe('InspectorDrawer: copy buttons', () => {
  it('copies the refused action as curl with the real endpoint URL and a token placeholder', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await openInspector(user);
    await user.click(entry(/409 Conflict/));
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const command = writeText.mock.calls[0]?.[0] ?? '';
    expect(command).toMatch(
      /^curl -i -X POST 'https:\/\/cloud\.example\.org:8787\/occi1\.2\/compute\/42\?action=start'/,
    );
    expect(command).toContain(
      `-H 'Category: start; scheme="http://schemas.ogf.org/occi/infrastructure#compute/action#"; class="action"'`,
    );
    expect(command).toContain('-H "X-Auth-Token: $OCCI_TOKEN"');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('copies as rOCCI-cli where a command exists, and offers none where there is none', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await openInspector(user);
    await user.click(entry(/409 Conflict/));
    await user.click(screen.getByRole('button', { name: 'Copy as rOCCI-cli' }));
    expect(writeText).toHaveBeenLastCalledWith(
      "occi --endpoint 'https://cloud.example.org:8787/occi1.2' --action trigger --resource '/compute/42' --trigger-action 'start'",
    );
    await user.click(entry(/Read the query interface/));
    await user.click(screen.getByRole('button', { name: 'Copy as rOCCI-cli' }));
    expect(writeText).toHaveBeenLastCalledWith("occi --endpoint 'https://cloud.example.org:8787/occi1.2' --dump-model");
    act(() => {
      log.start({
        endpoint: 'demo',
        purpose: 'Replace web-01',
        method: 'PUT',
        url: '/occi/demo/compute/42',
        requestHeaders: [],
        requestBody: '',
        startedAt: 0,
      });
    });
    await user.click(entry(/Replace web-01/));
    expect(screen.getByRole('button', { name: 'Copy as curl' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy as rOCCI-cli' })).not.toBeInTheDocument();
  });

  it('offers the text selected in a read-only field when the clipboard refuses', async () => {
    const log = createExchangeLog();
    recordSession(log);
    const user = renderDrawer(log);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await openInspector(user);
    await user.click(entry(/Read the query interface/));
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    const field = await screen.findByLabelText(/The clipboard is not available here/);
    expect(field).toHaveAttribute('readonly');
    expect((field as HTMLTextAreaElement).value).toMatch(
      /^curl -i 'https:\/\/cloud\.example\.org:8787\/occi1\.2\/-\/'/,
    );
    expect(field).toHaveFocus();
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });
});

describe('InspectorDrawer: the request meter', () => {
  function tiny(log: ExchangeLog, purpose: string, bytes: number, durationMs: number, startedAt: number) {
    const id = log.start({
      endpoint: 'demo',
      purpose,
      method: 'GET',
      url: '/occi/demo/compute/',
      requestHeaders: [],
      requestBody: '',
      startedAt,
    });
    log.complete(id, {
      response: { status: 200, statusText: 'OK', headers: [], body: 'x'.repeat(bytes), truncated: false, durationMs },
    });
  }

  it("counts the current view's requests, bytes and time, and starts over on a route change", async () => {
    // The first view counts from the page load: the drawer is loaded lazily, after the first requests.
    const log = createExchangeLog();
    tiny(log, 'before the view', 5000, 500, 0);
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/a']}>
        <Link to="/b">Go to b</Link>
        <Routes>
          <Route path="*" element={null} />
        </Routes>
        <InspectorDrawer log={log} endpointUrl={endpointUrl} />
      </MemoryRouter>,
    );
    expect(screen.getByText('1 request · 5.0 kB · 500 ms')).toBeInTheDocument();
    act(() => {
      tiny(log, 'one', 1500, 40, 1000);
      tiny(log, 'two', 1500, 60, 1010);
    });
    // 8.0 kB received; from 0 to 1070 ms. The drawer re-renders at most every 100 ms.
    expect(await screen.findByText('3 requests · 8.0 kB · 1.07 s')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inspector (3)' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to b' }));
    expect(screen.getByText('0 requests · 0 B · 0 ms')).toBeInTheDocument();
    act(() => {
      tiny(log, 'three', 200, 9, 2000);
      tiny(log, 'four', 300, 20, 2005);
    });
    expect(await screen.findByText('2 requests · 500 B · 25 ms')).toBeInTheDocument();
  });

  it('does not start over when only the selected exchange changes the URL', async () => {
    const log = createExchangeLog();
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/a']}>
        <InspectorDrawer log={log} endpointUrl={endpointUrl} />
      </MemoryRouter>,
    );
    act(() => tiny(log, 'one', 100, 10, 0));
    await openInspector(user);
    await user.click(entry(/one/));
    expect(screen.getByText('1 request · 100 B · 10 ms')).toBeInTheDocument();
  });

  it('shows the meter without a router, counting since mount', () => {
    const log = createExchangeLog();
    tiny(log, 'before', 100, 10, 0);
    renderDrawer(log);
    act(() => tiny(log, 'after', 2000, 30, 100));
    expect(screen.getByText('1 request · 2.0 kB · 30 ms')).toBeInTheDocument();
  });
});

describe('InspectorDrawer: deep links', () => {
  it('puts the selected exchange in the URL and takes it out on close', async () => {
    const log = createExchangeLog();
    const { entity } = recordSession(log);
    const user = renderDrawer(log);
    await openInspector(user);
    await user.click(entry(/Show web-01/));
    expect(new URLSearchParams(window.location.search).get('exchange')).toBe(exchangeLinkValue(entity));
    await user.keyboard('{Escape}');
    expect(new URLSearchParams(window.location.search).has('exchange')).toBe(false);
  });

  it('opens the linked exchange of this page load', () => {
    const log = createExchangeLog();
    const { entity } = recordSession(log);
    window.history.replaceState(null, '', `/?exchange=${PAGE_LOAD}.${entity}`);
    renderDrawer(log);
    expect(screen.getByRole('region', { name: 'Show web-01' })).toBeInTheDocument();
  });

  it('says an exchange linked from an earlier page load is gone, and shows no other in its place', () => {
    const log = createExchangeLog();
    const { entity } = recordSession(log);
    window.history.replaceState(null, '', `/?exchange=zzzz.${entity}`);
    renderDrawer(log);
    expect(screen.getByText(/This exchange is from an earlier page load/)).toBeInTheDocument();
    // No exchange's region: only the always-present inspector bar.
    expect(screen.queryByRole('region', { name: /^(?!Inspector bar$)/ })).not.toBeInTheDocument();
  });
});
