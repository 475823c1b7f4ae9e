import type { Exchange } from '../../lib/exchange.ts';
import { type AttributeValue, type Entity, parseMessage, splitTypeId } from '../../occi/index.ts';
import { endpointPathOf, headerValue } from './exchange-facts.ts';
import { shellQuote } from './shell-quote.ts';

/** An rOCCI-cli command, and what it could not carry from the request. */
export interface RocciCommand {
  readonly command: string;
  readonly caveats: readonly string[];
}

const QUERY_INTERFACE = /^\/(?:\.well-known\/org\/ogf\/occi\/)?-\/$/;
const COLLECTION = /^\/([^/]+)\/$/;
const INSTANCE = /^\/[^/]+\/[^/]+$/;

/**
 * rOCCI-cli's `--mixin` takes `TYPE#NAME` for templates (`os_tpl#cirros`, `resource_tpl#m1.tiny`) and
 * `SCHEME#NAME` (the full type identifier) for anything else.
 */
function mixinArgument(typeId: string): string {
  const { scheme, term } = splitTypeId(typeId);
  if (/(?:\/os_tpl|\/template\/os)#$/.test(scheme)) return `os_tpl#${term}`;
  if (/(?:\/resource_tpl|\/template\/resource)#$/.test(scheme)) return `resource_tpl#${term}`;
  return typeId;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function scalarText(value: AttributeValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parseCreatedEntity(exchange: Pick<Exchange, 'requestHeaders' | 'requestBody'>): Entity | undefined {
  try {
    return parseMessage('entity', {
      contentType: headerValue(exchange.requestHeaders, 'content-type') ?? null,
      headers: exchange.requestHeaders,
      body: exchange.requestBody,
    });
  } catch {
    return undefined;
  }
}

/**
 * The rOCCI-cli command (`occi`, rOCCI-cli 4.x) that does what the exchange did, where one exists:
 * the query interface (`--dump-model`), list, describe, create, trigger and delete. Flags as
 * rOCCI-cli's option parser defines them: `--endpoint`, `--action`, `--resource`, `--mixin`,
 * `--attribute`, `--trigger-action`.
 */
export function copyAsRocci(
  exchange: Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>,
  endpointUrl: string,
): RocciCommand | undefined {
  const method = exchange.method.toUpperCase();
  const { path, search, occi } = endpointPathOf(exchange);
  if (!occi) return undefined;
  const action = new URLSearchParams(search).get('action');
  const base = ['occi', '--endpoint', shellQuote(endpointUrl.replace(/\/+$/, ''))];
  const caveats = ['Add the authentication options your site needs (--auth and its companions; see occi --help).'];
  const done = (...words: string[]): RocciCommand => ({ command: [...base, ...words].join(' '), caveats });

  if (method === 'GET' && QUERY_INTERFACE.test(path)) return done('--dump-model');
  const collection = COLLECTION.exec(path);
  if (method === 'GET' && collection !== null && search === '') {
    return done('--action', 'list', '--resource', shellQuote(decoded(collection[1] ?? '')));
  }
  if (INSTANCE.test(path)) {
    const resource = shellQuote(decoded(path));
    if (method === 'GET' && search === '') return done('--action', 'describe', '--resource', resource);
    if (method === 'DELETE') return done('--action', 'delete', '--resource', resource);
    if (method === 'POST' && action !== null) {
      if (exchange.requestBody !== '' || exchange.requestHeaders.some(([name]) => /^x-occi-attribute$/i.test(name))) {
        caveats.push('The action parameters are not passed: rOCCI-cli triggers an action without them.');
      }
      return done('--action', 'trigger', '--resource', resource, '--trigger-action', shellQuote(action));
    }
    return undefined;
  }
  if (method === 'POST' && collection !== null && action === null) {
    const entity = parseCreatedEntity(exchange);
    if (entity === undefined) return undefined;
    const words = ['--action', 'create', '--resource', shellQuote(splitTypeId(entity.kind).term)];
    for (const mixin of entity.mixins) words.push('--mixin', shellQuote(mixinArgument(mixin)));
    for (const [name, value] of entity.attributes) {
      const text = scalarText(value);
      // rOCCI-cli reads --attribute as a comma-separated list: a comma in a value would split it.
      if (text === undefined || text.includes(',')) {
        caveats.push(`${name} is left out: rOCCI-cli cannot pass this value with --attribute.`);
        continue;
      }
      words.push('--attribute', shellQuote(`${name}=${text}`));
    }
    if (entity.entityType === 'resource' && entity.links.length > 0) {
      caveats.push('Inline links are left out: add them with --link <location>.');
    }
    return done(...words);
  }
  return undefined;
}
