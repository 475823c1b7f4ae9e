import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId, osImageId, userTagId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, category, flavour, image, STORAGE_KIND } from './test-support/categories.ts';
import { fakeClock, send } from './test-support/send.ts';

const { ATTR, STORAGE, STORAGELINK } = wellKnown;
const APP = `/compute/${SEED_DOCUMENT_IDS.app}`;
const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;

function occi(...headers: [string, string][]): { headers: [string, string][] } {
  return { headers: [['Content-Type', 'text/occi'], ...headers] };
}

describe('partial update (POST to an entity)', () => {
  it('changes the mutable attributes given and nothing else; 200 with the entity', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', APP, occi(['X-OCCI-Attribute', 'occi.core.title="app-renamed"']));
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    expect(entity.attributes.get(ATTR.title)).toBe('app-renamed');
    expect(entity.attributes.get('occi.compute.hostname')).toBe('app-01');
    expect(entity.mixins).toContain(flavorId('m1.tiny'));
  });

  it('scales up: a new resource_tpl replaces the old one and its defaults apply', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', APP, occi(['Category', flavour('m1.medium')]));
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    expect(entity.mixins).toContain(flavorId('m1.medium'));
    expect(entity.mixins).not.toContain(flavorId('m1.tiny'));
    expect(entity.attributes.get('occi.compute.cores')).toBe(2);
    expect(entity.attributes.get('occi.compute.memory')).toBe(4);
    expect(entity.attributes.get('occi.compute.state')).toBe('active');
  });

  it('rebuilds with a new os_tpl: the old one goes, and the VM passes through a transition', async () => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ now: clock.now, actionDelayMs: 1000 });
    const answer = await send(cloud, 'POST', WEB, occi(['Category', image('SmartOS')]));
    expect(answer.status).toBe(200);
    const rebuilding = answer.parse('entity');
    expect(rebuilding.mixins).toContain(osImageId('SmartOS'));
    expect(rebuilding.mixins).not.toContain(osImageId('cirros-0.3.0-x86_64-blank'));
    expect(rebuilding.attributes.get('occi.compute.state')).toBe('inactive');
    expect(rebuilding.attributes.get('occi.compute.state.message')).toBe('rebuilding');
    const busy = await send(cloud, 'POST', WEB, occi(['Category', image('debian-12')]));
    expect(busy.status).toBe(409);
    clock.advance(1000);
    const rebuilt = (await send(cloud, 'GET', WEB)).parse('entity');
    expect(rebuilt.attributes.get('occi.compute.state')).toBe('active');
  });

  it('adds a tag beside the other mixins', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const entity = (await send(cloud, 'POST', APP, occi(['Category', category(userTagId('staging'), 'mixin')]))).parse(
      'entity',
    );
    expect(entity.mixins).toEqual(expect.arrayContaining([flavorId('m1.tiny'), userTagId('staging')]));
  });

  it('adds an inline link', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      APP,
      occi(['Link', `</storage/1>; rel="${STORAGE}"; category="${STORAGELINK}"`]),
    );
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    if (entity.entityType !== 'resource') throw new Error('not a resource');
    expect(entity.links.map((link) => link.attributes.get(ATTR.target))).toContain('/storage/1');
  });

  it.each<[string, [string, string], number, RegExp]>([
    ['an immutable attribute', ['X-OCCI-Attribute', 'occi.core.id="other"'], 400, /occi.core.id is immutable/],
    ['the state', ['X-OCCI-Attribute', 'occi.compute.state="inactive"'], 400, /set by the provider/],
    ['another kind', ['Category', STORAGE_KIND], 400, /cannot change/],
    ['a bad value', ['X-OCCI-Attribute', 'occi.compute.memory=-1'], 400, /occi.compute.memory must be at least 0/],
    [
      'a mixin needing an attribute',
      ['Category', category(wellKnown.USER_DATA, 'mixin')],
      400,
      /occi.compute.userdata is required/,
    ],
  ])('refuses %s', async (_, header, status, reason) => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', APP, occi(header));
    expect(answer.status).toBe(status);
    expect(answer.body).toMatch(reason);
  });

  it('accepts immutable attributes sent back unchanged', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      APP,
      occi(['X-OCCI-Attribute', `occi.core.id="${SEED_DOCUMENT_IDS.app}", occi.compute.state="active"`]),
    );
    expect(answer.status).toBe(200);
  });

  it('answers 404 for an entity that is not there', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    expect((await send(cloud, 'POST', '/compute/nope', occi(['X-OCCI-Attribute', 'occi.core.title="x"']))).status).toBe(
      404,
    );
  });

  it('refuses links on a link', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`,
      occi(['Link', `</storage/1>; rel="${STORAGE}"`]),
    );
    expect(answer.status).toBe(400);
  });

  it('moves a link to another target', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`,
      occi(['X-OCCI-Attribute', 'occi.core.target="/storage/4"']),
    );
    expect(answer.status).toBe(200);
    expect(answer.parse('entity').attributes.get(ATTR.target)).toBe('/storage/4');
    // Deleting the old target leaves the moved link alone; deleting the new one takes it.
    await send(cloud, 'DELETE', '/storage/2');
    expect((await send(cloud, 'GET', `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`)).status).toBe(200);
    await send(cloud, 'DELETE', '/storage/4');
    expect((await send(cloud, 'GET', `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`)).status).toBe(404);
  });
});

describe('full update (PUT on an existing entity)', () => {
  it('replaces mutable attributes and mixins; links survive', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'PUT',
      APP,
      occi(
        ['Category', `${COMPUTE_KIND}, ${flavour('m1.large')}, ${image('ubuntu-22.04')}`],
        ['X-OCCI-Attribute', 'occi.core.title="app-02"'],
      ),
    );
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    if (entity.entityType !== 'resource') throw new Error('not a resource');
    expect(entity.attributes.get(ATTR.title)).toBe('app-02');
    // Left out of the PUT: gone.
    expect(entity.attributes.has('occi.compute.hostname')).toBe(false);
    expect(entity.attributes.has('occi.compute.architecture')).toBe(false);
    expect(entity.attributes.get('occi.compute.cores')).toBe(4);
    expect(entity.mixins).toEqual([flavorId('m1.large'), osImageId('ubuntu-22.04')]);
    expect(entity.links).toHaveLength(2);
    expect(entity.attributes.get(ATTR.id)).toBe(SEED_DOCUMENT_IDS.app);
  });

  it('takes its own GET back whole, existing links included (pOCCI does this)', async () => {
    for (const accept of ['text/plain', 'application/occi+json']) {
      const cloud = createDemoCloud({ actionDelayMs: 0 });
      const got = await send(cloud, 'GET', APP, { headers: { Accept: accept } });
      const body = got.body.replace('app-01', 'app-01-renamed');
      const answer = await send(cloud, 'PUT', APP, { headers: { 'Content-Type': accept, Accept: accept }, body });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(accept);
      expect(answer.parse('entity').attributes.get(ATTR.title)).toBe('app-01-renamed');
    }
  });

  it('refuses a Link to a new target (GFD.185)', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'PUT',
      APP,
      occi(['Category', COMPUTE_KIND], ['Link', `</storage/1>; rel="${STORAGE}"; category="${STORAGELINK}"`]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('cannot make links');
  });
});
