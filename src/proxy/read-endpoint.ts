import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type DemoCloudOptions,
  type DemoSeed,
  QUIRK_PROFILES,
  type QuirkProfile,
} from '../demo-cloud/demo-cloud-options.ts';
import type { AuthConfig, EndpointConfig, TlsConfig } from './endpoint-config.ts';

/** The id pattern of `EndpointConfig.id`: it becomes one path segment under `/occi/`. */
export const ENDPOINT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Where a demo endpoint's URL goes until its demo cloud is listening (start-proxy.ts sets the real one). */
export const DEMO_PLACEHOLDER_URL = 'http://127.0.0.1:0/';

export const AUTH_MODES: readonly AuthConfig['mode'][] = ['none', 'fixed-token', 'user-token', 'basic', 'keystone'];

/**
 * Names a field for an error message: `auth.url` becomes `OCCI_KEYSTONE_URL` for the environment and
 * `endpoints.json: endpoint "site-a" (#2) auth.url` for a file, so each message says where to look.
 */
export type FieldNamer = (field: string) => string;

interface Reader {
  readonly name: FieldNamer;
  readonly errors: string[];
  /** Relative file names are resolved against this (the endpoints file's folder, or the working directory). */
  readonly baseDir: string;
}

const ENDPOINT_KEYS = ['id', 'title', 'url', 'auth', 'tls', 'demo'];
const AUTH_KEYS = ['mode', 'token', 'url', 'version', 'project', 'domain', 'sendProjectId'];
const TLS_KEYS = ['caFile', 'certFile', 'keyFile', 'insecure'];
const DEMO_KEYS = ['profile', 'seed', 'actionDelayMs', 'latencyMs', 'errorRate'];

/**
 * Validates one endpoint as given in the endpoints file (or built from the `OCCI_*` variables), adding
 * every problem found to `errors`. Returns the endpoint only when it had none.
 */
export function readEndpoint(
  raw: unknown,
  name: FieldNamer,
  baseDir: string,
  errors: string[],
): EndpointConfig | undefined {
  const reader: Reader = { name, errors, baseDir };
  const before = errors.length;
  if (!isObject(raw)) {
    errors.push(`${name('')}: must be an object with id, url and auth`);
    return undefined;
  }
  unknownKeys(reader, raw, ENDPOINT_KEYS, '');

  const id = raw.id;
  if (typeof id !== 'string' || !ENDPOINT_ID_PATTERN.test(id)) {
    errors.push(
      `${name('id')}: must be 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit (it becomes the path /occi/<id>/)`,
    );
  }

  let title: string | undefined;
  if (raw.title !== undefined) {
    if (typeof raw.title !== 'string' || raw.title.trim() === '' || raw.title.length > 200) {
      errors.push(`${name('title')}: must be a non-empty text of at most 200 characters`);
    } else title = raw.title.trim();
  }

  let demoOptions: DemoCloudOptions | undefined;
  let url: URL | undefined;
  if (raw.demo !== undefined) {
    demoOptions = readDemoOptions(reader, raw.demo);
    if (raw.url !== undefined)
      errors.push(`${name('url')}: a demo endpoint has no URL (its demo cloud runs in the proxy)`);
    if (raw.tls !== undefined) errors.push(`${name('tls')}: a demo endpoint has no TLS options`);
  } else {
    url = readHttpUrl(reader, raw.url, 'url');
  }

  const auth = readAuth(reader, raw.auth);
  const tls = raw.demo === undefined ? readTls(reader, raw.tls, url) : { insecure: false };

  if (errors.length > before || typeof id !== 'string' || auth === undefined || tls === undefined) return undefined;
  if (demoOptions !== undefined) {
    return { id, title: title ?? 'Demo cloud', url: new URL(DEMO_PLACEHOLDER_URL), auth, tls, demo: true, demoOptions };
  }
  if (url === undefined) return undefined;
  return { id, title: title ?? url.host, url, auth, tls };
}

function readAuth(reader: Reader, raw: unknown): AuthConfig | undefined {
  const { name, errors } = reader;
  if (raw === undefined) return { mode: 'none' };
  if (!isObject(raw)) {
    errors.push(`${name('auth')}: must be an object such as {"mode": "none"}`);
    return undefined;
  }
  unknownKeys(reader, raw, AUTH_KEYS, 'auth.');
  const mode = raw.mode;
  if (typeof mode !== 'string' || !(AUTH_MODES as readonly string[]).includes(mode)) {
    errors.push(`${name('auth.mode')}: must be one of ${AUTH_MODES.join(', ')} (found ${shown(mode)})`);
    return undefined;
  }
  const onlyFor = (field: string, forMode: string) => {
    if (raw[field] !== undefined && mode !== forMode) {
      errors.push(`${name(`auth.${field}`)}: only used when the auth mode is ${forMode} (it is ${mode})`);
    }
  };
  onlyFor('token', 'fixed-token');
  for (const field of ['url', 'version', 'project', 'domain', 'sendProjectId']) onlyFor(field, 'keystone');

  switch (mode) {
    case 'none':
    case 'user-token':
    case 'basic':
      return { mode };
    case 'fixed-token': {
      const token = raw.token;
      if (typeof token !== 'string' || token === '') {
        errors.push(`${name('auth.token')}: required when the auth mode is fixed-token`);
        return undefined;
      }
      if (!/^[\x21-\x7e]+$/.test(token)) {
        errors.push(`${name('auth.token')}: must be printable ASCII without spaces (it is sent as a header)`);
        return undefined;
      }
      return { mode, token };
    }
    case 'keystone': {
      const url = raw.url === undefined ? undefined : readHttpUrl(reader, raw.url, 'auth.url');
      if (raw.url === undefined) errors.push(`${name('auth.url')}: required when the auth mode is keystone`);
      const version = raw.version;
      if (version !== 'v3' && version !== 'v2.0') {
        errors.push(
          `${name('auth.version')}: required when the auth mode is keystone: v3 or v2.0 (found ${shown(version)})`,
        );
      }
      const project = optionalText(reader, raw.project, 'auth.project');
      const domain = optionalText(reader, raw.domain, 'auth.domain');
      if (domain !== undefined && version === 'v2.0') {
        errors.push(`${name('auth.domain')}: Keystone v2.0 has no domains`);
      }
      const sendProjectId = raw.sendProjectId;
      if (sendProjectId !== undefined && typeof sendProjectId !== 'boolean') {
        errors.push(`${name('auth.sendProjectId')}: must be true or false`);
      }
      if (url === undefined || (version !== 'v3' && version !== 'v2.0')) return undefined;
      return {
        mode,
        version,
        url,
        ...(project === undefined ? {} : { project }),
        ...(domain === undefined ? {} : { domain }),
        ...(typeof sendProjectId === 'boolean' ? { sendProjectId } : {}),
      };
    }
  }
  return undefined;
}

function readTls(reader: Reader, raw: unknown, url: URL | undefined): TlsConfig | undefined {
  const { name, errors } = reader;
  if (raw === undefined) return { insecure: false };
  if (!isObject(raw)) {
    errors.push(`${name('tls')}: must be an object such as {"caFile": "ca.pem"}`);
    return undefined;
  }
  const before = errors.length;
  unknownKeys(reader, raw, TLS_KEYS, 'tls.');
  const caFile = optionalFile(reader, raw.caFile, 'tls.caFile');
  const certFile = optionalFile(reader, raw.certFile, 'tls.certFile');
  const keyFile = optionalFile(reader, raw.keyFile, 'tls.keyFile');
  const insecure = raw.insecure;
  if (insecure !== undefined && typeof insecure !== 'boolean')
    errors.push(`${name('tls.insecure')}: must be true or false`);
  if ((raw.certFile === undefined) !== (raw.keyFile === undefined)) {
    errors.push(
      `${name(raw.certFile === undefined ? 'tls.certFile' : 'tls.keyFile')}: a client certificate needs both certFile and keyFile`,
    );
  }
  const usesTls = raw.caFile !== undefined || raw.certFile !== undefined || insecure === true;
  if (usesTls && url !== undefined && url.protocol !== 'https:') {
    errors.push(`${name('tls')}: TLS options need an https URL (the URL is ${url.protocol}//)`);
  }
  if (errors.length > before) return undefined;
  const tls: TlsConfig = {
    insecure: insecure === true,
    ...(caFile === undefined ? {} : { caFile }),
    ...(certFile === undefined ? {} : { certFile }),
    ...(keyFile === undefined ? {} : { keyFile }),
  };
  // Parse them now, so a PEM that is no PEM, or a key that does not match its certificate, stops the
  // start instead of the first request.
  const problem = checkTlsFiles(caFile, certFile, keyFile);
  if (problem !== undefined) {
    errors.push(`${name('tls')}: ${problem}`);
    return undefined;
  }
  return tls;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function checkTlsFiles(caFile?: string, certFile?: string, keyFile?: string): string | undefined {
  const certificates = (file: string, field: string): X509Certificate[] | string => {
    const pems = readFileSync(file, 'utf8').match(PEM_CERTIFICATE) ?? [];
    if (pems.length === 0) return `${field} ${file} holds no PEM certificate`;
    try {
      return pems.map((pem) => new X509Certificate(pem));
    } catch (error) {
      return `${field} ${file} holds a certificate that cannot be read: ${messageOf(error)}`;
    }
  };
  if (caFile !== undefined) {
    const ca = certificates(caFile, 'caFile');
    if (typeof ca === 'string') return ca;
  }
  if (certFile !== undefined && keyFile !== undefined) {
    const cert = certificates(certFile, 'certFile');
    if (typeof cert === 'string') return cert;
    let key: KeyObject;
    try {
      key = createPrivateKey(readFileSync(keyFile));
    } catch (error) {
      return `keyFile ${keyFile} holds no private key that can be read (an encrypted key needs its passphrase removed): ${messageOf(error)}`;
    }
    if (!(cert[0] as X509Certificate).checkPrivateKey(key)) {
      return `keyFile ${keyFile} is not the key of the certificate in certFile ${certFile}`;
    }
  }
  return undefined;
}

function readDemoOptions(reader: Reader, raw: unknown): DemoCloudOptions | undefined {
  const { name, errors } = reader;
  if (!isObject(raw)) {
    errors.push(`${name('demo')}: must be an object such as {"profile": "ooi"}`);
    return undefined;
  }
  unknownKeys(reader, raw, DEMO_KEYS, 'demo.');
  const before = errors.length;
  const options: {
    profile?: QuirkProfile;
    seed?: DemoSeed;
    actionDelayMs?: number;
    latencyMs?: number;
    errorRate?: number;
  } = {};
  if (raw.profile !== undefined) {
    if (typeof raw.profile === 'string' && (QUIRK_PROFILES as readonly string[]).includes(raw.profile)) {
      options.profile = raw.profile as QuirkProfile;
    } else errors.push(`${name('demo.profile')}: must be one of ${QUIRK_PROFILES.join(', ')}`);
  }
  if (raw.seed !== undefined) {
    const seed = raw.seed;
    if (seed === 'tenant' || seed === 'empty') options.seed = seed;
    else if (
      isObject(seed) &&
      Object.keys(seed).length === 1 &&
      Number.isInteger(seed.resources) &&
      (seed.resources as number) >= 0 &&
      (seed.resources as number) <= 10_000
    ) {
      options.seed = { resources: seed.resources as number };
    } else errors.push(`${name('demo.seed')}: must be "tenant", "empty" or {"resources": N} with N up to 10000`);
  }
  for (const field of ['actionDelayMs', 'latencyMs'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) options[field] = value;
    else errors.push(`${name(`demo.${field}`)}: must be a whole number of milliseconds, 0 or more`);
  }
  if (raw.errorRate !== undefined) {
    const value = raw.errorRate;
    if (typeof value === 'number' && value >= 0 && value <= 1) options.errorRate = value;
    else errors.push(`${name('demo.errorRate')}: must be a number from 0 to 1`);
  }
  return errors.length > before ? undefined : options;
}

/** An absolute http or https URL with no credentials, query or fragment; its path made to end in `/`. */
export function readHttpUrl(reader: Pick<Reader, 'name' | 'errors'>, raw: unknown, field: string): URL | undefined {
  const { name, errors } = reader;
  if (typeof raw !== 'string' || raw.trim() === '') {
    errors.push(`${name(field)}: required: an http or https URL`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: a malformed URL may still carry a password.
    errors.push(`${name(field)}: not a valid absolute URL`);
    return undefined;
  }
  const problems: string[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    problems.push(`must be http or https, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') {
    problems.push('must not carry a user name or password (configure auth instead)');
  }
  if (raw.includes('#')) problems.push('must not have a fragment (#...)');
  if (raw.includes('?')) problems.push('must not have a query string (?...)');
  if (url.hostname === '') problems.push('must name a host');
  if (problems.length > 0) {
    // The URL may carry a password: name the field, never echo the value.
    errors.push(`${name(field)}: ${problems.join('; ')}`);
    return undefined;
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

function optionalText(reader: Reader, raw: unknown, field: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') {
    reader.errors.push(`${reader.name(field)}: must be a non-empty text`);
    return undefined;
  }
  return raw;
}

function optionalFile(reader: Reader, raw: unknown, field: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw === '') {
    reader.errors.push(`${reader.name(field)}: must be a file name`);
    return undefined;
  }
  const path = resolve(reader.baseDir, raw);
  try {
    if (!statSync(path).isFile()) {
      reader.errors.push(`${reader.name(field)}: ${path} is not a file`);
      return undefined;
    }
    accessSync(path, constants.R_OK);
  } catch (error) {
    reader.errors.push(`${reader.name(field)}: cannot read ${path} (${codeOf(error)})`);
    return undefined;
  }
  return path;
}

function unknownKeys(reader: Reader, raw: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      reader.errors.push(`${reader.name(`${prefix}${key}`)}: unknown field (known: ${known.join(', ')})`);
    }
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : messageOf(error);
}
