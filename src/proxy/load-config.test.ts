import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointConfig } from './endpoint-config.ts';
import { DEFAULT_APP_DIR, loadConfig } from './load-config.ts';
import type { ProxyConfig } from './proxy-config.ts';

const TLS = fileURLToPath(new URL('./test-support/tls/', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'occi-console-config-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function config(env: NodeJS.ProcessEnv): ProxyConfig {
  const result = loadConfig(env, { cwd: dir });
  if (!result.ok) throw new Error(`expected a valid configuration, got:\n${result.errors.join('\n')}`);
  return result.config;
}

function errors(env: NodeJS.ProcessEnv): readonly string[] {
  const result = loadConfig(env, { cwd: dir });
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.errors;
}

let files = 0;
function endpointsFile(content: unknown): string {
  const path = join(dir, `endpoints-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function only(result: ProxyConfig): EndpointConfig {
  expect(result.endpoints).toHaveLength(1);
  return result.endpoints[0] as EndpointConfig;
}

describe('defaults', () => {
  it('serves the demo cloud as endpoint demo on 127.0.0.1:8080 with sane limits', () => {
    const result = config({});
    const demo = only(result);
    expect(demo.id).toBe('demo');
    expect(demo.demo).toBe(true);
    expect(demo.auth).toEqual({ mode: 'none' });
    expect(result.port).toBe(8080);
    expect(result.host).toBe('127.0.0.1');
    expect(result.limits).toEqual({
      maxBodyBytes: 10 * 1024 * 1024,
      maxHeaderBytes: 16 * 1024,
      maxUpstreamHeaderBytes: 256 * 1024,
      connectTimeoutMs: 5000,
      firstByteTimeoutMs: 30000,
      totalTimeoutMs: 120000,
    });
    expect(result.sessionSecretGenerated).toBe(true);
    expect(result.sessionSecret.length).toBe(32);
    expect(result.appDir).toBe(DEFAULT_APP_DIR);
    expect(result.publicOrigin).toBeUndefined();
  });

  it('takes a quirk profile for the demo cloud', () => {
    expect(only(config({ OCCI_DEMO_PROFILE: 'ooi' })).demoOptions).toEqual({ profile: 'ooi' });
    expect(errors({ OCCI_DEMO_PROFILE: 'nova' })[0]).toContain('OCCI_DEMO_PROFILE');
    expect(errors({ OCCI_DEMO_PROFILE: 'ooi', OCCI_ENDPOINT: 'http://cloud.example/' })[0]).toContain(
      'OCCI_DEMO_PROFILE',
    );
  });

  it('takes how long the demo cloud takes over an action', () => {
    expect(only(config({ OCCI_DEMO_ACTION_DELAY_MS: '200' })).demoOptions).toEqual({ actionDelayMs: 200 });
    expect(only(config({ OCCI_DEMO_PROFILE: 'rocci', OCCI_DEMO_ACTION_DELAY_MS: '0' })).demoOptions).toEqual({
      profile: 'rocci',
      actionDelayMs: 0,
    });
    expect(errors({ OCCI_DEMO_ACTION_DELAY_MS: 'soon' })[0]).toContain('OCCI_DEMO_ACTION_DELAY_MS');
    expect(errors({ OCCI_DEMO_ACTION_DELAY_MS: '200', OCCI_ENDPOINT: 'http://cloud.example/' })[0]).toContain(
      'OCCI_DEMO_ACTION_DELAY_MS',
    );
  });

  it('reads PORT, HOST, OCCI_APP_DIR, OCCI_PUBLIC_ORIGIN and the limits', () => {
    const result = config({
      PORT: '9000',
      HOST: '0.0.0.0',
      OCCI_APP_DIR: 'build',
      OCCI_PUBLIC_ORIGIN: 'https://console.example.org',
      OCCI_MAX_BODY_BYTES: '1000',
      OCCI_MAX_HEADER_BYTES: '8192',
      OCCI_MAX_UPSTREAM_HEADER_BYTES: '65536',
      OCCI_CONNECT_TIMEOUT_MS: '100',
      OCCI_FIRST_BYTE_TIMEOUT_MS: '200',
      OCCI_TOTAL_TIMEOUT_MS: '300',
    });
    expect(result.port).toBe(9000);
    expect(result.host).toBe('0.0.0.0');
    expect(result.appDir).toBe(join(dir, 'build'));
    expect(result.publicOrigin).toBe('https://console.example.org');
    expect(result.limits).toEqual({
      maxBodyBytes: 1000,
      maxHeaderBytes: 8192,
      maxUpstreamHeaderBytes: 65536,
      connectTimeoutMs: 100,
      firstByteTimeoutMs: 200,
      totalTimeoutMs: 300,
    });
  });

  it('treats empty variables as unset', () => {
    expect(only(config({ OCCI_ENDPOINT: '', PORT: ' ' })).id).toBe('demo');
  });
});

describe('numbers, addresses and the session secret', () => {
  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['OCCI_MAX_BODY_BYTES', '0'],
    ['OCCI_MAX_HEADER_BYTES', '1.5'],
    ['OCCI_CONNECT_TIMEOUT_MS', '-5'],
    ['OCCI_FIRST_BYTE_TIMEOUT_MS', 'soon'],
    ['OCCI_TOTAL_TIMEOUT_MS', '1e3'],
    ['HOST', 'local host'],
    ['OCCI_PUBLIC_ORIGIN', 'https://console.example.org/app'],
    ['OCCI_PUBLIC_ORIGIN', 'console.example.org'],
  ])('refuses %s=%s', (name, value) => {
    const found = errors({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(name);
  });

  it('accepts a session secret of 32 bytes or more in hex or base64, never echoing it', () => {
    const hex = 'ab'.repeat(32);
    expect(config({ SESSION_SECRET: hex }).sessionSecret.equals(Buffer.from(hex, 'hex'))).toBe(true);
    expect(config({ SESSION_SECRET: hex }).sessionSecretGenerated).toBe(false);
    const base64 = Buffer.alloc(48, 7).toString('base64');
    expect(config({ SESSION_SECRET: base64 }).sessionSecret.length).toBe(48);
    const url = Buffer.alloc(40, 255).toString('base64url');
    expect(config({ SESSION_SECRET: url }).sessionSecret.length).toBe(40);
    const short = errors({ SESSION_SECRET: 'abcd1234' });
    expect(short[0]).toContain('at least 32 bytes');
    expect(short[0]).not.toContain('abcd1234');
    expect(errors({ SESSION_SECRET: 'not a secret!' })[0]).toContain('hex or base64');
  });
});

describe('one endpoint from OCCI_ENDPOINT', () => {
  it('is endpoint default, with no auth, its path ending in /', () => {
    const endpoint = only(config({ OCCI_ENDPOINT: 'https://cloud.example.org:8787/occi1.1' }));
    expect(endpoint.id).toBe('default');
    expect(endpoint.url.href).toBe('https://cloud.example.org:8787/occi1.1/');
    expect(endpoint.title).toBe('cloud.example.org:8787');
    expect(endpoint.auth).toEqual({ mode: 'none' });
    expect(endpoint.tls).toEqual({ insecure: false });
  });

  it('takes a fixed token from OCCI_AUTH_TOKEN', () => {
    const endpoint = only(config({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_AUTH_TOKEN: 'tok-123' }));
    expect(endpoint.auth).toEqual({ mode: 'fixed-token', token: 'tok-123' });
  });

  it('takes Keystone and TLS settings from their variables', () => {
    const endpoint = only(
      config({
        OCCI_ENDPOINT: 'https://cloud.example/',
        OCCI_ENDPOINT_TITLE: 'Production',
        OCCI_AUTH: 'keystone',
        OCCI_KEYSTONE_URL: 'https://keystone.example:5000/v3',
        OCCI_KEYSTONE_VERSION: 'v3',
        OCCI_KEYSTONE_DOMAIN: 'Default',
        OCCI_KEYSTONE_SEND_PROJECT_ID: 'true',
        OCCI_TLS_CA_FILE: join(TLS, 'ca.crt'),
      }),
    );
    expect(endpoint.title).toBe('Production');
    expect(endpoint.auth).toEqual({
      mode: 'keystone',
      version: 'v3',
      url: new URL('https://keystone.example:5000/v3/'),
      domain: 'Default',
      sendProjectId: true,
    });
    expect(endpoint.tls).toEqual({ insecure: false, caFile: join(TLS, 'ca.crt') });
  });

  it('names the variable in every problem', () => {
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_AUTH: 'keystone' })).toEqual([
      expect.stringMatching(/^OCCI_KEYSTONE_URL: required/),
      expect.stringMatching(/^OCCI_KEYSTONE_VERSION: required/),
    ]);
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_AUTH: 'fixed-token' })[0]).toMatch(
      /^OCCI_AUTH_TOKEN: required/,
    );
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_AUTH: 'kerberos' })[0]).toMatch(
      /^OCCI_AUTH: must be one of/,
    );
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_AUTH: 'basic', OCCI_AUTH_TOKEN: 't' })[0]).toMatch(
      /^OCCI_AUTH_TOKEN: only used when the auth mode is fixed-token/,
    );
    expect(errors({ OCCI_ENDPOINT: 'https://cloud.example/', OCCI_TLS_INSECURE: 'maybe' })[0]).toMatch(
      /^OCCI_TLS_INSECURE: must be true or false/,
    );
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_TLS_INSECURE: 'true' })[0]).toMatch(
      /need an https URL/,
    );
  });

  it('refuses endpoint variables without OCCI_ENDPOINT, and both ways of configuring at once', () => {
    expect(errors({ OCCI_AUTH_TOKEN: 'tok' })[0]).toMatch(/^OCCI_AUTH_TOKEN: set, but OCCI_ENDPOINT is not/);
    const file = endpointsFile([{ id: 'a', url: 'http://a.example/' }]);
    expect(errors({ OCCI_ENDPOINT: 'http://cloud.example/', OCCI_ENDPOINTS_FILE: file })[0]).toContain('both set');
    expect(errors({ OCCI_ENDPOINTS_FILE: file, OCCI_AUTH_TOKEN: 'tok' })[0]).toMatch(
      /^OCCI_AUTH_TOKEN: only used with OCCI_ENDPOINT/,
    );
  });

  it.each([
    ['ftp://cloud.example/', 'must be http or https'],
    ['http://user:hunter2@cloud.example/', 'user name or password'],
    ['http://cloud.example/#top', 'fragment'],
    ['http://cloud.example/?tenant=1', 'query string'],
    ['cloud.example:8787', 'must be http or https'],
    ['http://', 'not a valid absolute URL'],
  ])('refuses the URL %s', (url, problem) => {
    const found = errors({ OCCI_ENDPOINT: url });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^OCCI_ENDPOINT: /);
    expect(found[0]).toContain(problem);
    expect(found[0]).not.toContain('hunter2');
  });
});

describe('endpoints file', () => {
  it('reads every kind of endpoint', () => {
    const file = endpointsFile([
      {
        id: 'egi-site',
        title: 'EGI FedCloud site',
        url: 'https://fedcloud.example.org:11443/',
        auth: { mode: 'keystone', version: 'v3', url: 'https://keystone.example.org:5000/v3', domain: 'Default' },
        tls: { caFile: join(TLS, 'ca.crt'), certFile: join(TLS, 'client.crt'), keyFile: join(TLS, 'client.key') },
      },
      {
        id: 'legacy',
        url: 'http://occi.example.org:8787/',
        auth: {
          mode: 'keystone',
          version: 'v2.0',
          url: 'http://keystone.example.org:5000/v2.0',
          project: 'demo',
          sendProjectId: true,
        },
      },
      { id: 'fixed', url: 'https://b.example/', auth: { mode: 'fixed-token', token: 'abc' }, tls: { insecure: true } },
      { id: 'pasted', url: 'https://c.example/', auth: { mode: 'user-token' } },
      { id: 'basic-1', url: 'https://d.example/', auth: { mode: 'basic' } },
      {
        id: 'demo-ooi',
        title: 'Demo (ooi)',
        demo: { profile: 'ooi', seed: { resources: 100 }, latencyMs: 50, errorRate: 0.1 },
      },
    ]);
    const result = config({ OCCI_ENDPOINTS_FILE: file });
    expect(result.endpoints.map((endpoint) => endpoint.id)).toEqual([
      'egi-site',
      'legacy',
      'fixed',
      'pasted',
      'basic-1',
      'demo-ooi',
    ]);
    const [egi, legacy, fixed, , , demo] = result.endpoints;
    expect(egi?.tls).toEqual({
      insecure: false,
      caFile: join(TLS, 'ca.crt'),
      certFile: join(TLS, 'client.crt'),
      keyFile: join(TLS, 'client.key'),
    });
    expect(legacy?.auth).toEqual({
      mode: 'keystone',
      version: 'v2.0',
      url: new URL('http://keystone.example.org:5000/v2.0/'),
      project: 'demo',
      sendProjectId: true,
    });
    expect(legacy?.title).toBe('occi.example.org:8787');
    expect(fixed?.tls.insecure).toBe(true);
    expect(demo?.demo).toBe(true);
    expect(demo?.demoOptions).toEqual({ profile: 'ooi', seed: { resources: 100 }, latencyMs: 50, errorRate: 0.1 });
  });

  it('resolves relative file names against the file', () => {
    writeFileSync(join(dir, 'site-ca.crt'), readFileSync(join(TLS, 'ca.crt')));
    const file = endpointsFile([{ id: 'a', url: 'https://a.example/', tls: { caFile: 'site-ca.crt' } }]);
    expect(only(config({ OCCI_ENDPOINTS_FILE: file })).tls.caFile).toBe(join(dir, 'site-ca.crt'));
  });

  it('reads the PEM files, so a file that is no certificate or key stops the start', () => {
    writeFileSync(join(dir, 'empty.pem'), '');
    writeFileSync(join(dir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const entry = (tls: object) => endpointsFile([{ id: 'a', url: 'https://a.example/', tls }]);
    expect(errors({ OCCI_ENDPOINTS_FILE: entry({ caFile: 'empty.pem' }) })[0]).toContain('holds no PEM certificate');
    expect(errors({ OCCI_ENDPOINTS_FILE: entry({ caFile: 'broken.pem' }) })[0]).toContain('cannot be read');
    expect(
      errors({ OCCI_ENDPOINTS_FILE: entry({ certFile: join(TLS, 'client.crt'), keyFile: join(TLS, 'ca.crt') }) })[0],
    ).toContain('no private key');
  });

  it.each([
    ['not there', () => join(dir, 'missing.json'), 'cannot read it (ENOENT)'],
    ['not JSON', () => endpointsFile('[{"id": '), 'not valid JSON'],
    ['not an array', () => endpointsFile({ id: 'a' }), 'must be a JSON array'],
    ['empty', () => endpointsFile([]), 'at least one'],
  ])('refuses a file that is %s', (_name, file, problem) => {
    const found = errors({ OCCI_ENDPOINTS_FILE: file() });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('OCCI_ENDPOINTS_FILE');
    expect(found[0]).toContain(problem);
  });

  const base = { id: 'site', url: 'https://cloud.example/' };
  it.each([
    ['an id with capitals', { ...base, id: 'Site' }, 'id: must be'],
    ['an id with a slash', { ...base, id: 'a/b' }, 'id: must be'],
    ['no id', { url: base.url }, 'id: must be'],
    ['no URL', { id: 'site' }, 'url: required'],
    ['an unknown field', { ...base, insecure: true }, 'insecure: unknown field'],
    ['an unknown auth field', { ...base, auth: { mode: 'basic', user: 'x' } }, 'auth.user: unknown field'],
    ['an unknown mode', { ...base, auth: { mode: 'oauth' } }, 'auth.mode: must be one of'],
    ['keystone without url and version', { ...base, auth: { mode: 'keystone' } }, 'auth.url: required'],
    [
      'keystone with a bad version',
      { ...base, auth: { mode: 'keystone', url: 'https://k/', version: 'v2' } },
      'auth.version',
    ],
    [
      'keystone v2.0 with a domain',
      { ...base, auth: { mode: 'keystone', url: 'https://k/', version: 'v2.0', domain: 'd' } },
      'no domains',
    ],
    [
      'keystone with a bad URL',
      { ...base, auth: { mode: 'keystone', url: 'file:///k', version: 'v3' } },
      'auth.url: must be http',
    ],
    ['fixed-token without a token', { ...base, auth: { mode: 'fixed-token' } }, 'auth.token: required'],
    [
      'a token with a line break',
      { ...base, auth: { mode: 'fixed-token', token: 'a\r\nX-Evil: 1' } },
      'printable ASCII',
    ],
    ['a token for another mode', { ...base, auth: { mode: 'none', token: 't' } }, 'auth.token: only used'],
    [
      'a certificate without its key',
      { ...base, tls: { certFile: join(TLS, 'client.crt') } },
      'both certFile and keyFile',
    ],
    ['an unreadable CA file', { ...base, tls: { caFile: 'nope.pem' } }, 'tls.caFile: cannot read'],
    ['a folder as CA file', { ...base, tls: { caFile: TLS } }, 'is not a file'],
    [
      'a key that does not match',
      { ...base, tls: { certFile: join(TLS, 'client.crt'), keyFile: join(TLS, 'server.key') } },
      'is not the key of',
    ],
    ['TLS options on http', { ...base, url: 'http://cloud.example/', tls: { insecure: true } }, 'need an https URL'],
    ['insecure not a boolean', { ...base, tls: { insecure: 'yes' } }, 'tls.insecure: must be true or false'],
    ['a demo with a URL', { id: 'd', url: 'http://x/', demo: {} }, 'a demo endpoint has no URL'],
    ['a demo with a bad profile', { id: 'd', demo: { profile: 'nova' } }, 'demo.profile'],
    ['a demo with too many resources', { id: 'd', demo: { seed: { resources: 20000 } } }, 'demo.seed'],
    ['a demo with a bad error rate', { id: 'd', demo: { errorRate: 2 } }, 'demo.errorRate'],
  ])('refuses an endpoint with %s', (_name, entry, problem) => {
    const found = errors({ OCCI_ENDPOINTS_FILE: endpointsFile([entry]) });
    expect(found.join('\n')).toContain(problem);
    expect(found.join('\n')).toContain('(#1)');
  });

  it('refuses duplicate ids', () => {
    const found = errors({ OCCI_ENDPOINTS_FILE: endpointsFile([base, { ...base, url: 'https://other.example/' }]) });
    expect(found).toEqual([expect.stringContaining('already used by endpoint #1')]);
  });

  it('collects every problem of every entry and variable at once, never echoing a secret', () => {
    const file = endpointsFile([
      { id: 'A', url: 'ftp://x/', auth: { mode: 'fixed-token', token: 'tok-secret', url: 'x' } },
      { id: 'b', url: 'https://user:pw-secret@x/', auth: { mode: 'keystone', version: 'v4' } },
    ]);
    const found = errors({ OCCI_ENDPOINTS_FILE: file, PORT: 'x', OCCI_TOTAL_TIMEOUT_MS: '0' });
    expect(found.length).toBeGreaterThanOrEqual(7);
    expect(found.some((error) => error.startsWith('PORT'))).toBe(true);
    expect(found.some((error) => error.startsWith('OCCI_TOTAL_TIMEOUT_MS'))).toBe(true);
    expect(found.some((error) => error.includes('"A" (#1) id'))).toBe(true);
    expect(found.some((error) => error.includes('"b" (#2) auth.url: required'))).toBe(true);
    const all = found.join('\n');
    expect(all).not.toContain('tok-secret');
    expect(all).not.toContain('pw-secret');
  });

  it('says when the file cannot be read for permissions', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const file = endpointsFile([base]);
    chmodSync(file, 0);
    expect(errors({ OCCI_ENDPOINTS_FILE: file })[0]).toContain('EACCES');
  });
});
