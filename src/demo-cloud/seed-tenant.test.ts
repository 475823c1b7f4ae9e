import { describe, expect, it } from 'vitest';
import {
  createQueryInterface,
  type Entity,
  type Link,
  type Resource,
  renderMessage,
  wellKnown,
} from '../occi/index.ts';
import { demoCategories, flavorId, KIND_LOCATIONS, osImageId, userTagId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS, seedTenant } from './seed-tenant.ts';
import { seedProblemsOf } from './test-support/seed-problems.ts';

const W = wellKnown;
const qi = createQueryInterface(demoCategories);

function resources(): Resource[] {
  return seedTenant().map((entity) => {
    if (entity.entityType !== 'resource') throw new Error(`${entity.location} is not a resource`);
    return entity;
  });
}

const tenant = resources();
const links: Link[] = tenant.flatMap((r) => r.links);
const byLocation = new Map<string, Resource>(tenant.map((r) => [r.location ?? '', r]));

function at(location: string): Resource {
  const found = byLocation.get(location);
  if (found === undefined) throw new Error(`nothing at ${location}`);
  return found;
}

function compute(id: string): Resource {
  return at(`/compute/${id}`);
}

function attr(entity: Entity, name: string) {
  return entity.attributes.get(name);
}

function ofKind(kind: string): Resource[] {
  return tenant.filter((r) => r.kind === kind);
}

describe('seedTenant: the seed document works as written', () => {
  it('has d54b4344 active with m1.tiny and cirros', () => {
    const vm = compute(SEED_DOCUMENT_IDS.web);
    expect(SEED_DOCUMENT_IDS.web).toBe('d54b4344-16be-486a-9871-2c566ef2263d');
    expect(attr(vm, 'occi.compute.state')).toBe('active');
    expect(vm.mixins).toEqual(expect.arrayContaining([flavorId('m1.tiny'), osImageId('cirros-0.3.0-x86_64-blank')]));
    expect(attr(vm, 'occi.compute.cores')).toBe(1);
    expect(attr(vm, 'occi.compute.memory')).toBe(0.5);
  });

  it('has 888fc64a inactive, so start applies', () => {
    expect(attr(compute('888fc64a-4500-4543-bed4-8ddf3938dcb5'), 'occi.compute.state')).toBe('inactive');
  });

  it('has e7a34bc4 active, not yet linked to volume 1', () => {
    const vm = compute('e7a34bc4-02e7-43e3-a543-8aec630b5364');
    expect(attr(vm, 'occi.compute.state')).toBe('active');
    expect(links.filter((l) => attr(l, 'occi.core.target') === '/storage/1')).toEqual([]);
  });

  it('has 2ee26373 active on m1.tiny, so it can be scaled to m1.medium', () => {
    const vm = compute('2ee26373-db62-4bbf-9325-ff68a81097e3');
    expect(attr(vm, 'occi.compute.state')).toBe('active');
    expect(vm.mixins).toContain(flavorId('m1.tiny'));
    expect(vm.mixins.filter((m) => qi.mixinRole(m) === 'resource-template')).toEqual([flavorId('m1.tiny')]);
    expect(qi.mixin(flavorId('m1.medium'))).toBeDefined();
    expect(qi.mixin(osImageId('SmartOS'))).toBeDefined();
  });

  it('has volume 1 online', () => {
    const volume = at('/storage/1');
    expect(attr(volume, 'occi.core.id')).toBe('1');
    expect(attr(volume, 'occi.storage.state')).toBe('online');
    expect(attr(volume, 'occi.storage.size')).toBe(1);
  });

  it('has storage link 6cb97f63 active at /dev/vdb from 2ee26373 to another volume', () => {
    const link = links.find((l) => l.location === '/storage/link/6cb97f63-7d8a-4474-87cb-4d1c9c581de1');
    expect(link).toBeDefined();
    if (link === undefined) return;
    expect(link.kind).toBe(W.STORAGELINK);
    expect(attr(link, 'occi.core.id')).toBe('6cb97f63-7d8a-4474-87cb-4d1c9c581de1');
    expect(attr(link, 'occi.core.source')).toBe('/compute/2ee26373-db62-4bbf-9325-ff68a81097e3');
    expect(attr(link, 'occi.core.target')).not.toBe('/storage/1');
    expect(attr(link, 'occi.storagelink.mountpoint')).toBe('/dev/vdb');
    expect(attr(link, 'occi.storagelink.state')).toBe('active');
    expect(compute('2ee26373-db62-4bbf-9325-ff68a81097e3').links).toContain(link);
  });
});

describe('seedTenant: a believable tenant', () => {
  it('has VMs in every compute state, the error one with a message', () => {
    const states = ofKind(W.COMPUTE).map((vm) => attr(vm, 'occi.compute.state'));
    expect(new Set(states)).toEqual(new Set(['active', 'inactive', 'suspended', 'error']));
    const failed = ofKind(W.COMPUTE).filter((vm) => attr(vm, 'occi.compute.state') === 'error');
    expect(failed).toHaveLength(1);
    expect(attr(failed[0] as Resource, 'occi.compute.state.message')).toMatch(/\S/);
    for (const vm of ofKind(W.COMPUTE)) {
      expect(vm.mixins.filter((m) => qi.mixinRole(m) === 'resource-template')).toHaveLength(1);
      expect(vm.mixins.filter((m) => qi.mixinRole(m) === 'os-template')).toHaveLength(1);
      expect(attr(vm, 'occi.core.title')).toMatch(/\S/);
      expect(attr(vm, 'occi.compute.architecture')).toBeDefined();
    }
  });

  it('sizes every VM as its flavour says', () => {
    for (const vm of ofKind(W.COMPUTE)) {
      const [flavor] = vm.mixins.filter((m) => qi.mixinRole(m) === 'resource-template');
      const template = qi.templateSummary(flavor ?? '');
      expect(attr(vm, 'occi.compute.cores')).toBe(template.cores);
      expect(attr(vm, 'occi.compute.memory')).toBe(template.memory);
    }
  });

  it('has three or four volumes, one of them offline', () => {
    const volumes = ofKind(W.STORAGE);
    expect(volumes.length).toBeGreaterThanOrEqual(3);
    expect(volumes.length).toBeLessThanOrEqual(4);
    expect(volumes.filter((v) => attr(v, 'occi.storage.state') === 'offline')).toHaveLength(1);
  });

  it('has a 10.0.0.0/24 network with network interfaces from the active VMs', () => {
    const networks = ofKind(W.NETWORK).filter((n) => n.mixins.includes(W.IPNETWORK));
    expect(networks).toHaveLength(1);
    const network = networks[0] as Resource;
    expect(attr(network, 'occi.network.address')).toBe('10.0.0.0/24');
    expect(attr(network, 'occi.network.gateway')).toBe('10.0.0.1');
    expect(attr(network, 'occi.network.allocation')).toBe('dynamic');
    const active = ofKind(W.COMPUTE).filter((vm) => attr(vm, 'occi.compute.state') === 'active');
    expect(active.length).toBeGreaterThanOrEqual(3);
    for (const vm of active) {
      const nics = vm.links.filter((l) => l.kind === W.NETWORKINTERFACE);
      expect(nics, vm.location).toHaveLength(1);
      const nic = nics[0] as Link;
      expect(attr(nic, 'occi.core.target')).toBe(network.location);
      expect(nic.mixins).toEqual([W.IPNETWORKINTERFACE]);
      expect(attr(nic, 'occi.networkinterface.interface')).toBe('eth0');
      expect(attr(nic, 'occi.networkinterface.gateway')).toBe('10.0.0.1');
      expect(attr(nic, 'occi.networkinterface.allocation')).toBe('dynamic');
      expect(attr(nic, 'occi.networkinterface.address')).toMatch(/^10\.0\.0\.\d+$/);
      expect(attr(nic, 'occi.networkinterface.mac')).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    }
    const addresses = links.flatMap((l) => attr(l, 'occi.networkinterface.address') ?? []);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('tags a couple of VMs and summarises a couple of resources', () => {
    const tagged = ofKind(W.COMPUTE).filter((vm) => vm.mixins.some((m) => qi.mixinRole(m) === 'tag'));
    expect(tagged.length).toBeGreaterThanOrEqual(2);
    expect(compute(SEED_DOCUMENT_IDS.web).mixins).toContain(userTagId('production'));
    expect(tenant.filter((r) => r.attributes.has('occi.core.summary')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('seedTenant: consistency', () => {
  it('fits the demo query interface: kinds, mixins, every attribute’s type, enum, pattern and required', () => {
    const problems = [...tenant, ...links].flatMap(seedProblemsOf);
    expect(problems).toEqual([]);
  });

  it('puts every entity at its kind’s location with occi.core.id equal to the id in the path', () => {
    const locations = [...tenant, ...links].map((e) => e.location);
    expect(new Set(locations).size).toBe(locations.length);
    for (const entity of [...tenant, ...links]) {
      const collection = KIND_LOCATIONS.get(entity.kind) ?? '(none)';
      expect(entity.location?.startsWith(collection), entity.location).toBe(true);
      const id = entity.location?.slice(collection.length);
      expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(attr(entity, 'occi.core.id')).toBe(id);
    }
  });

  it('links only from the resource that holds the link to resources of the tenant, of the named kind', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const resource of tenant) {
      for (const link of resource.links) {
        expect(link.entityType).toBe('link');
        expect(qi.isLinkKind(link.kind)).toBe(true);
        expect(attr(link, 'occi.core.source')).toBe(resource.location);
        const target = at(String(attr(link, 'occi.core.target')));
        expect(attr(link, 'occi.core.target.kind')).toBe(target.kind);
        expect(link.kind === W.STORAGELINK ? W.STORAGE : W.NETWORK).toBe(target.kind);
      }
    }
  });

  it('holds resources only, and no action links anywhere', () => {
    for (const entity of seedTenant()) expect(entity.entityType).toBe('resource');
    for (const entity of [...tenant, ...links]) expect(entity.actions).toEqual([]);
  });

  it('is deterministic, and fresh on every call', () => {
    const first = seedTenant();
    const second = seedTenant();
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
    expect((second[0] as Resource).attributes).not.toBe((first[0] as Resource).attributes);
  });

  it('renders every entity in JSON and in ASCII-only text/occi', () => {
    for (const entity of [...tenant, ...links]) {
      expect(() => renderMessage('entity', entity, 'application/occi+json')).not.toThrow();
      expect(() => renderMessage('entity', entity, 'text/occi')).not.toThrow();
    }
  });
});
