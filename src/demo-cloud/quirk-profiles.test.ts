import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { COMPUTE_ACTION_SCHEME } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, computeAction, flavour, image } from './test-support/categories.ts';
import { locationsOf, ORIGIN, send } from './test-support/send.ts';

const { ATTR } = wellKnown;
const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const RUNNER = `/compute/${SEED_DOCUMENT_IDS.buildRunner}`;
const APP = `/compute/${SEED_DOCUMENT_IDS.app}`;

describe('standard profile', () => {
  it('is the default: 201 + absolute Location, relative URLs inside entities, only applicable actions', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const created = await send(cloud, 'POST', '/compute/', { headers: { Category: COMPUTE_KIND } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^${ORIGIN}/compute/`));
    const categories = (await send(cloud, 'GET', '/-/')).parse('categories');
    expect(categories.kinds.find((k) => k.term === 'compute')?.location).toBe('/compute/');
    const runner = (await send(cloud, 'GET', RUNNER)).parse('entity');
    expect(runner.actions.map((a) => a.href)).toEqual([`${RUNNER}?action=start`]);
  });
});

describe('ooi profile', () => {
  const options = { profile: 'ooi', actionDelayMs: 0 } as const;

  it('wants an os_tpl and a resource_tpl on a compute create, in its words', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'POST', '/compute/', { headers: { Category: COMPUTE_KIND } });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Missing OCCI types');
  });

  it('answers a create with 200 and X-OCCI-Location (absolute), the location in the text body', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { Category: `${COMPUTE_KIND}, ${flavour('m1.tiny')}, ${image('cirros-0.3.0-x86_64-blank')}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('location')).toBeNull();
    const [location = ''] = answer.parse('location-list').locations;
    expect(location).toMatch(new RegExp(`^${ORIGIN}/compute/[0-9a-f-]{36}$`));
    expect((await send(cloud, 'GET', location)).status).toBe(200);
    const inOcci = await send(cloud, 'POST', '/compute/', {
      headers: {
        Accept: 'text/occi',
        Category: `${COMPUTE_KIND}, ${flavour('m1.tiny')}, ${image('cirros-0.3.0-x86_64-blank')}`,
      },
    });
    expect(inOcci.headers.get('location')).toBeNull();
    expect(inOcci.headers.get('x-occi-location')).toMatch(new RegExp(`^${ORIGIN}/compute/[0-9a-f-]{36}$`));
    expect(inOcci.body).toBe('');
  });

  it('answers 204 for an empty text collection (JSON {}), an action and a delete', async () => {
    const cloud = createDemoCloud({ ...options, seed: 'empty' });
    const empty = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/plain' } });
    expect(empty.status).toBe(204);
    expect(empty.body).toBe('');
    const json = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'application/occi+json' } });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toEqual({});
    const tenant = createDemoCloud(options);
    const action = await send(tenant, 'POST', `${WEB}?action=stop`, { headers: { Category: computeAction('stop') } });
    expect(action.status).toBe(204);
    expect((await send(tenant, 'DELETE', WEB)).status).toBe(204);
  });

  it('renders every URL absolute: listings, entity links, link ends and category locations', async () => {
    const cloud = createDemoCloud(options);
    expect(locationsOf(await send(cloud, 'GET', '/compute/'))).toContain(`${ORIGIN}${WEB}`);
    const app = (await send(cloud, 'GET', APP)).parse('entity');
    if (app.entityType !== 'resource') throw new Error('not a resource');
    expect(app.actions[0]?.href).toMatch(new RegExp(`^${ORIGIN}${APP}\\?action=`));
    for (const link of app.links) {
      expect(link.location).toMatch(new RegExp(`^${ORIGIN}/`));
      expect(link.attributes.get(ATTR.target)).toMatch(new RegExp(`^${ORIGIN}/`));
      expect(link.attributes.get(ATTR.source)).toBe(`${ORIGIN}${APP}`);
    }
    const categories = (await send(cloud, 'GET', '/-/')).parse('categories');
    expect(categories.kinds.find((k) => k.term === 'compute')?.location).toBe(`${ORIGIN}/compute/`);
  });

  it('advertises every action of the kind whatever the state', async () => {
    const cloud = createDemoCloud(options);
    const runner = (await send(cloud, 'GET', RUNNER)).parse('entity');
    expect(runner.actions.map((a) => a.action)).toHaveLength(5);
    expect(runner.actions.map((a) => a.action)).toContain(`${COMPUTE_ACTION_SCHEME}stop`);
  });

  it('leaves attributes and actions out of text discovery, not out of JSON', async () => {
    const cloud = createDemoCloud(options);
    const text = await send(cloud, 'GET', '/-/');
    expect(text.body).not.toContain('attributes=');
    expect(text.body).not.toContain('actions=');
    const json = (await send(cloud, 'GET', '/-/', { headers: { Accept: 'application/occi+json' } })).parse(
      'categories',
    );
    const compute = json.kinds.find((k) => k.term === 'compute');
    expect(compute?.attributes.length).toBeGreaterThan(0);
    expect(compute?.actions.length).toBe(5);
  });
});

describe('rocci profile', () => {
  const options = { profile: 'rocci', actionDelayMs: 0 } as const;
  const createHeaders = (...extra: [string, string][]): [string, string][] => [
    ['Accept', 'text/occi'],
    ['Content-Type', 'text/occi'],
    ['Category', `${COMPUTE_KIND}, ${flavour('m1.small')}, ${image('SmartOS')}`],
    ...extra,
  ];

  it('names OCCI/1.1 as well in Server', async () => {
    const answer = await send(createDemoCloud(options), 'GET', '/-/', { headers: { Accept: 'text/plain' } });
    expect(answer.headers.get('server')).toBe('rOCCI-server OCCI/1.1 OCCI-CRTP/1.0 OCCI/1.2 OCCI-CRTP/1.1');
  });

  it('answers Accept */*, no Accept and a type it does not render in OCCI JSON', async () => {
    const cloud = createDemoCloud(options);
    for (const accept of ['*/*', undefined, 'image/png']) {
      const answer = await send(cloud, 'GET', '/-/', { headers: accept === undefined ? {} : { Accept: accept } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/occi\+json/);
    }
    const plain = await send(cloud, 'GET', '/-/', { headers: { Accept: 'text/plain, */*' } });
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('uses X-OCCI-Category and X-OCCI-Link in text/occi, and Location headers for collections', async () => {
    const cloud = createDemoCloud(options);
    const entity = await send(cloud, 'GET', WEB, { headers: { Accept: 'text/occi' } });
    expect(entity.headers.get('category')).toBeNull();
    expect(entity.headers.get('x-occi-category')).toContain('compute');
    expect(entity.headers.get('link')).toBeNull();
    expect(entity.headers.get('x-occi-link')).toContain('?action=stop');
    expect(entity.parse('entity').kind).toBe(wellKnown.COMPUTE);
    const list = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/occi' } });
    expect(list.headers.get('x-occi-location')).toBeNull();
    expect(list.headers.get('location')).toContain(`${ORIGIN}${WEB}`);
    expect(locationsOf(list)).toContain(`${ORIGIN}${WEB}`);
  });

  it('labels OCCI JSON as asked and writes errors as {"status", "error"}', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'GET', WEB, { headers: { Accept: 'application/occi+json' } });
    expect(answer.headers.get('content-type')).toBe('application/occi+json; charset=utf-8');
    const alias = await send(cloud, 'GET', WEB, { headers: { Accept: 'application/json' } });
    expect(alias.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const error = await send(cloud, 'GET', '/compute/nope', { headers: { Accept: 'application/json' } });
    expect(JSON.parse(error.body)).toEqual({ status: 'not_found', error: 'no entity at /compute/nope' });
  });

  it('wants a client-supplied occi.core.id on create (409 without)', async () => {
    const cloud = createDemoCloud(options);
    const without = await send(cloud, 'POST', '/compute/', { headers: createHeaders() });
    expect(without.status).toBe(409);
    expect(without.headers.get('x-occi-error')).toContain('occi.core.id is required');
    const id = '0b9e3f57-1c0a-4f6e-9d7c-3a2b1c0d9e8f';
    const created = await send(cloud, 'POST', '/compute/', {
      headers: createHeaders(['X-OCCI-Attribute', `occi.core.id="${id}"`]),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${ORIGIN}/compute/${id}`);
  });

  it('names inline links itself', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: createHeaders(
        ['X-OCCI-Attribute', 'occi.core.id="vm-with-disk"'],
        ['Link', `</storage/1>; rel="${wellKnown.STORAGE}"; category="${wellKnown.STORAGELINK}"`],
      ),
    });
    expect(answer.status).toBe(201);
  });

  it('wants exactly one os_tpl and one resource_tpl (409)', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: [
        ['Accept', 'text/plain'],
        ['Category', `${COMPUTE_KIND}, ${flavour('m1.small')}`],
        ['X-OCCI-Attribute', 'occi.core.id="vm-1"'],
      ],
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toContain('exactly one os_tpl and one resource_tpl');
  });

  it('answers validation failures with 409, malformed renderings still with 400', async () => {
    const cloud = createDemoCloud(options);
    const invalid = await send(cloud, 'POST', '/compute/', {
      headers: createHeaders(['X-OCCI-Attribute', 'occi.core.id="vm-2", occi.compute.cores="lots"']),
    });
    expect(invalid.status).toBe(409);
    const malformed = await send(cloud, 'POST', '/compute/', {
      headers: { Accept: 'text/plain', 'Content-Type': 'text/plain' },
      body: 'Category: compute',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('pyssf profile', () => {
  const options = { profile: 'pyssf', actionDelayMs: 0 } as const;

  it('names no collection entry and no inline link by id in OCCI JSON, as pyssf does', async () => {
    const cloud = createDemoCloud(options);
    const json = { headers: { Accept: 'application/occi+json' } };
    const listed = (await send(cloud, 'GET', '/compute/', json)).parse('entity-collection');
    expect(listed.resources.length).toBeGreaterThan(0);
    for (const entry of listed.resources) expect(entry.attributes.has(ATTR.id)).toBe(false);
    const app = (await send(cloud, 'GET', APP, json)).parse('entity');
    if (app.entityType !== 'resource') throw new Error('not a resource');
    expect(app.attributes.get(ATTR.id)).toBe(APP);
    expect(app.links.length).toBeGreaterThan(0);
    for (const link of app.links) expect(link.attributes.has(ATTR.id)).toBe(false);
    // Its text names each link by `self=`.
    expect((await send(cloud, 'GET', APP)).body).toContain('self="/');
  });

  it('quotes every value, numbers too, and uses the path as occi.core.id', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'GET', WEB);
    expect(answer.body).toContain('X-OCCI-Attribute: occi.compute.cores="1"');
    expect(answer.body).toContain('X-OCCI-Attribute: occi.compute.memory="0.5"');
    expect(answer.body).toContain(`X-OCCI-Attribute: occi.core.id="${WEB}"`);
    const json = (await send(cloud, 'GET', WEB, { headers: { Accept: 'application/occi+json' } })).parse('entity');
    expect(json.attributes.get('occi.compute.cores')).toBe(1);
  });

  it('folds text/occi values into one header per name, with the body OK', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'GET', WEB, { headers: { Accept: 'text/occi' } });
    expect(answer.body).toBe('OK');
    expect(answer.headers.get('x-occi-attribute')).toContain('occi.compute.cores="1", ');
    expect(answer.headers.get('category')?.split(', ').length).toBeGreaterThan(1);
  });

  it('answers a create with 201, Location and the body OK', async () => {
    const cloud = createDemoCloud(options);
    const answer = await send(cloud, 'POST', '/compute/', { headers: { Category: COMPUTE_KIND } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^${ORIGIN}/compute/`));
    expect(answer.body).toBe('OK');
  });

  it('takes its own quoted rendering back in a full update', async () => {
    const cloud = createDemoCloud(options);
    const got = await send(cloud, 'GET', APP);
    const answer = await send(cloud, 'PUT', APP, { headers: { 'Content-Type': 'text/plain' }, body: got.body });
    expect(answer.status).toBe(200);
  });
});
