import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { pathsOf, send } from './test-support/send.ts';

const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;

describe('routing', () => {
  const cloud = createDemoCloud({ actionDelayMs: 0 });

  it('serves the query interface at /-/ and at the RFC 5785 well-known path, identically', async () => {
    const short = await send(cloud, 'GET', '/-/');
    const wellKnownPath = await send(cloud, 'GET', '/.well-known/org/ogf/occi/-/');
    expect(short.status).toBe(200);
    expect(wellKnownPath.status).toBe(200);
    expect(wellKnownPath.body).toBe(short.body);
    const categories = short.parse('categories');
    expect(categories.kinds.map((kind) => kind.term)).toContain('compute');
  });

  it('takes a Kind collection with or without its trailing slash', async () => {
    const withSlash = await send(cloud, 'GET', '/compute/');
    const without = await send(cloud, 'GET', '/compute');
    expect(withSlash.status).toBe(200);
    expect(without.body).toBe(withSlash.body);
    expect(pathsOf(withSlash)).toContain(WEB);
  });

  it('routes the nested link collections, not entities of /storage/ and /network/', async () => {
    const links = await send(cloud, 'GET', '/storage/link/');
    expect(links.status).toBe(200);
    expect(pathsOf(links)).toContain(`/storage/link/${SEED_DOCUMENT_IDS.storageLink}`);
    const interfaces = await send(cloud, 'GET', '/network/interface');
    expect(pathsOf(interfaces).every((location) => location.startsWith('/network/interface/'))).toBe(true);
  });

  it('routes every mixin location to its collection', async () => {
    const answer = await send(cloud, 'GET', '/mixin/resource_tpl/m1.tiny/');
    expect(answer.status).toBe(200);
    expect(pathsOf(answer)).toContain(WEB);
    const withoutSlash = await send(cloud, 'GET', '/tags/production');
    expect(pathsOf(withoutSlash)).toContain(WEB);
  });

  it('routes <kind location><id> to the entity, a trailing slash tolerated', async () => {
    const answer = await send(cloud, 'GET', WEB);
    expect(answer.status).toBe(200);
    expect(answer.parse('entity').kind).toBe(wellKnown.COMPUTE);
    expect((await send(cloud, 'GET', `${WEB}/`)).status).toBe(200);
  });

  it.each(['/', '/nothing', '/compute/no-such-vm', '/compute/a/b', '/mixin/', '/-/x'])(
    'answers %s with a 404 OCCI error',
    async (path) => {
      const answer = await send(cloud, 'GET', path);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/plain');
      expect(answer.headers.get('server')).toContain('OCCI/1.2');
      expect(answer.body).not.toBe('');
    },
  );

  it.each([
    ['PUT', '/-/', 'GET, HEAD, OPTIONS, POST, DELETE'],
    ['PUT', '/compute/', 'GET, HEAD, OPTIONS, POST, DELETE'],
    ['PATCH', WEB, 'GET, HEAD, OPTIONS, POST, PUT, DELETE'],
    ['PATCH', '/tags/production/', 'GET, HEAD, OPTIONS, POST, PUT, DELETE'],
  ])('answers %s %s with 405 and Allow', async (method, path, allow) => {
    const answer = await send(cloud, method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
  });

  it('answers OPTIONS with the methods allowed, and HEAD like GET without a body', async () => {
    const options = await send(cloud, 'OPTIONS', '/compute/');
    expect(options.status).toBe(200);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST, DELETE');
    const head = await send(cloud, 'HEAD', WEB, { headers: { Accept: 'text/occi' } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('category')).toContain('compute');
  });
});
