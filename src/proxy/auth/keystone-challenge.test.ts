import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '../endpoint-config.ts';
import { keystoneAllowed, parseKeystoneChallenge } from './keystone-challenge.ts';

describe('parseKeystoneChallenge', () => {
  it.each([
    // rOCCI-server 1.x and 2.x quote with single quotes.
    ["Keystone uri='https://keystone.example:5000/v2.0'", 'https://keystone.example:5000/v2.0'],
    // keystonemiddleware quotes with double quotes.
    ['Keystone uri="https://keystone.example:5000/v3"', 'https://keystone.example:5000/v3'],
    ['Keystone uri=https://keystone.example:5000/', 'https://keystone.example:5000/'],
    ['keystone URI = "http://10.0.0.1:35357/v2.0/"', 'http://10.0.0.1:35357/v2.0/'],
    ['Basic realm="site", Keystone uri="https://ks.example/identity/v3"', 'https://ks.example/identity/v3'],
    ['Keystone uri=\'https://ks.example/v3\', realm="x"', 'https://ks.example/v3'],
  ])('%s', (header, expected) => {
    expect(parseKeystoneChallenge(header)?.href).toBe(expected);
  });

  it.each([
    '',
    'Basic realm="x"',
    'Bearer realm="x", uri="https://ks.example/v3"',
    'NotKeystone uri="https://ks.example/v3"',
    'Keystone realm="x"',
    "Keystone uri=''",
    'Keystone uri="not a url"',
    'Keystone uri="javascript:alert(1)"',
    'Keystone uri="file:///etc/passwd"',
    'Keystone uri="https://user:pass@ks.example/v3"',
  ])('none in %j', (header) => {
    expect(parseKeystoneChallenge(header)).toBeNull();
  });
});

describe('keystoneAllowed', () => {
  const keystone = (url: string): { auth: AuthConfig } => ({
    auth: { mode: 'keystone', version: 'v3', url: new URL(url) },
  });

  it('allows the configured Keystone, under any version of it', () => {
    const endpoint = keystone('https://ks.example:5000/v3');
    expect(keystoneAllowed(endpoint, 'https://ks.example:5000/v3')).toBe(true);
    expect(keystoneAllowed(endpoint, 'https://ks.example:5000/v3/')).toBe(true);
    expect(keystoneAllowed(endpoint, new URL('https://ks.example:5000/v2.0'))).toBe(true);
    expect(keystoneAllowed(endpoint, 'https://ks.example:5000/')).toBe(true);
  });

  it('keeps to the path the Keystone is mounted under', () => {
    const endpoint = keystone('https://cloud.example/identity/v3/');
    expect(keystoneAllowed(endpoint, 'https://cloud.example/identity/v2.0')).toBe(true);
    expect(keystoneAllowed(endpoint, 'https://cloud.example/identity')).toBe(true);
    expect(keystoneAllowed(endpoint, 'https://cloud.example/identity-evil/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'https://cloud.example/other/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'https://cloud.example/')).toBe(false);
    expect(keystoneAllowed(endpoint, 'https://cloud.example/x/../identity/v3')).toBe(true);
  });

  it('refuses another origin: host, port or scheme', () => {
    const endpoint = keystone('https://ks.example:5000/v3');
    expect(keystoneAllowed(endpoint, 'https://evil.example:5000/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'https://ks.example:5001/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'http://ks.example:5000/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'https://ks.example.evil.example:5000/v3')).toBe(false);
    expect(keystoneAllowed(endpoint, 'not a url')).toBe(false);
  });

  it('refuses every endpoint not configured for Keystone', () => {
    const url = 'https://ks.example:5000/v3';
    for (const auth of [
      { mode: 'none' },
      { mode: 'fixed-token', token: 't' },
      { mode: 'user-token' },
      { mode: 'basic' },
    ] as const) {
      expect(keystoneAllowed({ auth }, url)).toBe(false);
    }
  });

  it('works on what parseKeystoneChallenge finds', () => {
    const challenge = parseKeystoneChallenge("Keystone uri='https://ks.example:5000/v2.0'");
    expect(challenge).not.toBeNull();
    if (challenge !== null) expect(keystoneAllowed(keystone('https://ks.example:5000/v3'), challenge)).toBe(true);
  });
});
