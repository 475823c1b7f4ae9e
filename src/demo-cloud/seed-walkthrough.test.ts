/**
 * The seed document (`../shared/seed/occi-openstack-guide.md`, the OpenStack OCCI guide) run
 * against a freshly seeded tenant, each request exactly as curl sends it: the headers as
 * written, plus curl's own `Accept: *\/*` and `User-Agent`, text/occi categories in headers, any
 * token. The document deletes VM d54b4344... before its "Upcoming" section changes that VM's
 * OS; that section is run against a fresh tenant, as a reader trying it would.
 */
import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId, osImageId } from './demo-categories.ts';
import { fakeClock, ORIGIN, pathOfUrl, pathsOf, send } from './test-support/send.ts';

const KID = 'b3c1f0d2e4a5968778695a4b3c2d1e0f';
const CURL: [string, string][] = [
  ['User-Agent', 'curl/8.5.0'],
  ['Accept', '*/*'],
];
const AUTH: [string, string][] = [
  ['X-Auth-Token', KID],
  ['X-Auth-Project-ID', '1'],
];
const TEXT_OCCI: [string, string] = ['Content-Type', 'text/occi'];

function curl(...headers: [string, string][]): { headers: [string, string][] } {
  return { headers: [...CURL, ...headers] };
}

const D54B = '/compute/d54b4344-16be-486a-9871-2c566ef2263d';
const E7A3 = '/compute/e7a34bc4-02e7-43e3-a543-8aec630b5364';

describe('the seed document, as curl sends it', () => {
  const clock = fakeClock();
  const cloud = createDemoCloud({ now: clock.now, actionDelayMs: 1500 });
  let created = '';

  it('See What Can be Provisioned: GET /-/ is 200 text/plain with the categories', async () => {
    const answer = await send(cloud, 'GET', '/-/', curl(['X-Auth-Token', KID]));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain');
    const categories = answer.parse('categories');
    expect(categories.mixins.map((m) => m.term)).toEqual(
      expect.arrayContaining(['m1.tiny', 'cirros-0.3.0-x86_64-blank']),
    );
  });

  it('Create a VM: 201 and a Location', async () => {
    const answer = await send(
      cloud,
      'POST',
      '/compute/',
      curl(
        ['Category', 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"'],
        TEXT_OCCI,
        ['X-Auth-Token', KID],
        ['X-Auth-Project-ID', '1'],
        ['Category', 'm1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"'],
        ['Category', 'cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"'],
      ),
    );
    expect(answer.status).toBe(201);
    created = pathOfUrl(answer.headers.get('location'));
    expect(created).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
    expect(answer.body).toBe(`X-OCCI-Location: ${ORIGIN}${created}`);
  });

  it('Get a Listing of VMs: 200 with the new VM and the tenant', async () => {
    const answer = await send(cloud, 'GET', '/compute/', curl(TEXT_OCCI, ...AUTH));
    expect(answer.status).toBe(200);
    expect(pathsOf(answer)).toEqual(expect.arrayContaining([created, D54B, E7A3]));
  });

  it("Get an Individual VM's details: 200 with the VM", async () => {
    const answer = await send(cloud, 'GET', D54B, curl(TEXT_OCCI, ...AUTH));
    expect(answer.status).toBe(200);
    const vm = answer.parse('entity');
    expect(vm.kind).toBe(wellKnown.COMPUTE);
    expect(vm.attributes.get('occi.compute.state')).toBe('active');
  });

  it('Execute a Stop Action: 200, and the VM is inactive after the delay', async () => {
    const answer = await send(
      cloud,
      'POST',
      `${D54B}?action=stop`,
      curl(TEXT_OCCI, ...AUTH, [
        'Category',
        'stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"',
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.parse('entity').attributes.get('occi.compute.state.message')).toBe('stopping');
    clock.advance(1500);
    const vm = (await send(cloud, 'GET', D54B, curl(TEXT_OCCI, ...AUTH))).parse('entity');
    expect(vm.attributes.get('occi.compute.state')).toBe('inactive');
  });

  it('Execute a Start Action on 888fc64a (inactive): 200, then active', async () => {
    const vm = '/compute/888fc64a-4500-4543-bed4-8ddf3938dcb5';
    const answer = await send(
      cloud,
      'POST',
      `${vm}?action=start`,
      curl(TEXT_OCCI, ...AUTH, [
        'Category',
        'start; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"',
      ]),
    );
    expect(answer.status).toBe(200);
    clock.advance(1500);
    expect((await send(cloud, 'GET', vm, curl())).parse('entity').attributes.get('occi.compute.state')).toBe('active');
  });

  it('Delete a VM: 200, then 404', async () => {
    const answer = await send(cloud, 'DELETE', D54B, curl(TEXT_OCCI, ...AUTH));
    expect(answer.status).toBe(200);
    expect((await send(cloud, 'GET', D54B, curl())).status).toBe(404);
  });

  const STORAGE_CATEGORY: [string, string] = [
    'Category',
    'storage; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
  ];

  it('Create a block storage volume, as curl really sends it: 400 saying occi.storage.size is needed and how', async () => {
    // curl drops `-H 'occi.storage.size = 1.0'`: a header without a colon never leaves it.
    const answer = await send(cloud, 'POST', '/storage/', curl(STORAGE_CATEGORY, TEXT_OCCI, ...AUTH));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('occi.storage.size is required');
    expect(answer.body).toContain('X-OCCI-Attribute: occi.storage.size=1.0');
  });

  it('Create a block storage volume, with the size as a header of its own name (a client that sends it): 201', async () => {
    for (const value of ['= 1.0', '1.0']) {
      const answer = await send(
        cloud,
        'POST',
        '/storage/',
        curl(STORAGE_CATEGORY, TEXT_OCCI, ...AUTH, ['occi.storage.size', value]),
      );
      expect(answer.status).toBe(201);
      const volume = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')), curl())).parse('entity');
      expect(volume.attributes.get('occi.storage.size')).toBe(1);
    }
  });

  it('Create a block storage volume, corrected: 201', async () => {
    const answer = await send(
      cloud,
      'POST',
      '/storage/',
      curl(STORAGE_CATEGORY, TEXT_OCCI, ...AUTH, ['X-OCCI-Attribute', 'occi.storage.size=1.0']),
    );
    expect(answer.status).toBe(201);
    expect(pathOfUrl(answer.headers.get('location'))).toMatch(/^\/storage\/[0-9a-f-]{36}$/);
  });

  it('Link and associate that volume (/storage/1) to e7a34bc4 at /dev/vdb: 201', async () => {
    const answer = await send(
      cloud,
      'POST',
      '/storage/link/',
      curl(
        ...AUTH,
        ['Category', 'storagelink; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"'],
        ['X-OCCI-Attribute', `occi.core.source="http://localhost:8787${E7A3}"`],
        ['X-OCCI-Attribute', 'occi.core.target="http://localhost:8787/storage/1"'],
        ['X-OCCI-Attribute', 'occi.storagelink.mountpoint="/dev/vdb"'],
        TEXT_OCCI,
      ),
    );
    expect(answer.status).toBe(201);
    const link = (await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')), curl())).parse('entity');
    expect(link.attributes.get('occi.core.source')).toBe(E7A3);
    expect(link.attributes.get('occi.core.target')).toBe('/storage/1');
    expect(link.attributes.get('occi.storagelink.mountpoint')).toBe('/dev/vdb');
    clock.advance(1500);
    const vm = (await send(cloud, 'GET', E7A3, curl())).parse('entity');
    if (vm.entityType !== 'resource') throw new Error('not a resource');
    expect(vm.links.some((l) => l.attributes.get('occi.core.target') === '/storage/1')).toBe(true);
  });

  it('Unlink and disassociate 6cb97f63: 200', async () => {
    const link = '/storage/link/6cb97f63-7d8a-4474-87cb-4d1c9c581de1';
    const answer = await send(cloud, 'DELETE', link, curl(...AUTH, TEXT_OCCI));
    expect(answer.status).toBe(200);
    expect((await send(cloud, 'GET', link, curl())).status).toBe(404);
  });

  it('Update a VM, scale up 2ee26373 to m1.medium: 200, m1.medium cores and memory, m1.tiny gone', async () => {
    const answer = await send(
      cloud,
      'POST',
      '/compute/2ee26373-db62-4bbf-9325-ff68a81097e3',
      curl(TEXT_OCCI, ...AUTH, [
        'Category',
        'm1.medium; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
      ]),
    );
    expect(answer.status).toBe(200);
    const vm = answer.parse('entity');
    expect(vm.mixins).toContain(flavorId('m1.medium'));
    expect(vm.mixins).not.toContain(flavorId('m1.tiny'));
    expect(vm.attributes.get('occi.compute.cores')).toBe(2);
    expect(vm.attributes.get('occi.compute.memory')).toBe(4);
  });

  const CHANGE_OS: [string, string] = [
    'Category',
    'SmartOS; scheme="http://schemas.openstack.org/template/os#"; class="mixin"',
  ];

  it('Update a VM, change the OS of d54b4344: 404 here, the document deleted it above', async () => {
    const answer = await send(cloud, 'POST', D54B, curl(TEXT_OCCI, ...AUTH, CHANGE_OS));
    expect(answer.status).toBe(404);
  });

  it('Update a VM, change the OS of d54b4344 on a fresh tenant: 200, SmartOS, the old os_tpl gone', async () => {
    const fresh = createDemoCloud({ now: clock.now, actionDelayMs: 1500 });
    const answer = await send(fresh, 'POST', D54B, curl(TEXT_OCCI, ...AUTH, CHANGE_OS));
    expect(answer.status).toBe(200);
    const vm = answer.parse('entity');
    expect(vm.mixins).toContain(osImageId('SmartOS'));
    expect(vm.mixins).not.toContain(osImageId('cirros-0.3.0-x86_64-blank'));
    expect(vm.attributes.get('occi.compute.state.message')).toBe('rebuilding');
    clock.advance(1500);
    expect((await send(fresh, 'GET', D54B, curl())).parse('entity').attributes.get('occi.compute.state')).toBe(
      'active',
    );
  });
});
