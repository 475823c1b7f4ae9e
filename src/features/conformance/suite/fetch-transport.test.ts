import { describe, expect, it, vi } from 'vitest';
import type { ProbeRequest } from './conformance-types.ts';
import { CONFORMANCE_USER_AGENT, createFetchTransport, resolveProbePath } from './fetch-transport.ts';

const ENDPOINT = 'http://cloud.example:8787/occi1.2';

function get(path: string, headers: Record<string, string> = { Accept: 'text/plain' }): ProbeRequest {
  return { method: 'GET', path, headers, purpose: 'test' };
}

describe('resolveProbePath', () => {
  it.each([
    ['-/', 'http://cloud.example:8787/occi1.2/-/'],
    ['compute/?action=stop', 'http://cloud.example:8787/occi1.2/compute/?action=stop'],
    ['/occi1.2/compute/x', 'http://cloud.example:8787/occi1.2/compute/x'],
    // A server that leaves its own prefix out of its paths (rOCCI behind a path): under the endpoint.
    ['/compute/x', 'http://cloud.example:8787/occi1.2/compute/x'],
    ['http://cloud.example:8787/occi1.2/compute/x', 'http://cloud.example:8787/occi1.2/compute/x'],
    ['http://cloud.example:8787/compute/x?action=start', 'http://cloud.example:8787/occi1.2/compute/x?action=start'],
  ])('%s goes to %s', (path, url) => {
    expect(resolveProbePath(path, ENDPOINT).href).toBe(url);
  });

  it.each([
    'http://elsewhere.example/compute/x',
    'https://cloud.example:8787/occi1.2/compute/x',
    'http://cloud.example:9999/occi1.2/compute/x',
    '//elsewhere.example/compute/x',
  ])('refuses %s, on another origin', (path) => {
    expect(() => resolveProbePath(path, ENDPOINT)).toThrow(/another server/);
  });
});

describe('createFetchTransport', () => {
  it('sends the headers given, the token and a User-Agent, and returns the answer with its headers as received', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () =>
        new Response('Category: a; scheme="s#"; class="kind"\n', {
          status: 200,
          headers: { 'Content-Type': 'text/plain', Server: 'x OCCI/1.2', 'X-OCCI-Location': '/a, /b' },
        }),
    );
    const { transport, exchanges } = createFetchTransport({ url: ENDPOINT, token: 'secret', fetch });
    const answer = await transport({
      ...get('-/'),
      method: 'POST',
      body: 'Category: x',
      headers: { Accept: 'text/plain', 'Content-Type': 'text/plain' },
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://cloud.example:8787/occi1.2/-/');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-auth-token')).toBe('secret');
    expect(headers.get('user-agent')).toBe(CONFORMANCE_USER_AGENT);
    expect(headers.get('content-type')).toBe('text/plain');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('Category: x');
    expect(init?.redirect).toBe('manual');
    expect(answer).toEqual({
      status: 200,
      headers: [
        ['content-type', 'text/plain'],
        ['server', 'x OCCI/1.2'],
        ['x-occi-location', '/a, /b'],
      ],
      body: 'Category: a; scheme="s#"; class="kind"\n',
      exchangeId: 1,
    });
    expect(exchanges()).toEqual([
      expect.objectContaining({ id: 1, method: 'POST', url: 'http://cloud.example:8787/occi1.2/-/', status: 200 }),
    ]);
  });

  it('refuses a URL on another origin without sending anything', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { transport } = createFetchTransport({ url: ENDPOINT, token: 'secret', fetch });
    await expect(transport(get('http://elsewhere.example/steal'))).rejects.toThrow(/refused: .* another server/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives up after the time-out, in words', async () => {
    const fetch: typeof globalThis.fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const { transport, exchanges } = createFetchTransport({ url: ENDPOINT, timeoutMs: 20, fetch });
    await expect(transport(get('-/'))).rejects.toThrow('no answer within 20 ms');
    expect(exchanges()[0]).toMatchObject({ failure: 'no answer within 20 ms' });
  });

  it('says why a connection failed (undici keeps the reason in cause)', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    };
    const { transport } = createFetchTransport({ url: ENDPOINT, fetch });
    await expect(transport(get('-/'))).rejects.toThrow('fetch failed: ECONNREFUSED');
  });

  it("passes a cancel on as the signal's reason", async () => {
    const fetch: typeof globalThis.fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const { transport } = createFetchTransport({ url: ENDPOINT, fetch });
    const controller = new AbortController();
    const answer = transport(get('-/'), controller.signal);
    const reason = new Error('the user cancelled');
    controller.abort(reason);
    await expect(answer).rejects.toBe(reason);
  });
});
