import type { OcciMediaType, Structure } from '../../occi/index.ts';

export interface LabExample {
  readonly title: string;
  readonly structure: Structure;
  readonly mediaType: OcciMediaType;
  readonly text: string;
}

/** Messages a tenant meets first, in the shapes real servers send them. */
export const labExamples: readonly LabExample[] = [
  {
    title: 'A virtual machine (text/plain)',
    structure: 'entity',
    mediaType: 'text/plain',
    text: [
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
      'Category: m1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
      'Category: cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"',
      'Link: </compute/d54b4344?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
      'Link: </storage/1>; rel="http://schemas.ogf.org/occi/infrastructure#storage"; self="/storage/link/6cb97f63"; category="http://schemas.ogf.org/occi/infrastructure#storagelink"; occi.storagelink.mountpoint="/dev/vdb"',
      'X-OCCI-Attribute: occi.core.id="d54b4344"',
      'X-OCCI-Attribute: occi.core.title="web-01"',
      'X-OCCI-Attribute: occi.compute.cores=1',
      'X-OCCI-Attribute: occi.compute.memory=0.5',
      'X-OCCI-Attribute: occi.compute.state="active"',
    ].join('\n'),
  },
  {
    title: 'Part of a query interface (text/plain)',
    structure: 'categories',
    mediaType: 'text/plain',
    text: [
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; title="Compute Resource"; rel="http://schemas.ogf.org/occi/core#resource"; location="/compute/"; attributes="occi.compute.cores occi.compute.memory occi.compute.state{immutable}"; actions="http://schemas.ogf.org/occi/infrastructure/compute/action#start http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
      'Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"; title="Stop"; attributes="method"',
      'Category: m1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"; title="Flavor: m1.tiny"; rel="http://schemas.ogf.org/occi/infrastructure#resource_tpl"; location="/m1.tiny/"',
    ].join('\n'),
  },
  {
    title: 'A volume (OCCI JSON)',
    structure: 'entity',
    mediaType: 'application/occi+json',
    text: JSON.stringify(
      {
        kind: 'http://schemas.ogf.org/occi/infrastructure#storage',
        id: '5b5b8a3c',
        title: 'data',
        attributes: { 'occi.storage.size': 1.0, 'occi.storage.state': 'online' },
        actions: ['http://schemas.ogf.org/occi/infrastructure/storage/action#offline'],
      },
      null,
      2,
    ),
  },
  {
    title: 'A malformed answer',
    structure: 'entity',
    mediaType: 'text/plain',
    text: [
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
      'X-OCCI-Attribute: occi.core.title="web-01',
    ].join('\n'),
  },
];
