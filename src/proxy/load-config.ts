import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUIRK_PROFILES, type QuirkProfile } from '../demo-cloud/demo-cloud-options.ts';
import type { EndpointConfig } from './endpoint-config.ts';
import { DEFAULT_LIMITS, type ProxyConfig, type ProxyLimits } from './proxy-config.ts';
import { type FieldNamer, isObject, messageOf, readEndpoint, readHttpUrl } from './read-endpoint.ts';

export type LoadConfigResult =
  | { readonly ok: true; readonly config: ProxyConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

export interface LoadConfigOptions {
  /** Relative paths in the environment are resolved against it. Default `process.cwd()`. */
  readonly cwd?: string;
}

/** `dist/` next to package.json: this file is src/proxy/load-config.ts. */
export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** The variables that describe the one endpoint of `OCCI_ENDPOINT`, and the field each fills. */
const SINGLE_ENDPOINT_VARIABLES: Readonly<Record<string, string>> = {
  OCCI_ENDPOINT: 'url',
  OCCI_ENDPOINT_TITLE: 'title',
  OCCI_AUTH: 'auth.mode',
  OCCI_AUTH_TOKEN: 'auth.token',
  OCCI_KEYSTONE_URL: 'auth.url',
  OCCI_KEYSTONE_VERSION: 'auth.version',
  OCCI_KEYSTONE_PROJECT: 'auth.project',
  OCCI_KEYSTONE_DOMAIN: 'auth.domain',
  OCCI_KEYSTONE_SEND_PROJECT_ID: 'auth.sendProjectId',
  OCCI_TLS_CA_FILE: 'tls.caFile',
  OCCI_TLS_CERT_FILE: 'tls.certFile',
  OCCI_TLS_KEY_FILE: 'tls.keyFile',
  OCCI_TLS_INSECURE: 'tls.insecure',
};

const LIMIT_VARIABLES: Readonly<Record<keyof ProxyLimits, string>> = {
  maxBodyBytes: 'OCCI_MAX_BODY_BYTES',
  maxHeaderBytes: 'OCCI_MAX_HEADER_BYTES',
  maxUpstreamHeaderBytes: 'OCCI_MAX_UPSTREAM_HEADER_BYTES',
  connectTimeoutMs: 'OCCI_CONNECT_TIMEOUT_MS',
  firstByteTimeoutMs: 'OCCI_FIRST_BYTE_TIMEOUT_MS',
  totalTimeoutMs: 'OCCI_TOTAL_TIMEOUT_MS',
};

/**
 * Reads and validates the proxy's whole configuration from the environment (and the endpoints file it
 * names). Every problem is collected, so the operator fixes them in one go; nothing is half-applied.
 * Error messages name the variable or the file entry, and never repeat a secret.
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): LoadConfigResult {
  const cwd = options.cwd ?? process.cwd();
  const errors: string[] = [];
  // An empty variable counts as unset (`OCCI_ENDPOINT= npm start`).
  const get = (variable: string): string | undefined => {
    const value = env[variable]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const port = readInteger(get('PORT'), 'PORT', 8080, 0, 65535, errors);
  const host = get('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.-]+$/.test(host) && !isIPv6(host)) {
    errors.push(`HOST: must be a host name or an IP address to listen on (found ${JSON.stringify(host)})`);
  }

  const limits: Record<string, number> = {};
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES)) {
    limits[key] = readInteger(
      get(variable),
      variable,
      DEFAULT_LIMITS[key as keyof ProxyLimits],
      1,
      2 ** 31 - 1,
      errors,
    );
  }

  const secret = readSessionSecret(get('SESSION_SECRET'), errors);

  let publicOrigin: string | undefined;
  const rawOrigin = get('OCCI_PUBLIC_ORIGIN');
  if (rawOrigin !== undefined) {
    const url = readHttpUrl({ name: () => 'OCCI_PUBLIC_ORIGIN', errors }, rawOrigin, 'OCCI_PUBLIC_ORIGIN');
    if (url !== undefined) {
      if (url.pathname !== '/')
        errors.push('OCCI_PUBLIC_ORIGIN: must be an origin only, such as https://console.example.org');
      else publicOrigin = url.origin;
    }
  }

  const rawAppDir = get('OCCI_APP_DIR');
  const appDir = rawAppDir === undefined ? DEFAULT_APP_DIR : resolve(cwd, rawAppDir);

  const endpoints = readEndpoints(get, cwd, errors);

  if (errors.length > 0 || endpoints === undefined) return { ok: false, errors };
  return {
    ok: true,
    config: {
      endpoints,
      port,
      host,
      sessionSecret: secret ?? randomBytes(32),
      sessionSecretGenerated: secret === undefined,
      limits: limits as unknown as ProxyLimits,
      appDir,
      ...(publicOrigin === undefined ? {} : { publicOrigin }),
    },
  };
}

function readEndpoints(
  get: (variable: string) => string | undefined,
  cwd: string,
  errors: string[],
): EndpointConfig[] | undefined {
  const file = get('OCCI_ENDPOINTS_FILE');
  const single = get('OCCI_ENDPOINT');
  const singleVariablesSet = Object.keys(SINGLE_ENDPOINT_VARIABLES).filter(
    (variable) => variable !== 'OCCI_ENDPOINT' && get(variable) !== undefined,
  );
  const demoProfile = get('OCCI_DEMO_PROFILE');
  const demoActionDelay = get('OCCI_DEMO_ACTION_DELAY_MS');
  for (const [variable, value] of [
    ['OCCI_DEMO_PROFILE', demoProfile],
    ['OCCI_DEMO_ACTION_DELAY_MS', demoActionDelay],
  ]) {
    if (value !== undefined && (file !== undefined || single !== undefined)) {
      errors.push(`${variable}: only used when no endpoint is configured (the demo cloud is served then)`);
    }
  }

  if (file !== undefined && single !== undefined) {
    errors.push(
      'OCCI_ENDPOINT and OCCI_ENDPOINTS_FILE are both set: configure one endpoint or a file of them, not both',
    );
    return undefined;
  }

  if (file !== undefined) {
    for (const variable of singleVariablesSet) {
      errors.push(`${variable}: only used with OCCI_ENDPOINT; with OCCI_ENDPOINTS_FILE, put it in the file`);
    }
    return readEndpointsFile(resolve(cwd, file), errors);
  }

  if (single !== undefined) {
    const endpoint = readEndpoint(singleEndpointFromEnvironment(get), environmentFieldName, cwd, errors);
    return endpoint === undefined ? undefined : [endpoint];
  }

  for (const variable of singleVariablesSet) {
    errors.push(`${variable}: set, but OCCI_ENDPOINT is not (set OCCI_ENDPOINT to the cloud's URL)`);
  }
  if (demoProfile !== undefined && !(QUIRK_PROFILES as readonly string[]).includes(demoProfile)) {
    errors.push(`OCCI_DEMO_PROFILE: must be one of ${QUIRK_PROFILES.join(', ')}`);
    return undefined;
  }
  // Nothing configured: the embedded demo cloud, so `npm start` is a working demo on a fresh machine.
  const demoOptions = {
    ...(demoProfile !== undefined && { profile: demoProfile as QuirkProfile }),
    ...(demoActionDelay !== undefined && {
      actionDelayMs: readInteger(demoActionDelay, 'OCCI_DEMO_ACTION_DELAY_MS', 0, 0, 2 ** 31 - 1, errors),
    }),
  };
  const demo = readEndpoint({ id: 'demo', demo: demoOptions }, (field) => `demo endpoint ${field}`, cwd, errors);
  return demo === undefined ? undefined : [demo];
}

function readEndpointsFile(path: string, errors: string[]): EndpointConfig[] | undefined {
  const label = `OCCI_ENDPOINTS_FILE (${path})`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    errors.push(`${label}: cannot read it (${(error as { code?: string }).code ?? messageOf(error)})`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    errors.push(`${label}: not valid JSON: ${messageOf(error)}`);
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(
      `${label}: must be a JSON array of endpoints, at least one, such as [{"id": "site", "url": "https://..."}]`,
    );
    return undefined;
  }
  const endpoints: EndpointConfig[] = [];
  const seen = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const where = `${label}: endpoint ${id === undefined ? '' : `${JSON.stringify(id)} `}(#${index + 1})`;
    const name: FieldNamer = (field) => (field === '' ? where : `${where} ${field}`);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined)
        errors.push(`${where}: the id is already used by endpoint #${first + 1}; ids must be unique`);
      else seen.set(id, index);
    }
    const endpoint = readEndpoint(entry, name, dirname(path), errors);
    if (endpoint !== undefined) endpoints.push(endpoint);
  });
  return endpoints.length === raw.length ? endpoints : undefined;
}

/** The `OCCI_*` variables as an endpoints-file entry, so both are validated by the same code. */
function singleEndpointFromEnvironment(get: (variable: string) => string | undefined): Record<string, unknown> {
  const token = get('OCCI_AUTH_TOKEN');
  const auth: Record<string, unknown> = { mode: get('OCCI_AUTH') ?? (token === undefined ? 'none' : 'fixed-token') };
  const tls: Record<string, unknown> = {};
  const entry: Record<string, unknown> = { id: 'default', url: get('OCCI_ENDPOINT'), auth };
  for (const [variable, field] of Object.entries(SINGLE_ENDPOINT_VARIABLES)) {
    const value = get(variable);
    if (value === undefined || field === 'url' || field === 'auth.mode') continue;
    const isFlag = field === 'auth.sendProjectId' || field === 'tls.insecure';
    const parsed = isFlag ? parseFlag(value) : value;
    if (field === 'title') entry.title = parsed;
    else if (field.startsWith('auth.')) auth[field.slice(5)] = parsed;
    else tls[field.slice(4)] = parsed;
  }
  if (Object.keys(tls).length > 0) entry.tls = tls;
  return entry;
}

function environmentFieldName(field: string): string {
  if (field === '' || field === 'id') return 'OCCI_ENDPOINT';
  if (field === 'tls') return 'OCCI_TLS_*';
  const variable = Object.entries(SINGLE_ENDPOINT_VARIABLES).find(([, f]) => f === field)?.[0];
  return variable ?? field;
}

/** A flag from the environment: true/false, 1/0, yes/no; anything else stays a string and is refused. */
function parseFlag(value: string): boolean | string {
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  return value;
}

function readInteger(
  raw: string | undefined,
  variable: string,
  fallback: number,
  min: number,
  max: number,
  errors: string[],
): number {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    errors.push(
      `${variable}: must be a whole number ${min === 0 ? 'from 0' : 'from 1'} to ${max} (found ${JSON.stringify(raw)})`,
    );
    return fallback;
  }
  return value;
}

/** 32 bytes or more, as hex or base64 (standard or URL-safe). Never echoed in a message. */
function readSessionSecret(raw: string | undefined, errors: string[]): Buffer | undefined {
  if (raw === undefined) return undefined;
  let bytes: Buffer | undefined;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(raw)) bytes = Buffer.from(raw, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw))
    bytes = Buffer.from(raw.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  if (bytes === undefined) {
    errors.push('SESSION_SECRET: must be hex or base64 (for instance the output of `openssl rand -hex 32`)');
    return undefined;
  }
  if (bytes.length < 32) {
    errors.push(`SESSION_SECRET: must hold at least 32 bytes of key material (it holds ${bytes.length})`);
    return undefined;
  }
  return bytes;
}
