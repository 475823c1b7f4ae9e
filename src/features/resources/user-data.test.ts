import { describe, expect, it } from 'vitest';
import { encodeUserData, isUserDataAttribute, USER_DATA_LIMIT, userDataSize } from './user-data.ts';

function decode(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

describe('encodeUserData', () => {
  it('encodes the UTF-8 bytes, so text beyond Latin-1 round-trips', () => {
    expect(encodeUserData('héllo ✓')).toBe('aMOpbGxvIOKckw==');
    expect(decode(encodeUserData('héllo ✓'))).toBe('héllo ✓');
    expect(decode(encodeUserData('#cloud-config\nruncmd:\n  - echo 日本 🚀\n'))).toBe(
      '#cloud-config\nruncmd:\n  - echo 日本 🚀\n',
    );
  });

  it('encodes the demo cloud’s cloud-config as the demo holds it', () => {
    expect(encodeUserData('#cloud-config\npackages:\n  - git\n  - docker.io\n')).toBe(
      'I2Nsb3VkLWNvbmZpZwpwYWNrYWdlczoKICAtIGdpdAogIC0gZG9ja2VyLmlvCg==',
    );
  });

  it('encodes nothing as nothing', () => {
    expect(encodeUserData('')).toBe('');
  });

  it('encodes a 200 kB script without overflowing the stack, every slice in place', () => {
    const line = 'echo "ünïcödé line" >> /var/log/setup.log\n';
    const text = line.repeat(Math.ceil(200_000 / line.length));
    const encoded = encodeUserData(text);
    expect(decode(encoded)).toBe(text);
    expect(encoded.length).toBe(userDataSize(text).encoded);
  });
});

describe('userDataSize', () => {
  it.each(['', 'a', 'ab', 'abc', 'abcd', 'héllo ✓', '🚀'])('counts the bytes and the encoded length of %j', (text) => {
    const size = userDataSize(text);
    expect(size.bytes).toBe(new TextEncoder().encode(text).length);
    expect(size.encoded).toBe(encodeUserData(text).length);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(userDataSize('✓')).toEqual({ bytes: 3, encoded: 4 });
    expect(userDataSize('🚀')).toEqual({ bytes: 4, encoded: 8 });
  });

  it('tells when nova’s limit is passed: Base64 grows in steps of four characters', () => {
    expect(userDataSize('x'.repeat(49_149)).encoded).toBe(65_532);
    expect(userDataSize('x'.repeat(49_149)).encoded).toBeLessThanOrEqual(USER_DATA_LIMIT);
    expect(userDataSize('x'.repeat(49_150)).encoded).toBeGreaterThan(USER_DATA_LIMIT);
  });
});

describe('isUserDataAttribute', () => {
  it.each([
    ['occi.compute.userdata', true],
    ['occi.compute.user_data', true],
    ['org.openstack.compute.user_data', true],
    ['com.example.UserData', true],
    ['occi.compute.userdata.encoding', false],
    ['occi.credentials.ssh.publickey', false],
    ['occi.core.title', false],
  ])('%s: %s', (name, expected) => {
    expect(isUserDataAttribute(name)).toBe(expected);
  });
});
