import { describe, expect, it } from 'vitest';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId, userTagId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { pathsOf, send } from './test-support/send.ts';

const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const APP = `/compute/${SEED_DOCUMENT_IDS.app}`;
const DB = `/compute/${SEED_DOCUMENT_IDS.db}`;
const RUNNER = `/compute/${SEED_DOCUMENT_IDS.buildRunner}`;

function locations(...list: string[]): { headers: [string, string][] } {
  return { headers: [['Content-Type', 'text/occi'], ...list.map((l): [string, string] => ['X-OCCI-Location', l])] };
}

describe('mixin collections', () => {
  it('GET lists the entities that have the mixin', async () => {
    const cloud = createDemoCloud();
    expect(pathsOf(await send(cloud, 'GET', '/tags/production/')).sort()).toEqual([DB, WEB].sort());
    const json = (
      await send(cloud, 'GET', '/tags/backup-daily/', { headers: { Accept: 'application/occi+json' } })
    ).parse('entity-collection');
    expect(json.resources.map((r) => r.kind)).toEqual([
      'http://schemas.ogf.org/occi/infrastructure#compute',
      'http://schemas.ogf.org/occi/infrastructure#storage',
    ]);
  });

  it('POST associates the listed entities: 200 with the collection', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/tags/staging/', locations(APP, '/storage/1'));
    expect(answer.status).toBe(200);
    expect(pathsOf(answer)).toEqual(expect.arrayContaining([APP, '/storage/1', RUNNER]));
    expect((await send(cloud, 'GET', APP)).parse('entity').mixins).toContain(userTagId('staging'));
  });

  it('takes the list as text/plain, uri-list and JSON, absolute URLs on any host by path', async () => {
    const cloud = createDemoCloud();
    await send(cloud, 'POST', '/tags/staging/', {
      headers: { 'Content-Type': 'text/plain' },
      body: `X-OCCI-Location: ${APP}`,
    });
    await send(cloud, 'POST', '/tags/staging/', {
      headers: { 'Content-Type': 'text/uri-list' },
      body: 'http://elsewhere:1/storage/1\r\n',
    });
    await send(cloud, 'POST', '/tags/staging/', {
      headers: { 'Content-Type': 'application/occi+json' },
      body: '["/storage/2"]',
    });
    expect(pathsOf(await send(cloud, 'GET', '/tags/staging/'))).toEqual(
      expect.arrayContaining([APP, '/storage/1', '/storage/2']),
    );
  });

  it('associating a resource template replaces the old one and resizes', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/mixin/resource_tpl/m1.xlarge/', locations(APP));
    expect(answer.status).toBe(200);
    const app = (await send(cloud, 'GET', APP)).parse('entity');
    expect(app.mixins).toContain(flavorId('m1.xlarge'));
    expect(app.mixins).not.toContain(flavorId('m1.tiny'));
    expect(app.attributes.get('occi.compute.cores')).toBe(8);
  });

  it('refuses (400) an entity the mixin does not apply to, and changes nothing', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/mixin/resource_tpl/m1.small/', locations(APP, '/storage/1'));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('does not apply to storage');
    expect((await send(cloud, 'GET', APP)).parse('entity').mixins).toContain(flavorId('m1.tiny'));
  });

  it('answers 404 for a location that names no entity, 400 for an empty list', async () => {
    const cloud = createDemoCloud();
    expect((await send(cloud, 'POST', '/tags/staging/', locations('/compute/nope'))).status).toBe(404);
    expect((await send(cloud, 'POST', '/tags/staging/', locations())).status).toBe(400);
  });

  it('PUT replaces the membership', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'PUT', '/tags/production/', locations(APP, '/storage/3'));
    expect(answer.status).toBe(200);
    expect(pathsOf(answer).sort()).toEqual([APP, '/storage/3'].sort());
    expect((await send(cloud, 'GET', WEB)).parse('entity').mixins).not.toContain(userTagId('production'));
  });

  it('DELETE dissociates the listed entities, or all when none is listed', async () => {
    const cloud = createDemoCloud();
    const some = await send(cloud, 'DELETE', '/tags/production/', locations(WEB));
    expect(some.status).toBe(200);
    expect(pathsOf(some)).toEqual([DB]);
    expect((await send(cloud, 'DELETE', '/tags/production/', locations(APP))).status).toBe(404);
    const all = await send(cloud, 'DELETE', '/tags/backup-daily/');
    expect(all.status).toBe(200);
    expect(pathsOf(await send(cloud, 'GET', '/tags/backup-daily/'))).toEqual([]);
    expect((await send(cloud, 'GET', DB)).parse('entity').mixins).not.toContain(userTagId('backup-daily'));
  });
});
