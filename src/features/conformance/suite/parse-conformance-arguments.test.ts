import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from './fetch-transport.ts';
import { parseConformanceArguments } from './parse-conformance-arguments.ts';

describe('parseConformanceArguments', () => {
  it('takes the URL and defaults: read-only, a table, 30 s per request', () => {
    expect(parseConformanceArguments(['http://127.0.0.1:8787/'])).toEqual({
      kind: 'run',
      arguments: { url: 'http://127.0.0.1:8787/', allowChanges: false, json: false, timeoutMs: DEFAULT_TIMEOUT_MS },
    });
  });

  it('takes every option, in any order, with a value after a space or an =', () => {
    expect(
      parseConformanceArguments([
        '--json',
        '--token',
        'gAAAA-b64==',
        'https://cloud.example/occi1.2',
        '--allow-changes',
        '--timeout-ms=5000',
      ]),
    ).toEqual({
      kind: 'run',
      arguments: {
        url: 'https://cloud.example/occi1.2',
        token: 'gAAAA-b64==',
        allowChanges: true,
        json: true,
        timeoutMs: 5000,
      },
    });
    expect(parseConformanceArguments(['--token=t', 'http://h/'])).toMatchObject({ arguments: { token: 't' } });
    expect(parseConformanceArguments(['--', 'http://h/'])).toMatchObject({ kind: 'run' });
  });

  it('answers --help and -h with help', () => {
    expect(parseConformanceArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseConformanceArguments(['http://h/', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /URL is missing/],
    [['--allow-changes'], /URL is missing/],
    [['http://a/', 'http://b/'], /one endpoint URL at a time/],
    [['cloud.example:8787'], /not an http or https URL/],
    [['not a url'], /is not a URL/],
    [['ftp://cloud.example/'], /not an http or https URL/],
    [['http://h/', '--token'], /--token needs a value/],
    [['http://h/', '--token', '--json'], /--token needs a value/],
    [['http://h/', '--timeout-ms', 'soon'], /whole number of milliseconds/],
    [['http://h/', '--timeout-ms=0'], /at least 1/],
    [['http://h/', '--json=yes'], /--json takes no value/],
    [['http://h/', '--verbose'], /unknown option --verbose/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseConformanceArguments(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
  });
});
