/**
 * Every captured rendering in shared/occi/fixtures parses to the model written down here by hand,
 * from the fixture text and the spec digest (§4.2-4.5, §4.8).
 */
import { describe, expect, it } from 'vitest';
import type {
  Action,
  ActionLink,
  AttributeDefinition,
  AttributeValue,
  CategoryCollection,
  Kind,
  Link,
  Mixin,
  Resource,
} from '../model.ts';
import { fixtureNames, headersOfCapture, readFixture } from '../test-support/fixtures.ts';
import { ordered } from '../test-support/ordered.ts';
import {
  parseTextCategories,
  parseTextEntity,
  parseTextEntityCollection,
  parseTextLocationList,
} from './text-renderings.ts';
import { parseUriList } from './uri-list.ts';

const CORE = 'http://schemas.ogf.org/occi/core#';
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';
const STORAGE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/storage/action#';
const NETWORK_ACTION = 'http://schemas.ogf.org/occi/infrastructure/network/action#';
const IPNETWORKINTERFACE = 'http://schemas.ogf.org/occi/infrastructure/networkinterface#ipnetworkinterface';
const ONE = 'http://opennebula.org/occi/infrastructure#';

/** `{}` in a category's attributes: mutable and optional. */
function plain(name: string): AttributeDefinition {
  return { name, mutable: true, required: false };
}
function immutable(name: string): AttributeDefinition {
  return { name, mutable: false, required: false };
}
function immutableRequired(name: string): AttributeDefinition {
  return { name, mutable: false, required: true };
}
function required(name: string): AttributeDefinition {
  return { name, mutable: true, required: true };
}

function attrs(entries: Array<[string, AttributeValue]>): Map<string, AttributeValue> {
  return new Map(entries);
}

function textBody(name: string) {
  return { headers: [], body: readFixture(name) };
}

function capture(name: string) {
  return { headers: headersOfCapture(readFixture(name)), body: '' };
}

function ids(categories: readonly { scheme: string; term: string }[]): string[] {
  return categories.map((category) => category.scheme + category.term);
}

function byId<C extends { scheme: string; term: string }>(categories: readonly C[], id: string): C | undefined {
  return categories.find((category) => category.scheme + category.term === id);
}

/** The actions every rOCCI-server 1 capture of the pOCCI suite lists, in order. */
const POCCI_ACTIONS = [
  `${COMPUTE_ACTION}start`,
  `${COMPUTE_ACTION}stop`,
  `${COMPUTE_ACTION}restart`,
  `${COMPUTE_ACTION}suspend`,
  `${STORAGE_ACTION}online`,
  `${STORAGE_ACTION}offline`,
  `${STORAGE_ACTION}backup`,
  `${STORAGE_ACTION}snapshot`,
  `${STORAGE_ACTION}resize`,
  `${NETWORK_ACTION}up`,
  `${NETWORK_ACTION}down`,
  'http://schemas.ogf.org/occi/infrastructure/networkinterface/action#up',
  'http://schemas.ogf.org/occi/infrastructure/networkinterface/action#down',
  'http://schemas.ogf.org/occi/infrastructure/storagelink/action#online',
  'http://schemas.ogf.org/occi/infrastructure/storagelink/action#offline',
];

const POCCI_KINDS = [
  `${CORE}entity`,
  `${CORE}resource`,
  `${CORE}link`,
  `${INFRA}compute`,
  `${INFRA}storage`,
  `${INFRA}network`,
  `${INFRA}networkinterface`,
  `${INFRA}storagelink`,
];

const COMPUTE_ACTIONS = [
  `${COMPUTE_ACTION}start`,
  `${COMPUTE_ACTION}stop`,
  `${COMPUTE_ACTION}restart`,
  `${COMPUTE_ACTION}suspend`,
];

/** The compute Kind of rOCCI-server 1 as pOCCI captured it; `id` is how the site marks occi.core.id. */
function pocciCompute(id: AttributeDefinition): Kind {
  return {
    class: 'kind',
    scheme: INFRA,
    term: 'compute',
    title: 'compute resource',
    parent: `${CORE}resource`,
    location: '/compute/',
    attributes: [
      id,
      plain('occi.core.title'),
      plain('occi.core.summary'),
      plain('occi.compute.architecture'),
      plain('occi.compute.cores'),
      plain('occi.compute.hostname'),
      plain('occi.compute.memory'),
      plain('occi.compute.speed'),
      immutable('occi.compute.state'),
    ],
    actions: COMPUTE_ACTIONS,
  };
}

const STOP: Action = {
  class: 'action',
  scheme: COMPUTE_ACTION,
  term: 'stop',
  title: 'stop compute instance',
  attributes: [plain('method')],
};

const RESIZE: Action = {
  class: 'action',
  scheme: STORAGE_ACTION,
  term: 'resize',
  title: 'resize storage',
  attributes: [required('size')],
};

/** A provider's resource template of the pOCCI captures: cores, speed and memory fixed. */
function flavour(scheme: string, term: string, title: string, architecture: AttributeDefinition): Mixin {
  return {
    class: 'mixin',
    scheme,
    term,
    title,
    depends: [`${INFRA}resource_tpl`],
    applies: [],
    location: `/mixin/resource_tpl/${term}/`,
    attributes: [
      architecture,
      immutable('occi.compute.cores'),
      immutable('occi.compute.speed'),
      immutable('occi.compute.memory'),
    ],
    actions: [],
  };
}

function expectCounts(collection: CategoryCollection, kinds: number, mixins: number, actions: number): void {
  expect([collection.kinds.length, collection.mixins.length, collection.actions.length]).toEqual([
    kinds,
    mixins,
    actions,
  ]);
}

describe('category collections (GET /-/)', () => {
  it('rOCCI-core 4 model (occi_model_rocci_server.text)', () => {
    const model = parseTextCategories(textBody('real-rocci1-core/occi_model_rocci_server.text'), 'text/plain');
    expectCounts(model, 9, 31, 11);
    expect(ids(model.kinds)).toEqual([
      `${CORE}entity`,
      `${CORE}resource`,
      `${CORE}link`,
      `${INFRA}compute`,
      `${INFRA}storagelink`,
      `${INFRA}network`,
      `${INFRA}storage`,
      `${INFRA}networkinterface`,
      'http://schemas.ogf.org/occi/infrastructure/compute#console',
    ]);
    expect(model.kinds[0]).toEqual({
      class: 'kind',
      scheme: CORE,
      term: 'entity',
      title: 'Entity',
      location: '/entity/',
      attributes: [plain('occi.core.id'), plain('occi.core.title')],
      actions: [],
    } satisfies Kind);
    expect(model.kinds[3]).toEqual({
      class: 'kind',
      scheme: INFRA,
      term: 'compute',
      title: 'Compute Resource',
      parent: `${CORE}resource`,
      location: '/compute/',
      attributes: [
        plain('occi.compute.architecture'),
        plain('occi.compute.cores'),
        plain('occi.compute.hostname'),
        plain('occi.compute.speed'),
        plain('occi.compute.memory'),
        plain('occi.compute.state'),
      ],
      actions: COMPUTE_ACTIONS,
    } satisfies Kind);
    expect(model.kinds[8]).toEqual({
      class: 'kind',
      scheme: 'http://schemas.ogf.org/occi/infrastructure/compute#',
      term: 'console',
      title: "Link to the VM's console",
      parent: `${CORE}link`,
      location: '/console/',
      attributes: [],
      actions: [],
    } satisfies Kind);
    expect(byId(model.mixins, `${INFRA}os_tpl`)).toEqual({
      class: 'mixin',
      scheme: INFRA,
      term: 'os_tpl',
      title: 'Operating System Template',
      location: '/mixins/os_tpl/',
      depends: [],
      applies: [],
      attributes: [],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'https://occi.localhost/occi/infrastructure/resource_tpl#large')).toEqual({
      class: 'mixin',
      scheme: 'https://occi.localhost/occi/infrastructure/resource_tpl#',
      term: 'large',
      title: 'Large Instance - 2 cores and 7.5 GB of RAM',
      depends: [`${INFRA}resource_tpl`],
      applies: [],
      location: '/mixins/large/',
      attributes: [
        plain('occi.compute.architecture'),
        plain('occi.compute.cores'),
        plain('occi.compute.speed'),
        plain('occi.compute.memory'),
      ],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'https://occi.localhost/occi/infrastructure/os_tpl#monitoring')).toEqual({
      class: 'mixin',
      scheme: 'https://occi.localhost/occi/infrastructure/os_tpl#',
      term: 'monitoring',
      title: 'monitoring',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      location: '/mixins/monitoring/',
      attributes: [],
      actions: [],
    } satisfies Mixin);
    // A one-letter term.
    expect(byId(model.mixins, 'https://occi.localhost/occi/infrastructure/os_tpl#r')?.title).toBe('r');
    expect(byId(model.actions, `${COMPUTE_ACTION}stop`)).toEqual({
      class: 'action',
      scheme: COMPUTE_ACTION,
      term: 'stop',
      title: 'Stop Compute instance',
      attributes: [plain('method')],
    } satisfies Action);
    expect(model.actions[10]).toEqual({
      class: 'action',
      scheme: STORAGE_ACTION,
      term: 'resize',
      title: 'Resize Storage',
      attributes: [plain('size')],
    } satisfies Action);
    // The capture gives `down` the scheme `...network/action#up`: not `#down`, so it is kept as sent.
    expect(model.actions[5]).toEqual({
      class: 'action',
      scheme: `${NETWORK_ACTION}up`,
      term: 'down',
      title: 'Activate network',
      attributes: [],
    } satisfies Action);
  });

  it('rOCCI-server 1, dummy backend (pOCCI text-ok-dummy)', () => {
    const model = parseTextCategories(
      textBody('real-rocci1-pocci/category-collection__text-ok-dummy.txt'),
      'text/plain',
    );
    expectCounts(model, 8, 12, 15);
    expect(ids(model.kinds)).toEqual(POCCI_KINDS);
    expect(ids(model.actions)).toEqual(POCCI_ACTIONS);
    expect(model.kinds[3]).toEqual(pocciCompute(immutableRequired('occi.core.id')));
    expect(model.kinds[6]).toEqual({
      class: 'kind',
      scheme: INFRA,
      term: 'networkinterface',
      title: 'networkinterface link',
      parent: `${CORE}link`,
      location: '/link/networkinterface/',
      attributes: [
        immutableRequired('occi.core.id'),
        plain('occi.core.title'),
        plain('occi.core.target'),
        required('occi.core.source'),
        immutable('occi.networkinterface.interface'),
        plain('occi.networkinterface.mac'),
        immutable('occi.networkinterface.state'),
      ],
      actions: [
        'http://schemas.ogf.org/occi/infrastructure/networkinterface/action#up',
        'http://schemas.ogf.org/occi/infrastructure/networkinterface/action#down',
      ],
    } satisfies Kind);
    expect(byId(model.mixins, 'http://occi.example.org/occi/infrastructure/os_tpl#debian6')).toEqual({
      class: 'mixin',
      scheme: 'http://occi.example.org/occi/infrastructure/os_tpl#',
      term: 'debian6',
      title: 'debian',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      location: '/mixin/os_tpl/debian6/',
      attributes: [immutableRequired('eu.egi.fedcloud.appdb.uuid')],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'http://occi.example.org/occi/infrastructure/resource_tpl#medium')).toEqual(
      flavour(
        'http://occi.example.org/occi/infrastructure/resource_tpl#',
        'medium',
        'Medium Instance - 2 cores and 4 GB RAM',
        plain('occi.compute.architecture'),
      ),
    );
    expect(model.actions[8]).toEqual(RESIZE);
  });

  it('rOCCI-server 1, EC2 backend (pOCCI text-ok-ec2)', () => {
    const model = parseTextCategories(textBody('real-rocci1-pocci/category-collection__text-ok-ec2.txt'), 'text/plain');
    expectCounts(model, 8, 33, 15);
    expect(ids(model.kinds)).toEqual(POCCI_KINDS);
    expect(ids(model.actions)).toEqual(POCCI_ACTIONS);
    expect(model.kinds[2]).toEqual({
      class: 'kind',
      scheme: CORE,
      term: 'link',
      title: 'link',
      parent: `${CORE}entity`,
      location: '/link/',
      attributes: [
        immutableRequired('occi.core.id'),
        plain('occi.core.title'),
        plain('occi.core.target'),
        required('occi.core.source'),
      ],
      actions: [],
    } satisfies Kind);
    expect(
      byId(model.mixins, 'http://schemas.ec2.aws.amazon.com/occi/infrastructure/compute#aws_ec2_instance'),
    ).toEqual({
      class: 'mixin',
      scheme: 'http://schemas.ec2.aws.amazon.com/occi/infrastructure/compute#',
      term: 'aws_ec2_instance',
      title: 'AWS EC2 extension - instance',
      depends: [],
      applies: [],
      location: '/mixin/aws_ec2_instance/',
      attributes: [
        immutable('com.amazon.aws.ec2.reservation_id'),
        immutable('com.amazon.aws.ec2.availability_zone'),
        immutable('com.amazon.aws.ec2.state'),
        immutable('com.amazon.aws.ec2.hypervisor'),
        immutable('com.amazon.aws.ec2.virtualization_type'),
      ],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#ami-896c96fe')).toEqual({
      class: 'mixin',
      scheme: 'http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#',
      term: 'ami-896c96fe',
      title: 'ubuntu/images/ebs/ubuntu-trusty-14.04-amd64-server-20140416.1',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      location: '/mixin/os_tpl/ami-896c96fe/',
      attributes: [],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'http://schemas.ec2.aws.amazon.com/occi/infrastructure/resource_tpl#t1_micro')).toEqual(
      flavour(
        'http://schemas.ec2.aws.amazon.com/occi/infrastructure/resource_tpl#',
        't1_micro',
        't1.micro - 1 core and 0.613 GB RAM',
        plain('occi.compute.architecture'),
      ),
    );
    expect(model.actions[8]).toEqual(RESIZE);
  });

  it('rOCCI-server 1, OpenNebula backend (pOCCI text-ok-opennebula)', () => {
    const model = parseTextCategories(
      textBody('real-rocci1-pocci/category-collection__text-ok-opennebula.txt'),
      'text/plain',
    );
    expectCounts(model, 8, 20, 15);
    expect(ids(model.kinds)).toEqual(POCCI_KINDS);
    expect(ids(model.actions)).toEqual(POCCI_ACTIONS);
    // This site marks occi.core.id {immutable} only.
    expect(model.kinds[0]).toEqual({
      class: 'kind',
      scheme: CORE,
      term: 'entity',
      title: 'entity',
      location: '/entity/',
      attributes: [immutable('occi.core.id'), plain('occi.core.title')],
      actions: [],
    } satisfies Kind);
    expect(model.kinds[3]).toEqual(pocciCompute(immutable('occi.core.id')));
    expect(byId(model.mixins, 'http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#uuid_ttylinux_0')).toEqual({
      class: 'mixin',
      scheme: 'http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#',
      term: 'uuid_ttylinux_0',
      title: 'ttylinux',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      location: '/mixin/os_tpl/uuid_ttylinux_0/',
      attributes: [],
      actions: [],
    } satisfies Mixin);
    expect(byId(model.mixins, 'http://schema.fedcloud.egi.eu/occi/infrastructure/resource_tpl#small')).toEqual(
      flavour(
        'http://schema.fedcloud.egi.eu/occi/infrastructure/resource_tpl#',
        'small',
        'Small Instance - 1 core and 2 GB RAM',
        plain('occi.compute.architecture'),
      ),
    );
    expect(byId(model.mixins, 'http://schemas.openstack.org/instance/credentials#public_key')).toEqual({
      class: 'mixin',
      scheme: 'http://schemas.openstack.org/instance/credentials#',
      term: 'public_key',
      title: "OpenStack's contextualization extension - credentials",
      depends: [],
      applies: [],
      location: '/mixin/public_key/',
      attributes: [
        plain('org.openstack.credentials.publickey.name'),
        plain('org.openstack.credentials.publickey.data'),
      ],
      actions: [],
    } satisfies Mixin);
    expect(model.actions[1]).toEqual(STOP);
  });

  it('rOCCI-server 1, OpenNebula backend, as text/occi: one comma-folded Category header (pOCCI http-ok-opennebula)', () => {
    const model = parseTextCategories(
      capture('real-rocci1-pocci/category-collection__http-ok-opennebula.txt'),
      'text/occi',
    );
    expectCounts(model, 8, 20, 15);
    expect(ids(model.kinds)).toEqual(POCCI_KINDS);
    expect(ids(model.actions)).toEqual(POCCI_ACTIONS);
    // Here the core kinds mark occi.core.id {immutable required}.
    expect(model.kinds[0]).toEqual({
      class: 'kind',
      scheme: CORE,
      term: 'entity',
      title: 'entity',
      location: '/entity/',
      attributes: [immutableRequired('occi.core.id'), plain('occi.core.title')],
      actions: [],
    } satisfies Kind);
    expect(model.kinds[3]).toEqual(pocciCompute(immutableRequired('occi.core.id')));
    // This answer leaves the actions' parameters out.
    expect(model.actions[1]).toEqual({ ...STOP, attributes: [] });
    expect(model.actions[8]).toEqual({ ...RESIZE, attributes: [] });
    expect(byId(model.mixins, 'http://schema.fedcloud.egi.eu/occi/infrastructure/resource_tpl#mammoth')).toEqual(
      flavour(
        'http://schema.fedcloud.egi.eu/occi/infrastructure/resource_tpl#',
        'mammoth',
        'Mammoth Instance - 8 cores and 32 GB RAM',
        immutable('occi.compute.architecture'),
      ),
    );
    // The capture has `rel="http: //schemas..."` for `medium` (a space where a long header was
    // folded, it seems): two identifiers as far as the grammar goes, kept as sent.
    const medium = byId(model.mixins, 'http://schema.fedcloud.egi.eu/occi/infrastructure/resource_tpl#medium');
    expect(medium?.depends).toEqual(['http:', '//schemas.ogf.org/occi/infrastructure#resource_tpl']);
    // Every other mixin is the same as in the text/plain answer of the same site.
    const text = parseTextCategories(
      textBody('real-rocci1-pocci/category-collection__text-ok-opennebula.txt'),
      'text/plain',
    );
    expect(model.mixins.filter((mixin) => mixin !== medium)).toEqual(
      text.mixins.filter((mixin) => mixin.term !== 'medium'),
    );
  });
});

// ---------------------------------------------------------------------------------------------

function link(kind: string, mixins: string[], location: string, entries: Array<[string, AttributeValue]>): Link {
  return { entityType: 'link', kind, mixins, location, attributes: attrs(entries), actions: [] };
}

function actionLink(term: string, entity: string): ActionLink {
  return { action: `${COMPUTE_ACTION}${term}`, href: `${entity}?action=${term}` };
}

const SSH_KEY =
  'ssh-dss AAAAB3NzaC1kc3MAAACBAJAQxCSi3hx/2UKXJMD7MzeHKiMFl7LxWKp0Bw6ArlaKXRAozISe7djcjufCJYyZ8R86Pjh8rYaN9oAmikLQGThJlVsV7TojpcMn1UVrIWz4sC02VoOe8wtVY60akplt7jLfA4Qn1T4wu6Q8jHB4Wv48x7fDO51w01Q/j4CdXXpnAAAAFQDBT/N1u+BKQ/V1+CN50gdBJxplEwAAAIAL/9tgJsF69UQZh/l6M139eFFOxz6GawQd+5H/v6ECjcBICqAZBKpv70JiYrT+5UptmPJ1FKo5S+UHWAWUdyc2Lu8BJ9PsHYI5sNeGoSoTlx/ZlBqrA9Pf5oBb1uO3HMAtrnN17b6JCv6sHBxHCJqRI8ATk5mA2JPxBHwTiqxoDQAAAIAfnCNxwI8T7tQD4x2s7KVYm4oRVE7bO8L+o9An9/JPWIaNYHNTuAkOAoRlW54m9kBexPhAQxt2HF6/JMIgS2lglTAbygAneH63v96xT9L2Gqyj2mAQIZ8NgxVtVFymsQxuhB5s1pkK3WJreOW9PY9np69CU0zjLDKXyZ0J2RCbvw== root@myriads.zcu.cz';

/** VM 103 of the OpenNebula site in pOCCI's captures; the two captures differ in the os_tpl scheme and the actions. */
function opennebulaCompute(osTplScheme: string, actions: ActionLink[]): Resource {
  return {
    entityType: 'resource',
    kind: `${INFRA}compute`,
    mixins: [
      `${ONE}compute`,
      `${osTplScheme}uuid_ttylinux_0`,
      'http://schemas.openstack.org/instance/credentials#public_key',
      'http://schemas.openstack.org/compute/instance#user_data',
    ],
    attributes: attrs([
      ['occi.core.id', '103'],
      ['occi.core.title', 'one-103'],
      ['occi.core.summary', 'Instantiated with rOCCI-server on Thu, 20 Aug 2015 13:48:50 +0200.'],
      ['occi.compute.cores', 1],
      ['occi.compute.memory', 0.125],
      ['occi.compute.state', 'active'],
      ['org.opennebula.compute.id', '103'],
      ['org.opennebula.compute.cpu', 1],
      ['org.openstack.credentials.publickey.data', SSH_KEY],
      ['org.openstack.compute.user_data', '# user data'],
    ]),
    actions,
    links: [
      link(`${INFRA}storagelink`, [`${ONE}storagelink`], '/link/storagelink/compute_103_disk_0', [
        ['occi.core.target', '/storage/0'],
        ['occi.core.target.kind', `${INFRA}storage`],
        ['occi.core.id', 'compute_103_disk_0'],
        ['occi.core.title', 'ttylinux'],
        ['occi.core.source', '/compute/103'],
        ['occi.storagelink.deviceid', '/dev/hda'],
        ['occi.storagelink.state', 'active'],
      ]),
      link(
        `${INFRA}networkinterface`,
        [IPNETWORKINTERFACE, `${ONE}networkinterface`],
        '/link/networkinterface/compute_103_nic_0',
        [
          ['occi.core.target', '/network/0'],
          ['occi.core.target.kind', `${INFRA}network`],
          ['occi.core.id', 'compute_103_nic_0'],
          ['occi.core.title', 'example'],
          ['occi.core.source', '/compute/103'],
          ['occi.networkinterface.interface', 'eth0'],
          ['occi.networkinterface.mac', '02:00:c0:a8:00:4f'],
          ['occi.networkinterface.state', 'active'],
          ['occi.networkinterface.address', '192.168.0.79'],
          ['org.opennebula.networkinterface.bridge', 'vbr0'],
        ],
      ),
    ],
  };
}

describe('entities (GET /compute/<id>)', () => {
  it('rOCCI-core 4 compute: links with space-separated attributes (occi_compute_rocci_server.text)', () => {
    const entity = parseTextEntity(textBody('real-rocci1-core/occi_compute_rocci_server.text'), 'text/plain');
    const expected: Resource = {
      entityType: 'resource',
      kind: `${INFRA}compute`,
      mixins: [`${ONE}compute`],
      attributes: attrs([
        ['occi.core.id', '4ddbfeae-22d7-5e50-8f85-ba18589e876b'],
        ['occi.core.title', 'MonTest1'],
        ['occi.compute.cores', 1],
        ['occi.compute.memory', 0.256],
        ['occi.compute.state', 'active'],
        ['org.opennebula.compute.cpu', 1],
      ]),
      actions: [],
      links: [
        link(`${INFRA}storagelink`, [], '/storagelink/b2f7f1de-c60c-5b08-879c-81f52429c4ef', [
          ['occi.core.target', '/storage/e60aa2b8-0c86-5973-b93e-30c5c46d6eac'],
          ['occi.core.target.kind', `${INFRA}storage`],
          ['occi.core.id', 'b2f7f1de-c60c-5b08-879c-81f52429c4ef'],
          ['occi.core.title', 'monitoring'],
          ['occi.storagelink.deviceid', 'xvda'],
          ['occi.storagelink.state', 'inactive'],
          ['org.opennebula.storagelink.bus', 'ide'],
          ['org.opennebula.storagelink.driver', 'tap2:tapdisk:aio:'],
        ]),
        link(`${INFRA}networkinterface`, [], '/networkinterface/e75ab249-9325-511c-82b8-a7e4430381e3', [
          ['occi.core.target', '/network/e4bd81c4-adda-5626-840d-39bb7959db97'],
          ['occi.core.target.kind', `${INFRA}network`],
          ['occi.core.id', 'e75ab249-9325-511c-82b8-a7e4430381e3'],
          ['occi.core.title', 'monitoring'],
          ['occi.networkinterface.address', '192.168.254.1'],
          ['occi.networkinterface.mac', '02:00:c0:a8:fe:01'],
          ['occi.networkinterface.state', 'inactive'],
          ['org.opennebula.networkinterface.bridge', 'xenbr0'],
        ]),
      ],
    };
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('rOCCI-core 4 network, quoted numbers stay strings (occi_network_rocci_server.text)', () => {
    const entity = parseTextEntity(textBody('real-rocci1-core/occi_network_rocci_server.text'), 'text/plain');
    const expected: Resource = {
      entityType: 'resource',
      kind: `${INFRA}network`,
      // The capture names ipnetwork with the infrastructure# scheme: kept as sent.
      mixins: [`${ONE}network`, `${INFRA}ipnetwork`],
      attributes: attrs([
        ['occi.core.id', 'e4bd81c4-adda-5626-840d-39bb7959db97'],
        ['occi.core.title', 'monitoring'],
        ['occi.network.address', '192.168.254.0'],
        ['occi.network.allocation', 'dynamic'],
        ['occi.network.state', 'active'],
        ['org.opennebula.network.id', '6'],
        ['org.opennebula.network.bridge', 'xenbr0'],
        ['org.opennebula.network.vlan', 'NO'],
      ]),
      actions: [],
      links: [],
    };
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('rOCCI-core 4 storage (occi_storage_rocci_server.text)', () => {
    const entity = parseTextEntity(textBody('real-rocci1-core/occi_storage_rocci_server.text'), 'text/plain');
    const expected: Resource = {
      entityType: 'resource',
      kind: `${INFRA}storage`,
      mixins: [`${ONE}storage`],
      attributes: attrs([
        ['occi.core.id', '33601efd-1c81-5547-8e65-6f8ef3dcb8c6'],
        ['occi.core.title', 'EGI-COMPSs-CESNET_NFS_3'],
        ['occi.storage.state', 'online'],
        ['org.opennebula.storage.id', '116'],
        ['org.opennebula.storage.dev_prefix', 'xvd'],
        ['org.opennebula.storage.driver', 'tap2:tapdisk:aio:'],
        ['org.opennebula.storage.persistent', 'NO'],
      ]),
      actions: [],
      links: [],
    };
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('occi-os compute with full categories, action links and inline links (occi_resource_w_inline_links.text)', () => {
    const entity = parseTextEntity(textBody('real-rocci1-core/occi_resource_w_inline_links.text'), 'text/plain');
    const vm = '/compute/04106bce-87eb-4f8f-a665-2f624e54ba46';
    const nic = (target: string, self: string, entries: Array<[string, AttributeValue]>) =>
      link(`${INFRA}networkinterface`, [IPNETWORKINTERFACE], self, [
        // The `occi.core.target` parameter repeats the <URI>; it keeps the first place.
        ['occi.core.target', target],
        ['occi.core.target.kind', `${INFRA}network`],
        ...entries,
        ['occi.core.source', vm],
        ['occi.core.id', self],
      ]);
    const expected: Resource = {
      entityType: 'resource',
      kind: `${INFRA}compute`,
      mixins: ['http://schemas.openstack.org/compute/instance#os_vms'],
      attributes: attrs([
        [
          'org.openstack.compute.console.vnc',
          'http://134.94.32.4:6080/vnc_auto.html?token=9923dc1b-eca0-4c62-81a8-a0dd6848341a',
        ],
        ['occi.compute.architecture', 'x86'],
        ['occi.compute.state', 'active'],
        ['occi.compute.speed', '0.0'],
        ['occi.compute.cores', '1'],
        ['occi.compute.memory', '1.0'],
        ['org.openstack.compute.state', 'active'],
        ['occi.compute.hostname', 'openmodeller-test-bjoernh'],
        ['occi.core.id', '04106bce-87eb-4f8f-a665-2f624e54ba46'],
      ]),
      actions: [actionLink('stop', vm), actionLink('suspend', vm), actionLink('restart', vm)],
      links: [
        nic('/network/public', '/network/interface/6a7a9446-a146-4faf-a961-52f66d2808df', [
          ['occi.networkinterface.gateway', '0.0.0.0'],
          ['occi.networkinterface.mac', 'aa:bb:cc:dd:ee:ff'],
          ['occi.networkinterface.interface', 'eth0'],
          ['occi.networkinterface.state', 'active'],
          ['occi.networkinterface.allocation', 'static'],
          ['occi.networkinterface.address', '134.94.32.154'],
        ]),
        nic('/network/admin', '/network/interface/02b630f6-087e-4969-b04c-1e22d9480dec', [
          ['occi.networkinterface.gateway', '192.168.16.1'],
          ['occi.networkinterface.mac', 'fa:16:3e:45:1c:26'],
          ['occi.networkinterface.interface', 'eth0'],
          ['occi.networkinterface.state', 'active'],
          ['occi.networkinterface.allocation', 'static'],
          ['occi.networkinterface.address', '192.168.16.103'],
        ]),
      ],
    };
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('rOCCI-server 1, EC2 backend, CRLF lines (pOCCI text-ok-ec2-compute)', () => {
    const entity = parseTextEntity(textBody('real-rocci1-pocci/resource__text-ok-ec2-compute.txt'), 'text/plain');
    const vm = '/compute/i-375ab99b';
    const volume = (id: string, title: string, device: string) =>
      link(`${INFRA}storagelink`, [], `/link/storagelink/compute_i-375ab99b_disk_${id}`, [
        ['occi.core.target', `/storage/${id}`],
        ['occi.core.target.kind', `${INFRA}storage`],
        ['occi.core.id', `compute_i-375ab99b_disk_${id}`],
        ['occi.core.title', title],
        ['occi.core.source', vm],
        ['occi.storagelink.deviceid', device],
        ['occi.storagelink.state', 'active'],
      ]);
    const nic = (eni: string, network: string, title: string, address: string) =>
      link(`${INFRA}networkinterface`, [IPNETWORKINTERFACE], `/link/networkinterface/compute_i-375ab99b_nic_${eni}`, [
        ['occi.core.target', `/network/${network}`],
        ['occi.core.target.kind', `${INFRA}network`],
        ['occi.core.id', `compute_i-375ab99b_nic_${eni}`],
        ['occi.core.title', title],
        ['occi.core.source', vm],
        ['occi.networkinterface.state', 'active'],
        ['occi.networkinterface.address', address],
      ]);
    const expected: Resource = {
      entityType: 'resource',
      kind: `${INFRA}compute`,
      mixins: [
        'http://schemas.ec2.aws.amazon.com/occi/infrastructure/resource_tpl#t1_micro',
        'http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#ami-896c96fe',
        'http://schemas.ec2.aws.amazon.com/occi/infrastructure/compute#aws_ec2_instance',
      ],
      attributes: attrs([
        ['occi.core.id', 'i-375ab99b'],
        ['occi.compute.architecture', 'x64'],
        ['occi.compute.cores', 1],
        ['occi.compute.memory', 0.613],
        ['occi.compute.state', 'active'],
        ['com.amazon.aws.ec2.reservation_id', 'r-86a14a2c'],
        ['com.amazon.aws.ec2.availability_zone', 'eu-west-1a'],
        ['com.amazon.aws.ec2.state', 'running'],
        ['com.amazon.aws.ec2.hypervisor', 'xen'],
        ['com.amazon.aws.ec2.virtualization_type', 'paravirtual'],
      ]),
      actions: [actionLink('stop', vm), actionLink('restart', vm)],
      links: [
        volume('vol-2cc1133a', 'rOCCI-server volume 8GB', '/dev/sda1'),
        volume('vol-22574725', 'rOCCI-server volume 1GB', '/dev/xvdf'),
        nic('eni-0', 'public', 'Generated target for an interface based on a public EC2 network', '54.155.47.21'),
        nic('eni-1', 'private', 'Generated target for an interface based on a private EC2 network', '10.73.171.69'),
      ],
    };
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('rOCCI-server 1, OpenNebula backend, CRLF lines (pOCCI text-ok-opennebula-compute)', () => {
    const entity = parseTextEntity(
      textBody('real-rocci1-pocci/resource__text-ok-opennebula-compute.txt'),
      'text/plain',
    );
    const expected = opennebulaCompute('http://occi.example.com/occi/infrastructure/os_tpl#', [
      actionLink('stop', '/compute/103'),
      actionLink('restart', '/compute/103'),
      actionLink('suspend', '/compute/103'),
    ]);
    expect(ordered(entity)).toEqual(ordered(expected));
  });

  it('rOCCI-server 1, OpenNebula backend, as text/occi with comma-folded headers (pOCCI http-ok-opennebula-compute)', () => {
    const entity = parseTextEntity(capture('real-rocci1-pocci/resource__http-ok-opennebula-compute.txt'), 'text/occi');
    const expected = opennebulaCompute('http://occi.myriad5.zcu.cz/occi/infrastructure/os_tpl#', []);
    expect(ordered(entity)).toEqual(ordered(expected));
  });
});

describe('entity collections', () => {
  it('X-OCCI-Location lines, absolute URLs kept as given (pOCCI text-ok-entities)', () => {
    const base = 'https://example.com:11443/compute/';
    const expected = [
      '1070b8fe-44f9-4d0c-815b-2fbc0ef91919',
      '17679ebd-975f-4ea0-b42b-47405178c360',
      '2ce76b65-829d-430e-ac26-2882ab0ef75c',
      '3e714f28-b8b6-4f90-af85-fcbcb53b087b',
      '572ab21c-c335-4e05-ac2b-b43af289daf8',
      '76e24869-d5a1-435c-b0da-2470677ae0f5',
      '85',
      '87',
      '87f3bfc3-42d4-4474-b45c-757e55e093e9',
      '8d7899b8-580a-4b41-93d4-5d23f70896da',
      'Compute_1439912659',
      'Compute_1439913033',
      'Compute_1439913087',
      'Compute_1439913108',
      'Compute_1439915724',
      'Compute_1439915731',
      'a4acfd3f-9611-4e6d-a89e-6cd401bc6d8f',
      'ab68c744-b897-4a37-a3fb-51007d7bcc3f',
      'b3ffbc23-1538-48a5-88bc-0deec73b8e39',
      'b70dc98d-6777-4e2d-8d2a-8ea5dbf8c2b9',
    ].map((id) => base + id);
    const input = textBody('real-rocci1-pocci/entity-collection__text-ok-entities.txt');
    expect(parseTextEntityCollection(input, 'text/plain')).toEqual({ locations: expected, resources: [], links: [] });
    expect(parseTextLocationList(input, 'text/plain')).toEqual({ locations: expected });
  });

  it('text/uri-list (pOCCI uri-ok-entities)', () => {
    expect(parseUriList(readFixture('real-rocci1-pocci/entity-collection__uri-ok-entities.txt'))).toEqual({
      locations: [88, 89, 90, 91, 92].map((id) => `https://example.com:11443/compute/${id}`),
    });
  });
});

it('covers every fixture file', () => {
  // A new capture added to the folder must get its expected model above.
  expect(fixtureNames()).toEqual([
    'real-rocci1-core/occi_compute_rocci_server.text',
    'real-rocci1-core/occi_model_rocci_server.text',
    'real-rocci1-core/occi_network_rocci_server.text',
    'real-rocci1-core/occi_resource_w_inline_links.text',
    'real-rocci1-core/occi_storage_rocci_server.text',
    'real-rocci1-pocci/category-collection__http-ok-opennebula.txt',
    'real-rocci1-pocci/category-collection__text-ok-dummy.txt',
    'real-rocci1-pocci/category-collection__text-ok-ec2.txt',
    'real-rocci1-pocci/category-collection__text-ok-opennebula.txt',
    'real-rocci1-pocci/entity-collection__text-ok-entities.txt',
    'real-rocci1-pocci/entity-collection__uri-ok-entities.txt',
    'real-rocci1-pocci/resource__http-ok-opennebula-compute.txt',
    'real-rocci1-pocci/resource__text-ok-ec2-compute.txt',
    'real-rocci1-pocci/resource__text-ok-opennebula-compute.txt',
  ]);
});
