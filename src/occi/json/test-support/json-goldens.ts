/**
 * Golden inputs, one per shape the JSON parsers support, each with the model written by hand from
 * the spec digest (§1.6, §4.6-4.8) and the servers' own renderers, not from the parser's output.
 */
import type {
  ActionInvocation,
  AttributeValue,
  CategoryCollection,
  Entity,
  EntityCollection,
  EntityUpdate,
  Link,
  LocationList,
  Resource,
} from '../../model.ts';
import {
  parseJsonActionInvocation,
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  parseJsonEntityUpdate,
  parseJsonLocationList,
  renderJsonActionInvocation,
  renderJsonCategories,
  renderJsonEntity,
  renderJsonEntityCollection,
  renderJsonEntityUpdate,
  renderJsonLocationList,
} from '../json-renderings.ts';

const OGF = 'http://schemas.ogf.org/occi';
const CORE = `${OGF}/core#`;
export const INFRA = `${OGF}/infrastructure#`;
export const COMPUTE_ACTION = `${OGF}/infrastructure/compute/action#`;

export function attrs(...entries: [string, AttributeValue][]): Map<string, AttributeValue> {
  return new Map(entries);
}

// ---------------------------------------------------------------------------------------------
// OCCI 1.2 (GFD.226)

export const QUERY_12 = `{
  "kinds": [
    {
      "term": "entity",
      "scheme": "${CORE}",
      "title": "Entity",
      "attributes": {
        "occi.core.id": { "mutable": false, "required": true, "type": "string", "description": "Identifier" },
        "occi.core.title": { "mutable": true }
      }
    },
    {
      "term": "compute",
      "scheme": "${INFRA}",
      "title": "Compute Resource",
      "parent": "${CORE}resource",
      "attributes": {
        "occi.compute.cores": {
          "mutable": true,
          "required": false,
          "type": "number",
          "default": 1,
          "pattern": { "$schema": "http://json-schema.org/draft-04/schema#", "type": "integer", "minimum": 1 },
          "description": "Number of CPU cores"
        },
        "occi.compute.state": { "required": true, "type": "string", "default": "inactive" },
        "occi.compute.tags": { "type": "array", "default": ["a", 1, null] }
      },
      "actions": ["${COMPUTE_ACTION}start", "${COMPUTE_ACTION}stop"],
      "location": "/compute/"
    }
  ],
  "mixins": [
    {
      "term": "medium",
      "scheme": "http://example.com/template/resource#",
      "title": "Medium VM",
      "depends": ["${INFRA}resource_tpl"],
      "applies": ["${INFRA}compute"],
      "attributes": { "occi.compute.memory": { "type": "number", "default": 4.5 } },
      "location": "/template/resource/medium/"
    }
  ],
  "actions": [
    {
      "term": "stop",
      "scheme": "${COMPUTE_ACTION}",
      "title": "Stop",
      "attributes": {
        "method": { "mutable": true, "required": false, "type": "string", "default": "poweroff" }
      }
    }
  ]
}`;

const QUERY_12_MODEL: CategoryCollection = {
  kinds: [
    {
      class: 'kind',
      term: 'entity',
      scheme: CORE,
      title: 'Entity',
      attributes: [
        { name: 'occi.core.id', mutable: false, required: true, type: 'string', description: 'Identifier' },
        // GFD.226: `required` absent means false; `type` absent stays absent.
        { name: 'occi.core.title', mutable: true, required: false },
      ],
      actions: [],
    },
    {
      class: 'kind',
      term: 'compute',
      scheme: INFRA,
      title: 'Compute Resource',
      parent: `${CORE}resource`,
      attributes: [
        {
          name: 'occi.compute.cores',
          mutable: true,
          required: false,
          type: 'number',
          default: 1,
          pattern: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'integer', minimum: 1 },
          description: 'Number of CPU cores',
        },
        { name: 'occi.compute.state', mutable: false, required: true, type: 'string', default: 'inactive' },
        { name: 'occi.compute.tags', mutable: false, required: false, type: 'array', default: ['a', 1, null] },
      ],
      actions: [`${COMPUTE_ACTION}start`, `${COMPUTE_ACTION}stop`],
      location: '/compute/',
    },
  ],
  mixins: [
    {
      class: 'mixin',
      term: 'medium',
      scheme: 'http://example.com/template/resource#',
      title: 'Medium VM',
      depends: [`${INFRA}resource_tpl`],
      applies: [`${INFRA}compute`],
      attributes: [{ name: 'occi.compute.memory', mutable: false, required: false, type: 'number', default: 4.5 }],
      actions: [],
      location: '/template/resource/medium/',
    },
  ],
  actions: [
    {
      class: 'action',
      term: 'stop',
      scheme: COMPUTE_ACTION,
      title: 'Stop',
      attributes: [{ name: 'method', mutable: true, required: false, type: 'string', default: 'poweroff' }],
    },
  ],
};

export const RESOURCE_12 = `{
  "kind": "${INFRA}compute",
  "mixins": ["http://cloud.example.org/occi/os_tpl#ubuntu-22"],
  "attributes": {
    "occi.compute.cores": 2,
    "occi.compute.hostname": "web-01",
    "org.example.flags": { "backup": true, "zones": ["a", "b"] },
    "org.example.note": null
  },
  "actions": ["${COMPUTE_ACTION}stop", "${COMPUTE_ACTION}restart"],
  "id": "urn:uuid:4a1c7e0e-0000-4000-8000-000000000042",
  "title": "web-01",
  "summary": "front end",
  "links": [
    {
      "kind": "${INFRA}networkinterface",
      "mixins": ["${OGF}/infrastructure/networkinterface#ipnetworkinterface"],
      "attributes": { "occi.networkinterface.interface": "eth0", "occi.networkinterface.address": "10.0.0.5" },
      "actions": ["${OGF}/infrastructure/networkinterface/action#down"],
      "id": "nic0",
      "title": "public",
      "source": { "location": "/compute/42", "kind": "${INFRA}compute" },
      "target": { "location": "/network/7", "kind": "${INFRA}network" }
    }
  ]
}`;

export const NIC_12: Link = {
  entityType: 'link',
  kind: `${INFRA}networkinterface`,
  mixins: [`${OGF}/infrastructure/networkinterface#ipnetworkinterface`],
  attributes: attrs(
    ['occi.core.id', 'nic0'],
    ['occi.core.title', 'public'],
    ['occi.core.source', '/compute/42'],
    ['occi.core.source.kind', `${INFRA}compute`],
    ['occi.core.target', '/network/7'],
    ['occi.core.target.kind', `${INFRA}network`],
    ['occi.networkinterface.interface', 'eth0'],
    ['occi.networkinterface.address', '10.0.0.5'],
  ),
  actions: [{ action: `${OGF}/infrastructure/networkinterface/action#down` }],
};

const RESOURCE_12_MODEL: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: ['http://cloud.example.org/occi/os_tpl#ubuntu-22'],
  attributes: attrs(
    ['occi.core.id', 'urn:uuid:4a1c7e0e-0000-4000-8000-000000000042'],
    ['occi.core.title', 'web-01'],
    ['occi.core.summary', 'front end'],
    ['occi.compute.cores', 2],
    ['occi.compute.hostname', 'web-01'],
    ['org.example.flags', { backup: true, zones: ['a', 'b'] }],
    ['org.example.note', null],
  ),
  actions: [{ action: `${COMPUTE_ACTION}stop` }, { action: `${COMPUTE_ACTION}restart` }],
  links: [NIC_12],
};

export const LINK_12 = `{
  "kind": "${INFRA}storagelink",
  "attributes": { "occi.storagelink.deviceid": "vdb" },
  "id": "sl-1",
  "source": { "location": "/compute/42" },
  "target": { "location": "/storage/9" }
}`;

export const LINK_12_MODEL: Link = {
  entityType: 'link',
  kind: `${INFRA}storagelink`,
  mixins: [],
  attributes: attrs(
    ['occi.core.id', 'sl-1'],
    ['occi.core.source', '/compute/42'],
    ['occi.core.target', '/storage/9'],
    ['occi.storagelink.deviceid', 'vdb'],
  ),
  actions: [],
};

const COLLECTION_12 = `{
  "resources": [
    { "kind": "${INFRA}storage", "id": "9", "attributes": { "occi.storage.size": 10 } },
    { "kind": "${INFRA}network", "id": "7", "attributes": {} }
  ],
  "links": [${LINK_12}]
}`;

const COLLECTION_12_MODEL: EntityCollection = {
  locations: [],
  resources: [
    {
      entityType: 'resource',
      kind: `${INFRA}storage`,
      mixins: [],
      attributes: attrs(['occi.core.id', '9'], ['occi.storage.size', 10]),
      actions: [],
      links: [],
    },
    {
      entityType: 'resource',
      kind: `${INFRA}network`,
      mixins: [],
      attributes: attrs(['occi.core.id', '7']),
      actions: [],
      links: [],
    },
  ],
  links: [LINK_12_MODEL],
};

const ACTION_12 = `{"action":"${COMPUTE_ACTION}stop","attributes":{"method":"acpioff","org.example.force":true}}`;

const ACTION_12_MODEL: ActionInvocation = {
  action: `${COMPUTE_ACTION}stop`,
  attributes: attrs(['method', 'acpioff'], ['org.example.force', true]),
};

const UPDATE_12 = `{
  "mixins": ["http://cloud.example.org/occi/resource_tpl#large"],
  "title": "renamed",
  "attributes": { "occi.compute.cores": 4 }
}`;

const UPDATE_12_MODEL: EntityUpdate = {
  mixins: ['http://cloud.example.org/occi/resource_tpl#large'],
  attributes: attrs(['occi.core.title', 'renamed'], ['occi.compute.cores', 4]),
  links: [],
};

// ---------------------------------------------------------------------------------------------
// rOCCI 4 (rOCCI-server 1.x): nested attributes, `related`, string link ends with `rel`

const ROCCI4_COLLECTION = `{
  "resources": [
    {
      "kind": "${INFRA}compute",
      "attributes": {
        "occi": {
          "compute": { "cores": 1, "memory": 256 },
          "core": { "id": "34c88188", "summary": "" }
        }
      },
      "links": [
        {
          "kind": "${INFRA}storagelink",
          "rel": "${INFRA}storage",
          "source": "/compute/34c88188",
          "target": "/storage/34c88189",
          "attributes": { "occi": { "core": { "id": "urn:uuid:34cbb948", "title": "Harddisk 1" } } }
        }
      ]
    }
  ],
  "links": [
    {
      "kind": "${INFRA}storagelink",
      "attributes": {
        "occi": { "core": { "id": "l2", "source": "/compute/1", "target": "/storage/2" }, "storagelink": { "deviceid": "sda" } }
      }
    }
  ]
}`;

const ROCCI4_COLLECTION_MODEL: EntityCollection = {
  locations: [],
  resources: [
    {
      entityType: 'resource',
      kind: `${INFRA}compute`,
      mixins: [],
      // Core first (id, then summary), then the rest in text order.
      attributes: attrs(
        ['occi.core.id', '34c88188'],
        ['occi.core.summary', ''],
        ['occi.compute.cores', 1],
        ['occi.compute.memory', 256],
      ),
      actions: [],
      links: [
        {
          entityType: 'link',
          kind: `${INFRA}storagelink`,
          mixins: [],
          attributes: attrs(
            ['occi.core.id', 'urn:uuid:34cbb948'],
            ['occi.core.title', 'Harddisk 1'],
            ['occi.core.source', '/compute/34c88188'],
            ['occi.core.target', '/storage/34c88189'],
            ['occi.core.target.kind', `${INFRA}storage`],
          ),
          actions: [],
        },
      ],
    },
  ],
  links: [
    {
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: attrs(
        ['occi.core.id', 'l2'],
        ['occi.core.source', '/compute/1'],
        ['occi.core.target', '/storage/2'],
        ['occi.storagelink.deviceid', 'sda'],
      ),
      actions: [],
    },
  ],
};

const ROCCI4_CATEGORIES = `{
  "kinds": [
    {
      "parent": "${CORE}resource",
      "related": ["${CORE}resource"],
      "actions": ["${OGF}/infrastructure/storage/action#online"],
      "location": "/storage/",
      "scheme": "${INFRA}",
      "term": "storage",
      "title": "storage resource",
      "attributes": {
        "occi": {
          "core": {
            "id": { "type": "string", "pattern": "[a-f0-9]{8}" },
            "title": { "type": "string", "mutable": true, "pattern": ".*" }
          },
          "storage": {
            "size": { "type": "number", "mutable": true, "required": true },
            "type": { "type": "string", "default": "disk" }
          }
        }
      }
    },
    {
      "related": ["${INFRA}storage"],
      "location": "/ssd/",
      "scheme": "http://example.com/occi#",
      "term": "ssd"
    }
  ],
  "mixins": [
    { "related": ["${INFRA}os_tpl"], "location": "/mixins/debian/", "scheme": "http://example.com/occi/os#", "term": "debian", "attributes": {} }
  ],
  "actions": [{ "scheme": "${COMPUTE_ACTION}", "term": "stop", "attributes": {} }]
}`;

const ROCCI4_CATEGORIES_MODEL: CategoryCollection = {
  kinds: [
    {
      class: 'kind',
      term: 'storage',
      scheme: INFRA,
      title: 'storage resource',
      parent: `${CORE}resource`,
      attributes: [
        { name: 'occi.core.id', mutable: false, required: false, type: 'string', pattern: '[a-f0-9]{8}' },
        { name: 'occi.core.title', mutable: true, required: false, type: 'string', pattern: '.*' },
        { name: 'occi.storage.size', mutable: true, required: true, type: 'number' },
        // `storage` holds `type` as an object, so it is a namespace and `type` an attribute.
        { name: 'occi.storage.type', mutable: false, required: false, type: 'string', default: 'disk' },
      ],
      actions: [`${OGF}/infrastructure/storage/action#online`],
      location: '/storage/',
    },
    // Only `related`: the first entry is the parent.
    {
      class: 'kind',
      term: 'ssd',
      scheme: 'http://example.com/occi#',
      parent: `${INFRA}storage`,
      attributes: [],
      actions: [],
      location: '/ssd/',
    },
  ],
  mixins: [
    {
      class: 'mixin',
      term: 'debian',
      scheme: 'http://example.com/occi/os#',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      attributes: [],
      actions: [],
      location: '/mixins/debian/',
    },
  ],
  actions: [{ class: 'action', term: 'stop', scheme: COMPUTE_ACTION, attributes: [] }],
};

const ROCCI4_ACTION = `{"action":"${COMPUTE_ACTION}stop","attributes":{"method":"graceful","org":{"example":{"force":true}}}}`;

const ROCCI4_ACTION_MODEL: ActionInvocation = {
  action: `${COMPUTE_ACTION}stop`,
  attributes: attrs(['method', 'graceful'], ['org.example.force', true]),
};

// ---------------------------------------------------------------------------------------------
// pyssf: whole categories for kind, mixins and actions; string properties; bare arrays

const PYSSF_KIND = `{"scheme":"${INFRA}","term":"compute","title":"A compute","related":["${CORE}resource"],"location":"/compute/","attributes":{"occi.compute.cores":"muttable","occi.compute.state":"immutable","occi.compute.hostname":"required"},"actions":["${COMPUTE_ACTION}start"]}`;

const PYSSF_ENTITY = `{
  "kind": ${PYSSF_KIND},
  "mixins": [{ "scheme": "http://example.com/os#", "term": "ubuntu", "location": "/ubuntu/" }],
  "actions": [{ "kind": { "scheme": "${COMPUTE_ACTION}", "term": "start" }, "link": "/compute/a1?action=start" }],
  "links": [
    {
      "kind": { "scheme": "${INFRA}", "term": "networkinterface" },
      "mixins": [],
      "actions": [],
      "attributes": { "occi.core.id": "/link/networkinterface/n1", "occi.networkinterface.interface": "eth0" },
      "source": "/compute/a1",
      "target": "/network/public"
    }
  ],
  "attributes": { "occi.core.id": "/compute/a1", "occi.compute.cores": "2", "occi.core.title": "vm" }
}`;

const PYSSF_ENTITY_MODEL: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: ['http://example.com/os#ubuntu'],
  // pyssf quotes every value: "2" stays a string.
  attributes: attrs(['occi.core.id', '/compute/a1'], ['occi.core.title', 'vm'], ['occi.compute.cores', '2']),
  actions: [{ action: `${COMPUTE_ACTION}start`, href: '/compute/a1?action=start' }],
  links: [
    {
      entityType: 'link',
      kind: `${INFRA}networkinterface`,
      mixins: [],
      attributes: attrs(
        ['occi.core.id', '/link/networkinterface/n1'],
        ['occi.core.source', '/compute/a1'],
        ['occi.core.target', '/network/public'],
        ['occi.networkinterface.interface', 'eth0'],
      ),
      actions: [],
    },
  ],
};

const PYSSF_CATEGORIES = `[
  ${PYSSF_KIND},
  { "scheme": "${INFRA}", "term": "os_tpl", "location": "/os_tpl/" },
  { "scheme": "http://example.com/os#", "term": "ubuntu", "related": ["${INFRA}os_tpl"], "location": "/ubuntu/" },
  { "scheme": "http://example.com/kinds#", "term": "bigcompute", "related": ["${INFRA}compute"], "location": "/big/" },
  { "scheme": "${COMPUTE_ACTION}", "term": "start", "title": "Start" }
]`;

const PYSSF_COMPUTE_KIND = {
  class: 'kind',
  term: 'compute',
  scheme: INFRA,
  title: 'A compute',
  parent: `${CORE}resource`,
  // "muttable" (sic): mutable, optional; "immutable"; "required": mutable and required.
  attributes: [
    { name: 'occi.compute.cores', mutable: true, required: false },
    { name: 'occi.compute.state', mutable: false, required: false },
    { name: 'occi.compute.hostname', mutable: true, required: true },
  ],
  actions: [`${COMPUTE_ACTION}start`],
  location: '/compute/',
} as const;

const PYSSF_CATEGORIES_MODEL: CategoryCollection = {
  kinds: [
    PYSSF_COMPUTE_KIND,
    // Related to a kind, so a kind.
    {
      class: 'kind',
      term: 'bigcompute',
      scheme: 'http://example.com/kinds#',
      parent: `${INFRA}compute`,
      attributes: [],
      actions: [],
      location: '/big/',
    },
  ],
  mixins: [
    {
      class: 'mixin',
      term: 'os_tpl',
      scheme: INFRA,
      depends: [],
      applies: [],
      attributes: [],
      actions: [],
      location: '/os_tpl/',
    },
    {
      class: 'mixin',
      term: 'ubuntu',
      scheme: 'http://example.com/os#',
      depends: [`${INFRA}os_tpl`],
      applies: [],
      attributes: [],
      actions: [],
      location: '/ubuntu/',
    },
  ],
  // No location: an action.
  actions: [{ class: 'action', term: 'start', scheme: COMPUTE_ACTION, title: 'Start', attributes: [] }],
};

const PYSSF_COLLECTION = `[
  { "kind": { "scheme": "${INFRA}", "term": "network" }, "mixins": [], "actions": [], "links": [], "attributes": { "occi.core.id": "/network/n" } },
  { "kind": { "scheme": "${INFRA}", "term": "storagelink" }, "source": "/compute/c", "target": "/storage/s", "attributes": {} }
]`;

const PYSSF_COLLECTION_MODEL: EntityCollection = {
  locations: [],
  resources: [
    {
      entityType: 'resource',
      kind: `${INFRA}network`,
      mixins: [],
      attributes: attrs(['occi.core.id', '/network/n']),
      actions: [],
      links: [],
    },
  ],
  links: [
    {
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: attrs(['occi.core.source', '/compute/c'], ['occi.core.target', '/storage/s']),
      actions: [],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// ooi: numeric terms, empty keys left out, occi.core.* stripped from attributes

const OOI_CATEGORIES = `{"mixins":[{"term":1,"scheme":"http://schemas.openstack.org/template/resource#","title":"Flavor: m1.tiny","attributes":{"occi.compute.cores":{"mutable":false,"required":false,"type":"number","default":1}},"location":"https://cloud.example.org:8787/occi1.1/resource_tpl/1","depends":["${INFRA}resource_tpl"],"applies":["${INFRA}compute"]}]}`;

const OOI_CATEGORIES_MODEL: CategoryCollection = {
  kinds: [],
  mixins: [
    {
      class: 'mixin',
      term: '1',
      scheme: 'http://schemas.openstack.org/template/resource#',
      title: 'Flavor: m1.tiny',
      depends: [`${INFRA}resource_tpl`],
      applies: [`${INFRA}compute`],
      attributes: [{ name: 'occi.compute.cores', mutable: false, required: false, type: 'number', default: 1 }],
      actions: [],
      location: 'https://cloud.example.org:8787/occi1.1/resource_tpl/1',
    },
  ],
  actions: [],
};

export const OOI_ENTITY = `{"kind":"${INFRA}compute","id":"b1e0","title":"vm1","attributes":{"occi.compute.state":"active","occi.compute.memory":2048}}`;

export const OOI_ENTITY_MODEL: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: [],
  attributes: attrs(
    ['occi.core.id', 'b1e0'],
    ['occi.core.title', 'vm1'],
    ['occi.compute.state', 'active'],
    ['occi.compute.memory', 2048],
  ),
  actions: [],
  links: [],
};

// ---------------------------------------------------------------------------------------------
// rOCCI 5 (rOCCI-server 2.x): occi.core.* twice, Ruby regexps, `{"locations":[...]}`

export const ROCCI5_ENTITY = `{
  "actions": ["${COMPUTE_ACTION}stop"],
  "attributes": {
    "occi.compute.architecture": "x64",
    "occi.core.id": "89878",
    "occi.core.summary": "Instantiated with rOCCI-server",
    "occi.core.title": "stale title"
  },
  "id": "89878",
  "kind": "${INFRA}compute",
  "summary": "Instantiated with rOCCI-server",
  "title": "my_compute"
}`;

const ROCCI5_ENTITY_MODEL: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: [],
  // The top-level title wins over the attribute twin.
  attributes: attrs(
    ['occi.core.id', '89878'],
    ['occi.core.title', 'my_compute'],
    ['occi.core.summary', 'Instantiated with rOCCI-server'],
    ['occi.compute.architecture', 'x64'],
  ),
  actions: [{ action: `${COMPUTE_ACTION}stop` }],
  links: [],
};

const ROCCI5_CATEGORIES = `{"kinds":[{"attributes":{"occi.compute.architecture":{"default":"x64","description":"Compute platform architecture.","mutable":true,"pattern":"(?-mix:^(x86|x64)$)","required":false,"type":"string"}},"location":"/compute/","parent":"${CORE}resource","scheme":"${INFRA}","term":"compute","title":"OCCI Infrastructure Compute"}]}`;

const ROCCI5_CATEGORIES_MODEL: CategoryCollection = {
  kinds: [
    {
      class: 'kind',
      term: 'compute',
      scheme: INFRA,
      title: 'OCCI Infrastructure Compute',
      parent: `${CORE}resource`,
      attributes: [
        {
          name: 'occi.compute.architecture',
          mutable: true,
          required: false,
          type: 'string',
          default: 'x64',
          pattern: '(?-mix:^(x86|x64)$)',
          description: 'Compute platform architecture.',
        },
      ],
      actions: [],
      location: '/compute/',
    },
  ],
  mixins: [],
  actions: [],
};

const ROCCI_LOCATIONS = '["/compute/1","https://cloud.example.org/compute/2"]';
const ROCCI5_LOCATIONS = '{"locations":["/compute/1","https://cloud.example.org/compute/2"]}';
const LOCATIONS_MODEL: LocationList = { locations: ['/compute/1', 'https://cloud.example.org/compute/2'] };
const LOCATIONS_COLLECTION_MODEL: EntityCollection = {
  locations: ['/compute/1', 'https://cloud.example.org/compute/2'],
  resources: [],
  links: [],
};

// ---------------------------------------------------------------------------------------------

export interface Golden<T> {
  readonly name: string;
  readonly input: string;
  readonly model: T;
  readonly parse: (body: string) => T;
  readonly render: (model: T) => string;
  /** What the model is after a render: 1.2 JSON has no action URLs. */
  readonly afterRender?: T;
}

function golden<T>(g: Golden<T>): Golden<unknown> {
  return g as Golden<unknown>;
}

const categories = { parse: parseJsonCategories, render: renderJsonCategories };
const entity = { parse: parseJsonEntity, render: renderJsonEntity };
const collection = { parse: parseJsonEntityCollection, render: renderJsonEntityCollection };

export const GOLDENS: readonly Golden<unknown>[] = [
  golden({ name: '1.2 query interface', input: QUERY_12, model: QUERY_12_MODEL, ...categories }),
  golden({ name: '1.2 resource with links and actions', input: RESOURCE_12, model: RESOURCE_12_MODEL, ...entity }),
  golden<Entity>({ name: '1.2 link', input: LINK_12, model: LINK_12_MODEL, ...entity }),
  golden({ name: '1.2 entity collection', input: COLLECTION_12, model: COLLECTION_12_MODEL, ...collection }),
  golden({
    name: '1.2 action invocation',
    input: ACTION_12,
    model: ACTION_12_MODEL,
    parse: parseJsonActionInvocation,
    render: renderJsonActionInvocation,
  }),
  golden({
    name: '1.2 entity update',
    input: UPDATE_12,
    model: UPDATE_12_MODEL,
    parse: parseJsonEntityUpdate,
    render: renderJsonEntityUpdate,
  }),
  golden({
    name: 'rOCCI 4 nested collection',
    input: ROCCI4_COLLECTION,
    model: ROCCI4_COLLECTION_MODEL,
    ...collection,
  }),
  golden({ name: 'rOCCI 4 categories', input: ROCCI4_CATEGORIES, model: ROCCI4_CATEGORIES_MODEL, ...categories }),
  golden({
    name: 'rOCCI 4 nested action invocation',
    input: ROCCI4_ACTION,
    model: ROCCI4_ACTION_MODEL,
    parse: parseJsonActionInvocation,
    render: renderJsonActionInvocation,
  }),
  golden<Entity>({
    name: 'pyssf entity',
    input: PYSSF_ENTITY,
    model: PYSSF_ENTITY_MODEL,
    ...entity,
    afterRender: { ...PYSSF_ENTITY_MODEL, actions: [{ action: `${COMPUTE_ACTION}start` }] },
  }),
  golden({
    name: 'pyssf categories (bare array)',
    input: PYSSF_CATEGORIES,
    model: PYSSF_CATEGORIES_MODEL,
    ...categories,
  }),
  golden({
    name: 'pyssf collection (bare array)',
    input: PYSSF_COLLECTION,
    model: PYSSF_COLLECTION_MODEL,
    ...collection,
  }),
  golden({ name: 'ooi numeric terms', input: OOI_CATEGORIES, model: OOI_CATEGORIES_MODEL, ...categories }),
  golden({ name: 'ooi entity', input: OOI_ENTITY, model: OOI_ENTITY_MODEL, ...entity }),
  golden({ name: 'rOCCI 5 duplicates', input: ROCCI5_ENTITY, model: ROCCI5_ENTITY_MODEL, ...entity }),
  golden({ name: 'rOCCI 5 Ruby patterns', input: ROCCI5_CATEGORIES, model: ROCCI5_CATEGORIES_MODEL, ...categories }),
  golden({ name: 'rOCCI bare URL array', input: ROCCI_LOCATIONS, model: LOCATIONS_COLLECTION_MODEL, ...collection }),
  golden({
    name: 'location list (array)',
    input: ROCCI_LOCATIONS,
    model: LOCATIONS_MODEL,
    parse: parseJsonLocationList,
    render: renderJsonLocationList,
  }),
  golden({
    name: 'rOCCI 5 location list (object)',
    input: ROCCI5_LOCATIONS,
    model: LOCATIONS_MODEL,
    parse: parseJsonLocationList,
    render: renderJsonLocationList,
  }),
  golden({
    name: 'rOCCI 5 locations as a collection',
    input: ROCCI5_LOCATIONS,
    model: LOCATIONS_COLLECTION_MODEL,
    ...collection,
  }),
];
