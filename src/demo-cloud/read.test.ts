import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId, userTagId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, category, flavour } from './test-support/categories.ts';
import { ORIGIN, pathsOf, send } from './test-support/send.ts';

const { ATTR, COMPUTE, NETWORKINTERFACE } = wellKnown;
const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

describe('GET an entity', () => {
  const cloud = createDemoCloud({ actionDelayMs: 0 });

  it('renders kind, mixins, attributes, inline links with self, and the actions that apply now', async () => {
    for (const accept of ['text/plain', 'text/occi', 'application/occi+json']) {
      const answer = await send(cloud, 'GET', WEB, { headers: { Accept: accept } });
      expect(answer.status).toBe(200);
      const entity = answer.parse('entity');
      if (entity.entityType !== 'resource') throw new Error('not a resource');
      expect(entity.kind).toBe(COMPUTE);
      expect(entity.mixins).toContain(flavorId('m1.tiny'));
      expect(entity.attributes.get('occi.core.title')).toBe('web-01');
      expect(entity.attributes.get('occi.compute.state')).toBe('active');
      expect(entity.links).toHaveLength(1);
      expect(entity.links[0]?.kind).toBe(NETWORKINTERFACE);
      expect(entity.links[0]?.attributes.get(ATTR.target)).toBe('/network/private');
      // text renderings carry the link's own location in `self`; JSON carries its id.
      if (accept === 'application/occi+json')
        expect(entity.links[0]?.attributes.get(ATTR.id)).toBe('3f6c1b2a-9d4e-4a7f-8b15-c2e0d7a94f61');
      else expect(entity.links[0]?.location).toBe('/network/interface/3f6c1b2a-9d4e-4a7f-8b15-c2e0d7a94f61');
      expect(entity.actions.map((a) => a.action).sort()).toEqual(
        ['restart', 'save', 'stop', 'suspend'].map((term) => ACTION + term),
      );
    }
  });

  it('renders action links as <entity>?action=<term>', async () => {
    const entity = (await send(cloud, 'GET', WEB)).parse('entity');
    expect(entity.actions.find((a) => a.action === `${ACTION}stop`)?.href).toBe(`${WEB}?action=stop`);
  });

  it('renders only start for a stopped VM and for one in error', async () => {
    for (const id of [SEED_DOCUMENT_IDS.buildRunner, 'a41f0e62-8d3b-4c97-b5e1-0f6c2d9a7b38']) {
      const entity = (await send(cloud, 'GET', `/compute/${id}`)).parse('entity');
      expect(entity.actions.map((a) => a.action)).toEqual([`${ACTION}start`]);
    }
  });

  it('renders a link with source and target', async () => {
    const link = (await send(cloud, 'GET', `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`)).parse('entity');
    expect(link.entityType).toBe('link');
    expect(link.attributes.get(ATTR.source)).toBe(`/compute/${SEED_DOCUMENT_IDS.app}`);
    expect(link.attributes.get(ATTR.target)).toBe('/storage/2');
  });
});

describe('GET a collection', () => {
  it('lists locations in text, full entities in JSON', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const plain = await send(cloud, 'GET', '/compute/');
    expect(plain.body.split('\n').every((line) => line.startsWith(`X-OCCI-Location: ${ORIGIN}/compute/`))).toBe(true);
    const occi = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/occi' } });
    expect(occi.body).toBe('OK');
    expect(pathsOf(occi)).toEqual(pathsOf(plain));
    const json = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'application/occi+json' } });
    const collection = json.parse('entity-collection');
    expect(collection.resources).toHaveLength(pathsOf(plain).length);
    expect(collection.resources.every((resource) => resource.kind === COMPUTE)).toBe(true);
    const links = (await send(cloud, 'GET', '/storage/link/', { headers: { Accept: 'application/occi+json' } })).parse(
      'entity-collection',
    );
    expect(links.links.length).toBeGreaterThan(0);
    expect(
      JSON.parse((await send(cloud, 'GET', '/storage/link/', { headers: { Accept: 'application/json' } })).body),
    ).toHaveProperty('links');
  });

  it('answers an empty collection with 200 and an empty rendering', async () => {
    const cloud = createDemoCloud({ seed: 'empty' });
    const plain = await send(cloud, 'GET', '/compute/');
    expect(plain.status).toBe(200);
    expect(plain.body).toBe('');
    const occi = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/occi' } });
    expect(occi.body).toBe('OK');
    expect(occi.headers.get('x-occi-location')).toBeNull();
    const json = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'application/occi+json' } });
    expect(json.body).toBe('{}');
    const uris = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/uri-list' } });
    expect(uris.status).toBe(200);
    expect(uris.body).toBe('');
  });

  it('filters by a Category field: a mixin, or the kind', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const tiny = await send(cloud, 'GET', '/compute/', {
      headers: { 'Content-Type': 'text/occi', Category: flavour('m1.tiny') },
    });
    expect(pathsOf(tiny).sort()).toEqual([WEB, `/compute/${SEED_DOCUMENT_IDS.app}`].sort());
    const tagged = await send(cloud, 'GET', '/compute/', {
      headers: { Category: `${category(userTagId('production'), 'mixin')}, ${flavour('m1.tiny')}` },
    });
    expect(pathsOf(tagged)).toEqual([WEB]);
    const kind = await send(cloud, 'GET', '/compute/', { headers: { Category: COMPUTE_KIND } });
    expect(pathsOf(kind)).toEqual(pathsOf(await send(cloud, 'GET', '/compute/')));
    const osRoot = await send(cloud, 'GET', '/compute/', {
      headers: { Category: category(wellKnown.OS_TPL, 'mixin') },
    });
    expect(pathsOf(osRoot)).toHaveLength(6);
  });

  it('filters by X-OCCI-Attribute, exactly', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const inactive = await send(cloud, 'GET', '/compute/', {
      headers: { 'X-OCCI-Attribute': 'occi.compute.state="inactive"' },
    });
    expect(pathsOf(inactive)).toEqual([`/compute/${SEED_DOCUMENT_IDS.buildRunner}`]);
    const quotedNumber = await send(cloud, 'GET', '/storage/', {
      headers: { 'X-OCCI-Attribute': 'occi.storage.size="40"' },
    });
    expect(pathsOf(quotedNumber)).toEqual(['/storage/3']);
    const both = await send(cloud, 'GET', '/compute/', {
      headers: { 'X-OCCI-Attribute': 'occi.compute.state="active", occi.core.title="db-01"' },
    });
    expect(pathsOf(both)).toEqual([`/compute/${SEED_DOCUMENT_IDS.db}`]);
    const none = await send(cloud, 'GET', '/compute/', { headers: { 'X-OCCI-Attribute': 'occi.core.title="web"' } });
    expect(none.status).toBe(200);
    expect(pathsOf(none)).toEqual([]);
  });

  it('pages with ?page=&number= (OCCI 1.2)', async () => {
    const cloud = createDemoCloud({ seed: { resources: 25 } });
    const all = pathsOf(await send(cloud, 'GET', '/compute/'));
    expect(all).toHaveLength(25);
    expect(pathsOf(await send(cloud, 'GET', '/compute/?number=10'))).toEqual(all.slice(0, 10));
    expect(pathsOf(await send(cloud, 'GET', '/compute/?page=3&number=10'))).toEqual(all.slice(20));
    const past = await send(cloud, 'GET', '/compute/?page=9&number=10');
    expect(past.status).toBe(200);
    expect(pathsOf(past)).toEqual([]);
    expect((await send(cloud, 'GET', '/compute/?number=1001')).status).toBe(413);
    expect((await send(cloud, 'GET', '/compute/?number=0')).status).toBe(400);
    expect((await send(cloud, 'GET', '/compute/?page=2')).status).toBe(400);
  });
});

describe('GET the query interface', () => {
  const cloud = createDemoCloud();

  it('lists every kind, mixin and action, with attributes and actions in text and JSON', async () => {
    const plain = (await send(cloud, 'GET', '/-/')).parse('categories');
    const json = (await send(cloud, 'GET', '/-/', { headers: { Accept: 'application/occi+json' } })).parse(
      'categories',
    );
    for (const categories of [plain, json]) {
      expect(categories.kinds.map((k) => k.term)).toEqual(
        expect.arrayContaining([
          'entity',
          'resource',
          'link',
          'compute',
          'storage',
          'network',
          'networkinterface',
          'storagelink',
        ]),
      );
      const compute = categories.kinds.find((k) => k.term === 'compute');
      expect(compute?.actions).toContain(`${ACTION}start`);
      expect(compute?.attributes.map((a) => a.name)).toContain('occi.compute.cores');
      expect(compute?.location).toBe('/compute/');
      expect(categories.mixins.map((m) => m.term)).toEqual(expect.arrayContaining(['m1.tiny', 'SmartOS', 'os_tpl']));
    }
    const cores = json.kinds.find((k) => k.term === 'compute')?.attributes.find((a) => a.name === 'occi.compute.cores');
    expect(cores?.type).toBe('number');
  });

  it('filters by Category fields: the category and its actions', async () => {
    const answer = await send(cloud, 'GET', '/-/', {
      headers: { 'Content-Type': 'text/occi', Category: COMPUTE_KIND },
    });
    expect(answer.status).toBe(200);
    const categories = answer.parse('categories');
    expect(categories.kinds.map((k) => k.term)).toEqual(['compute']);
    expect(categories.mixins).toEqual([]);
    expect(categories.actions.map((a) => a.term).sort()).toEqual(['restart', 'save', 'start', 'stop', 'suspend']);
    const mixin = await send(cloud, 'GET', '/.well-known/org/ogf/occi/-/', {
      headers: { Category: flavour('m1.tiny') },
    });
    expect(mixin.parse('categories').mixins.map((m) => m.term)).toEqual(['m1.tiny']);
  });
});
