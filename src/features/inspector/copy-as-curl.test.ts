import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../lib/exchange.ts';
import { type CurlOptions, copyAsCurl } from './copy-as-curl.ts';
import { shellQuote } from './shell-quote.ts';
import { argumentsInShell } from './test-support/run-in-shell.ts';

type Sent = Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>;

const upstream = { endpointUrl: 'https://cloud.example.org:8787/occi1.2/', origin: 'http://127.0.0.1:4319' };

function curlArgs(sent: Sent, options: CurlOptions = upstream): string[] {
  return argumentsInShell('curl', copyAsCurl(sent, options), { OCCI_TOKEN: 'tok-123' });
}

const listCompute: Sent = {
  method: 'GET',
  url: '/occi/demo/compute/',
  requestHeaders: [
    ['Accept', 'text/plain'],
    ['X-Auth-Token', 'real-secret-the-browser-should-never-have'],
    ['Cookie', 'session=abc'],
  ],
  requestBody: '',
};

describe('shellQuote', () => {
  const hostile = [
    "it's",
    "'; rm -rf / #",
    '$(touch /tmp/pwned)',
    '`id`',
    '$' + '{HOME}',
    'a\nb\r\nc',
    '\\',
    "''''",
    '"double" and \'single\'',
    '',
    ' leading space',
    '*',
    '~',
    'x;y&z|w>v<u',
  ];
  it.each(hostile)('keeps %j one word, byte for byte, in a real shell', (text) => {
    expect(argumentsInShell('show', `show ${shellQuote(text)}`)).toEqual([text]);
  });

  it('uses single quotes with the POSIX escape for a quote', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(x)')).toBe("'$(x)'");
  });
});

describe('copyAsCurl', () => {
  it('asks the real endpoint URL, with the path after /occi/<endpoint>/', () => {
    const args = curlArgs(listCompute);
    expect(args).toContain('https://cloud.example.org:8787/occi1.2/compute/');
    expect(args.join(' ')).not.toContain('/occi/demo');
  });

  it('keeps the query string', () => {
    const args = curlArgs({ ...listCompute, method: 'POST', url: '/occi/demo/compute/42?action=stop' });
    expect(args).toContain('https://cloud.example.org:8787/occi1.2/compute/42?action=stop');
  });

  it('falls back to the console proxy URL when the endpoint URL is unknown', () => {
    const args = curlArgs(listCompute, { endpointUrl: undefined, origin: upstream.origin });
    expect(args).toContain('http://127.0.0.1:4319/occi/demo/compute/');
  });

  it("sends a request to the console's own API to the console, not to the endpoint", () => {
    const args = curlArgs({ ...listCompute, url: '/api/endpoints' });
    expect(args).toContain('http://127.0.0.1:4319/api/endpoints');
  });

  it('sends GET without -X and without a body', () => {
    const args = curlArgs({ ...listCompute, requestBody: 'ignored' });
    expect(args).not.toContain('-X');
    expect(args).not.toContain('--data-binary');
    expect(args[0]).toBe('-i');
  });

  it('sends HEAD with -I, never -X HEAD (curl would wait for a body)', () => {
    const args = curlArgs({ ...listCompute, method: 'HEAD' });
    expect(args[0]).toBe('-I');
    expect(args).not.toContain('-X');
    expect(args).not.toContain('--data-binary');
  });

  it('sends other methods with -X', () => {
    expect(curlArgs({ ...listCompute, method: 'DELETE', url: '/occi/demo/compute/42' }).slice(0, 3)).toEqual([
      '-i',
      '-X',
      'DELETE',
    ]);
  });

  it('puts the credential in as $OCCI_TOKEN, and leaves the browser credentials out', () => {
    const line = copyAsCurl(listCompute, upstream);
    expect(line).not.toContain('real-secret');
    expect(line).not.toContain('session=abc');
    expect(line).toContain('"X-Auth-Token: $OCCI_TOKEN"');
    const args = curlArgs(listCompute);
    expect(args.filter((a) => /^x-auth-token/i.test(a))).toEqual(['X-Auth-Token: tok-123']);
    expect(args).not.toContain('Cookie: session=abc');
  });

  it('sends the text/occi headers exactly, repeated ones as separate -H', () => {
    const sent: Sent = {
      method: 'POST',
      url: '/occi/demo/compute/',
      requestHeaders: [
        ['Content-Type', 'text/occi'],
        ['Category', 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"'],
        ['Category', 'tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"'],
        ['X-OCCI-Attribute', 'occi.core.title="it\'s $(whoami) `id`"'],
      ],
      requestBody: '',
    };
    const args = curlArgs(sent);
    const headers = args.flatMap((arg, i) => (args[i - 1] === '-H' ? [arg] : []));
    expect(headers).toEqual([
      'Content-Type: text/occi',
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
      'Category: tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
      'X-OCCI-Attribute: occi.core.title="it\'s $(whoami) `id`"',
      'X-Auth-Token: tok-123',
    ]);
    expect(args).not.toContain('--data-binary');
  });

  it('sends a text/plain body byte for byte, newlines and hostile text included', () => {
    const body =
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
      'X-OCCI-Attribute: occi.core.title="\'; rm -rf ~ #"\n' +
      'X-OCCI-Attribute: occi.core.summary="$(reboot) `halt` $' +
      '{PATH} \\" \\\\"\r\n';
    const args = curlArgs({
      method: 'POST',
      url: '/occi/demo/compute/',
      requestHeaders: [['Content-Type', 'text/plain']],
      requestBody: body,
    });
    expect(args.at(-2)).toBe('--data-binary');
    expect(args.at(-1)).toBe(body);
  });

  it('cannot be broken out of through the method or the URL', () => {
    const args = curlArgs({
      method: "POST'; echo pwned; '",
      url: "/occi/demo/compute/x'y?action=$(id)",
      requestHeaders: [],
      requestBody: '`id`',
    });
    expect(args).toContain("POST'; ECHO PWNED; '");
    expect(args).toContain("https://cloud.example.org:8787/occi1.2/compute/x'y?action=$(id)");
    expect(args.at(-1)).toBe('`id`');
  });

  it('joins endpoint URLs with or without a trailing slash to one slash', () => {
    const a = copyAsCurl(listCompute, { ...upstream, endpointUrl: 'https://c.example/occi' });
    const b = copyAsCurl(listCompute, { ...upstream, endpointUrl: 'https://c.example/occi/' });
    expect(a).toContain('https://c.example/occi/compute/');
    expect(b).toBe(a);
  });

  it('writes one option per line, ready to paste', () => {
    expect(copyAsCurl(listCompute, upstream)).toBe(
      "curl -i 'https://cloud.example.org:8787/occi1.2/compute/' \\\n" +
        "  -H 'Accept: text/plain' \\\n" +
        '  -H "X-Auth-Token: $OCCI_TOKEN"',
    );
  });
});
