import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  createSessionCodec,
  type Session,
  serializeSessionCookie,
  sessionCookieValues,
  withoutSessionCookie,
} from './session-cookie.ts';

const session: Session = {
  endpoints: {
    cloud: { kind: 'keystone', token: 'gAAAAA-secret-token', user: 'alice', project: 'p1', expiresAt: 2_000_000 },
    site: { kind: 'basic', user: 'bob', password: 'hunter2-secret', expiresAt: 3_000_000 },
  },
  issuedAt: 1_000_000,
};

describe('the session codec', () => {
  it('opens what it sealed, and the sealed value shows nothing of the plaintext', () => {
    const codec = createSessionCodec(randomBytes(32));
    const sealed = codec.seal(session);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const secret of ['gAAAAA-secret-token', 'hunter2-secret', 'alice', 'keystone']) {
      expect(sealed).not.toContain(secret);
      expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain(secret);
    }
    expect(codec.open(sealed)).toEqual(session);
  });

  it('uses a fresh IV every time', () => {
    const codec = createSessionCodec(randomBytes(32));
    expect(codec.seal(session)).not.toBe(codec.seal(session));
  });

  it('opens to nothing when any byte was changed, or the value cut short', () => {
    const codec = createSessionCodec(randomBytes(32));
    const raw = Buffer.from(codec.seal(session), 'base64url');
    for (let at = 0; at < raw.length; at += 7) {
      const tampered = Buffer.from(raw);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(codec.open(tampered.toString('base64url'))).toBeNull();
    }
    expect(codec.open(raw.subarray(0, raw.length - 1).toString('base64url'))).toBeNull();
    expect(codec.open(raw.subarray(0, 20).toString('base64url'))).toBeNull();
  });

  it('opens to nothing under another secret, and never throws on junk', () => {
    const sealed = createSessionCodec(randomBytes(32)).seal(session);
    const other = createSessionCodec(randomBytes(32));
    expect(other.open(sealed)).toBeNull();
    for (const junk of ['', 'x', '%%%', '....', 'AAAA', 'a'.repeat(5000), '{"endpoints":{}}']) {
      expect(other.open(junk)).toBeNull();
    }
  });

  it('opens under the same secret in another codec (another proxy instance)', () => {
    const secret = randomBytes(48);
    expect(createSessionCodec(Buffer.from(secret)).open(createSessionCodec(secret).seal(session))).toEqual(session);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createSessionCodec(randomBytes(31))).toThrow(/32 bytes/);
  });

  it('drops entries of unknown shape and ids that are not endpoint ids', () => {
    const codec = createSessionCodec(randomBytes(32));
    const odd = {
      endpoints: {
        good: { kind: 'token', token: 't', expiresAt: 5 },
        ['__proto__']: { kind: 'token', token: 't', expiresAt: 5 },
        Upper: { kind: 'token', token: 't', expiresAt: 5 },
        half: { kind: 'keystone', token: 't', expiresAt: 5 },
        strange: { kind: 'other', expiresAt: 5 },
      },
      issuedAt: 1,
    } as unknown as Session;
    const opened = codec.open(codec.seal(odd));
    expect(opened?.endpoints).toEqual({ good: { kind: 'token', token: 't', expiresAt: 5 } });
    expect(Object.getPrototypeOf(opened?.endpoints)).toBe(Object.prototype);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, Secure only when asked', () => {
    expect(serializeSessionCookie('abc', { maxAgeSeconds: 60.7, secure: false })).toBe(
      'occi_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Strict',
    );
    expect(serializeSessionCookie('abc', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(clearSessionCookie(false)).toBe('occi_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it('is found among other cookies, every copy of it in order', () => {
    expect(sessionCookieValues(undefined)).toEqual([]);
    expect(sessionCookieValues('a=1; occi_session=first; b=2;occi_session=second')).toEqual(['first', 'second']);
    expect(sessionCookieValues('xocci_session=no; occi_sessions=no')).toEqual([]);
  });
});

describe('withoutSessionCookie', () => {
  it('takes the session cookie out of what goes upstream, and keeps the rest', () => {
    expect(withoutSessionCookie(undefined)).toBeUndefined();
    expect(withoutSessionCookie('occi_session=abc')).toBeUndefined();
    expect(withoutSessionCookie('a=1; occi_session=abc;b=2; occi_session=def')).toBe('a=1; b=2');
    expect(withoutSessionCookie('rack.session=xyz')).toBe('rack.session=xyz');
    expect(withoutSessionCookie(' occi_session = abc ; x=1')).toBe('x=1');
  });
});
