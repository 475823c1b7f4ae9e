import { describe, expect, it } from 'vitest';
import { createQueryInterface, type Entity, type Link, type Resource, wellKnown } from '../occi/index.ts';
import { demoCategories, KIND_LOCATIONS } from './demo-categories.ts';
import { MAX_SEED_RESOURCES, SCALE_NETWORK_ID, seedResources, seedUuid } from './seed-resources.ts';
import { seedProblemsOf } from './test-support/seed-problems.ts';

const W = wellKnown;
const qi = createQueryInterface(demoCategories);

function resourcesOf(entities: readonly Entity[]): Resource[] {
  return entities.map((entity) => {
    if (entity.entityType !== 'resource') throw new Error(`${entity.location} is not a resource`);
    return entity;
  });
}

/** The 10,000-VM tenant, built once, after the timing test. */
let built: { resources: Resource[]; links: Link[] } | undefined;

function fullTenant(): { resources: Resource[]; links: Link[] } {
  if (built === undefined) {
    const resources = resourcesOf(seedResources(MAX_SEED_RESOURCES));
    built = { resources, links: resources.flatMap((r) => r.links) };
  }
  return built;
}

describe('seedResources', () => {
  it('refuses counts below 0, above 10,000 and not whole', () => {
    for (const count of [-1, 10_001, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => seedResources(count), String(count)).toThrow(RangeError);
    }
    expect(() => seedResources(0)).not.toThrow();
    expect(seedResources(0)).toEqual([]);
  });

  it('makes exactly count VMs, one network, a volume per 10th VM and links to match', () => {
    const { resources: full } = fullTenant();
    for (const count of [1, 7, 10, 123, MAX_SEED_RESOURCES]) {
      const entities = count === MAX_SEED_RESOURCES ? full : resourcesOf(seedResources(count));
      const kinds = (kind: string) => entities.filter((e) => e.kind === kind).length;
      const linksOf = (kind: string) => entities.flatMap((r) => r.links).filter((l) => l.kind === kind).length;
      expect(kinds(W.COMPUTE), `${count}`).toBe(count);
      expect(kinds(W.NETWORK)).toBe(1);
      expect(kinds(W.STORAGE)).toBe(Math.ceil(count / 10));
      expect(linksOf(W.STORAGELINK)).toBe(Math.ceil(count / 10));
      expect(linksOf(W.NETWORKINTERFACE)).toBe(Math.ceil(count / 5));
    }
  });

  it('is deterministic', () => {
    expect(seedResources(250)).toEqual(seedResources(250));
    // A smaller tenant is the start of a larger one.
    const small = resourcesOf(seedResources(20)).filter((r) => r.kind === W.COMPUTE);
    const large = resourcesOf(seedResources(40)).filter((r) => r.kind === W.COMPUTE);
    expect(large.slice(0, 20)).toEqual(small);
  });

  it('gives every entity a unique uuid-shaped id, equal to the one in its location', () => {
    const { resources: full, links: fullLinks } = fullTenant();
    const all = [...full, ...fullLinks];
    const locations = new Set(all.map((e) => e.location));
    expect(locations.size).toBe(all.length);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const wrong = all.filter((entity) => {
      const collection = KIND_LOCATIONS.get(entity.kind) ?? '(none)';
      const id = entity.location?.slice(collection.length) ?? '';
      return (
        !entity.location?.startsWith(collection) ||
        entity.attributes.get('occi.core.id') !== id ||
        (id !== SCALE_NETWORK_ID && !uuid.test(id))
      );
    });
    expect(wrong.map((e) => e.location)).toEqual([]);
    expect(seedUuid(0, 1)).not.toBe(seedUuid(1, 1));
    expect(seedUuid(41, 7)).toBe(seedUuid(41, 7));
  });

  it('varies states, flavours, images, titles and tags', () => {
    const { resources: full } = fullTenant();
    const vms = full.filter((r) => r.kind === W.COMPUTE);
    const states = new Map<string, number>();
    for (const vm of vms) {
      const state = String(vm.attributes.get('occi.compute.state'));
      states.set(state, (states.get(state) ?? 0) + 1);
    }
    expect([...states.keys()].sort()).toEqual(['active', 'error', 'inactive', 'suspended']);
    expect(states.get('active') ?? 0).toBeGreaterThan(vms.length / 2);
    const distinct = (role: string) =>
      new Set(vms.flatMap((vm) => vm.mixins.filter((m) => qi.mixinRole(m) === role))).size;
    expect(distinct('resource-template')).toBe(5);
    expect(distinct('os-template')).toBe(qi.osTemplates().length);
    expect(distinct('tag')).toBe(3);
    expect(new Set(vms.map((vm) => vm.attributes.get('occi.core.title'))).size).toBe(vms.length);
    for (const vm of vms.filter((v) => v.attributes.get('occi.compute.state') === 'error')) {
      expect(vm.attributes.get('occi.compute.state.message')).toMatch(/\S/);
    }
  });

  it('fits the demo query interface (a sample of VMs, every volume, the network and every link)', () => {
    const { resources: full, links: fullLinks } = fullTenant();
    const sample = [
      ...full.filter((r, i) => r.kind !== W.COMPUTE || i % 37 === 0 || i < 60),
      ...fullLinks.filter((_, i) => i % 7 === 0),
    ];
    expect(sample.flatMap(seedProblemsOf)).toEqual([]);
  });

  it('links from the holding VM to entities of the tenant, of the named kind', () => {
    const { resources: full, links: fullLinks } = fullTenant();
    const byLocation = new Map(full.map((r) => [r.location, r]));
    const wrong = full.flatMap((vm) =>
      vm.links.filter((link) => {
        const target = byLocation.get(String(link.attributes.get('occi.core.target')));
        return (
          link.attributes.get('occi.core.source') !== vm.location ||
          target === undefined ||
          target.kind !== link.attributes.get('occi.core.target.kind')
        );
      }),
    );
    expect(wrong.map((l) => l.location)).toEqual([]);
    const addresses = fullLinks.flatMap((l) => l.attributes.get('occi.networkinterface.address') ?? []);
    expect(new Set(addresses).size).toBe(addresses.length);
    const macs = fullLinks.flatMap((l) => l.attributes.get('occi.networkinterface.mac') ?? []);
    expect(new Set(macs).size).toBe(macs.length);
    expect([...full, ...fullLinks].filter((e) => e.actions.length > 0)).toEqual([]);
  });
});
