import { describe, expect, it } from 'vitest';
import { createDemoCloud } from './create-demo-cloud.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { pathsOf, send } from './test-support/send.ts';

const APP = `/compute/${SEED_DOCUMENT_IDS.app}`;

describe('DELETE', () => {
  it('deletes an entity: 200, then 404', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'DELETE', APP);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    expect((await send(cloud, 'GET', APP)).status).toBe(404);
    expect((await send(cloud, 'DELETE', APP)).status).toBe(404);
    const occi = await send(cloud, 'DELETE', '/storage/4', { headers: { Accept: 'text/occi' } });
    expect(occi.status).toBe(200);
    expect(occi.body).toBe('OK');
  });

  it("deletes a resource's links with it", async () => {
    const cloud = createDemoCloud();
    await send(cloud, 'DELETE', APP);
    const links = pathsOf(await send(cloud, 'GET', '/storage/link/'));
    expect(links).not.toContain(`/storage/link/${SEED_DOCUMENT_IDS.storageLink}`);
    expect((await send(cloud, 'GET', '/network/interface/b9d4f2c6-0e7a-4b51-a3c8-5f1e9d2b6a04')).status).toBe(404);
  });

  it('detaches a deleted volume: links pointing at it go too', async () => {
    const cloud = createDemoCloud();
    await send(cloud, 'DELETE', '/storage/2');
    expect((await send(cloud, 'GET', `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`)).status).toBe(404);
    const app = (await send(cloud, 'GET', APP)).parse('entity');
    if (app.entityType !== 'resource') throw new Error('not a resource');
    expect(app.links).toHaveLength(1);
  });

  it("updates a deleted link's source", async () => {
    const cloud = createDemoCloud();
    expect((await send(cloud, 'DELETE', `/storage/link/${SEED_DOCUMENT_IDS.storageLink}`)).status).toBe(200);
    const app = (await send(cloud, 'GET', APP)).parse('entity');
    if (app.entityType !== 'resource') throw new Error('not a resource');
    expect(app.links.map((link) => link.location)).toEqual(['/network/interface/b9d4f2c6-0e7a-4b51-a3c8-5f1e9d2b6a04']);
  });

  it('deletes a whole Kind collection', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'DELETE', '/compute/', { headers: { Accept: 'application/occi+json' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{}');
    expect(pathsOf(await send(cloud, 'GET', '/compute/'))).toEqual([]);
    // The compute's links went with them; the volumes stay.
    expect(pathsOf(await send(cloud, 'GET', '/storage/link/'))).toEqual([]);
    expect(pathsOf(await send(cloud, 'GET', '/storage/'))).toHaveLength(4);
  });
});
