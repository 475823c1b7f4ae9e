import type { Action, AttributeValue, CategoryCollection, Kind, Link, Mixin, Resource } from '../src/occi/index.ts';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

/** A query interface the size of a large provider: a few kinds, many templates, their actions. */
export function sampleCategories(total: number): CategoryCollection {
  const kinds: Kind[] = ['compute', 'storage', 'network', 'storagelink', 'networkinterface'].map((term) => ({
    class: 'kind',
    scheme: INFRA,
    term,
    title: `${term} resource`,
    parent: 'http://schemas.ogf.org/occi/core#resource',
    location: `/${term}/`,
    attributes: [
      { name: `occi.${term}.state`, mutable: false, required: true },
      { name: `occi.${term}.size`, mutable: true, required: false },
      { name: `occi.${term}.label`, mutable: true, required: false },
    ],
    actions: [`${ACTION}start`, `${ACTION}stop`],
  }));
  const actions: Action[] = ['start', 'stop', 'restart', 'suspend'].map((term) => ({
    class: 'action',
    scheme: ACTION,
    term,
    title: `${term} the machine`,
    attributes: [{ name: 'method', mutable: true, required: false }],
  }));
  const mixins: Mixin[] = [];
  for (let i = 0; mixins.length + kinds.length + actions.length < total; i++) {
    const os = i % 2 === 0;
    mixins.push({
      class: 'mixin',
      scheme: os ? 'http://cloud.example.org/occi/os_tpl#' : 'http://cloud.example.org/occi/resource_tpl#',
      term: os ? `image-${i}` : `flavor-${i}`,
      title: os ? `Ubuntu 22.04 build ${i}` : `Flavour ${i}: ${i % 16} cores, ${i % 64} GiB`,
      depends: [os ? `${INFRA}os_tpl` : `${INFRA}resource_tpl`],
      applies: [],
      location: os ? `/mixin/os_tpl/image-${i}/` : `/mixin/resource_tpl/flavor-${i}/`,
      attributes: os ? [] : [{ name: 'occi.compute.cores', mutable: true, required: false }],
      actions: [],
    });
  }
  return { kinds, mixins, actions };
}

function attrs(entries: Array<[string, AttributeValue]>): Map<string, AttributeValue> {
  return new Map(entries);
}

/** A virtual machine as rOCCI renders one: templates, a volume and a NIC linked, actions offered. */
export function sampleResource(i: number): Resource {
  const id = `4a1c7e0e-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const link = (kind: string, target: string, extra: Array<[string, AttributeValue]>): Link => ({
    entityType: 'link',
    kind: `${INFRA}${kind}`,
    mixins: [],
    location: `/${kind}/${id}-${target.replaceAll('/', '')}`,
    attributes: attrs([
      ['occi.core.id', `${id}-${kind}`],
      ['occi.core.source', `/compute/${id}`],
      ['occi.core.target', target],
      ['occi.core.target.kind', `${INFRA}${kind === 'storagelink' ? 'storage' : 'network'}`],
      ...extra,
    ]),
    actions: [],
  });
  return {
    entityType: 'resource',
    kind: `${INFRA}compute`,
    mixins: ['http://cloud.example.org/occi/os_tpl#ubuntu-22', 'http://cloud.example.org/occi/resource_tpl#m2-small'],
    location: `/compute/${id}`,
    attributes: attrs([
      ['occi.core.id', id],
      ['occi.core.title', `web-${i}`],
      ['occi.core.summary', 'Front end, serves the shop; see the runbook, section 4.'],
      ['occi.compute.architecture', 'x64'],
      ['occi.compute.cores', 2],
      ['occi.compute.memory', 4.5],
      ['occi.compute.hostname', `web-${i}.example.org`],
      ['occi.compute.state', i % 3 === 0 ? 'inactive' : 'active'],
    ]),
    links: [
      link('storagelink', `/storage/vol-${i}`, [
        ['occi.storagelink.deviceid', 'vdb'],
        ['occi.storagelink.mountpoint', '/dev/vdb'],
        ['occi.storagelink.state', 'active'],
      ]),
      link('networkinterface', '/network/public', [
        ['occi.networkinterface.interface', 'eth0'],
        ['occi.networkinterface.mac', '02:00:0a:00:00:05'],
        ['occi.networkinterface.state', 'active'],
      ]),
    ],
    actions: ['stop', 'restart', 'suspend'].map((term) => ({
      action: `${ACTION}${term}`,
      href: `/compute/${id}?action=${term}`,
    })),
  };
}
