import { describe, expect, it } from 'vitest';
import { type Entity, type Link, type Resource, wellKnown } from '../../../occi/index.ts';
import { buildTopology, edgeLabel, structureKey, type TopologyInput } from './topology-graph.ts';

const attrs = (entries: Record<string, string>) => new Map(Object.entries(entries));

function resource(kind: string, location: string, title: string, state: string, links: Link[] = []): Resource {
  const term = kind.split('#')[1] as string;
  return {
    entityType: 'resource',
    kind,
    mixins: [],
    attributes: attrs({ 'occi.core.title': title, [`occi.${term}.state`]: state }),
    actions: [],
    location,
    links,
  };
}

function link(kind: string, extra: Record<string, string>, location?: string): Link {
  return {
    entityType: 'link',
    kind,
    mixins: [],
    attributes: attrs(extra),
    actions: [],
    ...(location !== undefined && { location }),
  };
}

/** Servers name resources by absolute URL or absolute path; the console by a path relative to the endpoint. */
const relative = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/+/, '');

function input(resources: { compute?: Entity[]; storage?: Entity[]; network?: Entity[] }, links: Entity[] = []) {
  return {
    resources: [
      { role: 'network', entities: resources.network ?? [] },
      { role: 'compute', entities: resources.compute ?? [] },
      { role: 'storage', entities: resources.storage ?? [] },
    ],
    links,
    relative,
    locate: (l: Link) => (l.location === undefined ? undefined : relative(l.location)),
  } satisfies TopologyInput;
}

const net = resource(wellKnown.NETWORK, 'network/private', 'private', 'active');
const vol = resource(wellKnown.STORAGE, 'storage/1', 'scratch-01', 'online');
const nic = link(
  wellKnown.NETWORKINTERFACE,
  {
    'occi.core.target': 'http://cloud.example/network/private',
    'occi.networkinterface.interface': 'eth0',
    'occi.networkinterface.address': '10.0.0.4',
    'occi.networkinterface.state': 'active',
  },
  '/network/interface/n1',
);
const attachment = link(
  wellKnown.STORAGELINK,
  {
    'occi.core.source': '/compute/vm1',
    'occi.core.target': '/storage/1',
    'occi.storagelink.deviceid': 'vdb',
    'occi.storagelink.mountpoint': '/dev/vdb',
  },
  'http://cloud.example/storage/link/s1',
);

describe('buildTopology', () => {
  it('makes nodes of the listed resources and edges of their inline links, labelled by address and mountpoint', () => {
    const vm = resource(wellKnown.COMPUTE, 'compute/vm1', 'web-01', 'active', [nic, attachment]);
    const graph = buildTopology(input({ compute: [vm], storage: [vol], network: [net] }));
    expect(graph.nodes.map((node) => [node.id, node.role, node.name, node.state?.value])).toEqual([
      ['network/private', 'network', 'private', 'active'],
      ['compute/vm1', 'compute', 'web-01', 'active'],
      ['storage/1', 'storage', 'scratch-01', 'online'],
    ]);
    expect(graph.edges.map((edge) => [edge.id, edge.source, edge.target, edge.role, edge.label])).toEqual([
      // The inline network interface names no source: it is the VM that holds it.
      ['network/interface/n1', 'compute/vm1', 'network/private', 'network', '10.0.0.4'],
      ['storage/link/s1', 'compute/vm1', 'storage/1', 'storage', '/dev/vdb'],
    ]);
    expect(graph.edges[0]?.state?.value).toBe('active');
    expect(graph.dangling).toBe(0);
  });

  it('reads links from the link collections when the resources do not hold them, and counts each link once', () => {
    const vm = resource(wellKnown.COMPUTE, 'compute/vm1', 'web-01', 'active', [attachment]);
    const listed = { ...attachment, location: 'storage/link/s1' };
    const standalone = link(
      wellKnown.NETWORKINTERFACE,
      { 'occi.core.source': '/compute/vm1', 'occi.core.target': '/network/private' },
      'network/interface/n9',
    );
    const graph = buildTopology(input({ compute: [vm], storage: [vol], network: [net] }, [listed, standalone]));
    expect(graph.edges.map((edge) => edge.id)).toEqual(['storage/link/s1', 'network/interface/n9']);
    // Without an address, a network interface is labelled with nothing it does not have.
    expect(graph.edges[1]?.label).toBe('');
  });

  it('leaves out links whose ends are not listed, and counts them', () => {
    const vm = resource(wellKnown.COMPUTE, 'compute/vm1', 'web-01', 'active', [nic, attachment]);
    const graph = buildTopology(input({ compute: [vm], network: [net] }));
    expect(graph.edges.map((edge) => edge.id)).toEqual(['network/interface/n1']);
    expect(graph.dangling).toBe(1);
  });

  it('keys an inline link without a location by its ends, so it is still drawn once', () => {
    const bare = link(wellKnown.STORAGELINK, { 'occi.core.target': '/storage/1', 'occi.storagelink.deviceid': 'vdc' });
    const vm = resource(wellKnown.COMPUTE, 'compute/vm1', 'web-01', 'active', [bare, bare]);
    const graph = buildTopology(input({ compute: [vm], storage: [vol] }));
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]).toMatchObject({ location: undefined, label: 'vdc', source: 'compute/vm1' });
  });
});

describe('edgeLabel', () => {
  it('prefers the mountpoint to the device, the address to the interface', () => {
    expect(edgeLabel(attachment, 'storage')).toBe('/dev/vdb');
    expect(edgeLabel(link(wellKnown.STORAGELINK, { 'occi.storagelink.deviceid': 'vdb' }), 'storage')).toBe('vdb');
    expect(edgeLabel(nic, 'network')).toBe('10.0.0.4');
    expect(edgeLabel(link(wellKnown.NETWORKINTERFACE, { 'occi.networkinterface.interface': 'eth1' }), 'network')).toBe(
      'eth1',
    );
  });
});

describe('structureKey', () => {
  it('changes with the nodes and edges, not with their states', () => {
    const vm = (state: string, links: Link[]) => resource(wellKnown.COMPUTE, 'compute/vm1', 'web-01', state, links);
    const key = (entities: Entity[]) => structureKey(buildTopology(input({ compute: entities, storage: [vol] })));
    expect(key([vm('active', [attachment])])).toBe(key([vm('inactive', [attachment])]));
    expect(key([vm('active', [attachment])])).not.toBe(key([vm('active', [])]));
  });
});
