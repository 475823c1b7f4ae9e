import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The session, kept in the browser as one encrypted cookie so that any proxy instance holding the
 * same secret can read it (no server-side store). AES-256-GCM authenticates as well as encrypts: a
 * cookie that was altered, or sealed with another secret, opens to nothing rather than to an error.
 */

export const SESSION_COOKIE = 'occi_session';

/** Browsers keep at least 4096 bytes per cookie (RFC 6265 §6.1); the whole Set-Cookie value stays below. */
export const MAX_SET_COOKIE_BYTES = 4096;

/** No credential outlives this in the browser, whatever the cloud says. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export type SessionEntry =
  /** A token the user pasted (endpoint mode `user-token`). */
  | { readonly kind: 'token'; readonly token: string; readonly expiresAt: number }
  /** HTTP basic: the password is needed on every forwarded request, so it is kept (encrypted). */
  | { readonly kind: 'basic'; readonly user: string; readonly password: string; readonly expiresAt: number }
  /** A Keystone token; `project` is the project (tenant) id Keystone scoped it to. */
  | {
      readonly kind: 'keystone';
      readonly token: string;
      readonly user: string;
      readonly project: string;
      readonly projectName?: string;
      readonly expiresAt: number;
    };

export interface Session {
  /** By endpoint id. */
  readonly endpoints: Readonly<Record<string, SessionEntry>>;
  readonly issuedAt: number;
}

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose: the same key could not open some other sealed value as a session. */
const AAD = Buffer.from(`${SESSION_COOKIE} v${FORMAT_VERSION}`);
const ENDPOINT_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface SessionCodec {
  seal(session: Session): string;
  /** The session, or null when the value is not one this secret sealed (tampered, truncated, other secret). */
  open(value: string): Session | null;
}

export function createSessionCodec(secret: Buffer): SessionCodec {
  if (secret.length < 32) throw new Error('the session secret must be at least 32 bytes');
  const key = Buffer.from(hkdfSync('sha256', secret, 'occi-console', 'occi_session cookie encryption', 32));
  return {
    seal(session) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(value) {
      if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
      const raw = Buffer.from(value, 'base64url');
      if (raw.length < 1 + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT_VERSION) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 1 + IV_BYTES));
        decipher.setAAD(AAD);
        decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
        const text = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
        return asSession(JSON.parse(text.toString('utf8')));
      } catch {
        return null;
      }
    },
  };
}

/** The cookie header's `occi_session` values, in order (a browser may send more than one). */
export function sessionCookieValues(cookieHeader: string | undefined): string[] {
  if (cookieHeader === undefined) return [];
  const values: string[] = [];
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() === SESSION_COOKIE) values.push(pair.slice(at + 1).trim());
  }
  return values;
}

/**
 * The Cookie header to forward upstream: the session cookie taken out (undefined when nothing is
 * left). An OCCI server must never see it: replayed at the proxy, it would carry the user's
 * credentials for every other endpoint.
 */
export function withoutSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  const kept = cookieHeader
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && (pair.split('=', 1)[0] ?? '').trim() !== SESSION_COOKIE);
  return kept.length > 0 ? kept.join('; ') : undefined;
}

export interface CookieAttributes {
  readonly maxAgeSeconds: number;
  readonly secure: boolean;
}

export function serializeSessionCookie(value: string, { maxAgeSeconds, secure }: CookieAttributes): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearSessionCookie(secure: boolean): string {
  return serializeSessionCookie('', { maxAgeSeconds: 0, secure });
}

// The sealed JSON is trusted only after authentication, and even then checked field by field: a
// cookie written by an older or newer version of the proxy must not reach a header half-formed.
function asSession(value: unknown): Session | null {
  if (!isRecord(value) || typeof value.issuedAt !== 'number' || !isRecord(value.endpoints)) return null;
  const endpoints: Record<string, SessionEntry> = {};
  for (const [id, entry] of Object.entries(value.endpoints)) {
    // Endpoint ids are `[a-z0-9][a-z0-9-]*` (endpoint-config.ts); anything else (`__proto__`) is skipped.
    if (!ENDPOINT_ID.test(id)) continue;
    const parsed = asEntry(entry);
    if (parsed !== null) endpoints[id] = parsed;
  }
  return { endpoints, issuedAt: value.issuedAt };
}

function asEntry(value: unknown): SessionEntry | null {
  if (!isRecord(value) || typeof value.expiresAt !== 'number') return null;
  const { expiresAt } = value;
  switch (value.kind) {
    case 'token':
      return typeof value.token === 'string' ? { kind: 'token', token: value.token, expiresAt } : null;
    case 'basic':
      return typeof value.user === 'string' && typeof value.password === 'string'
        ? { kind: 'basic', user: value.user, password: value.password, expiresAt }
        : null;
    case 'keystone':
      if (typeof value.token !== 'string' || typeof value.user !== 'string' || typeof value.project !== 'string') {
        return null;
      }
      return {
        kind: 'keystone',
        token: value.token,
        user: value.user,
        project: value.project,
        ...(typeof value.projectName === 'string' ? { projectName: value.projectName } : {}),
        expiresAt,
      };
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
