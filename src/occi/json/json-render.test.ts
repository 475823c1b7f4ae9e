/** The 1.2 renderer: what it writes for hand-built models, and that those models come back. */
import { describe, expect, it } from 'vitest';
import { isOcciRenderError } from '../errors.ts';
import type { AttributeValue, CategoryCollection, EntityUpdate, Link, Resource } from '../model.ts';
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
} from './json-renderings.ts';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';

const nic: Link = {
  entityType: 'link',
  kind: `${INFRA}networkinterface`,
  mixins: [],
  attributes: new Map<string, AttributeValue>([
    ['occi.core.id', 'nic0'],
    ['occi.core.summary', 'links have no summary field'],
    ['occi.core.source', '/compute/1'],
    ['occi.core.target', '/network/7'],
    ['occi.core.target.kind', `${INFRA}network`],
    ['occi.networkinterface.interface', 'eth0'],
  ]),
  actions: [],
};

const compute: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: ['http://example.org/os#debian'],
  attributes: new Map<string, AttributeValue>([
    ['occi.core.id', '1'],
    ['occi.core.title', 'vm'],
    ['occi.core.summary', 'a vm'],
    ['occi.compute.cores', 2],
    ['__proto__', 'a plain member'],
  ]),
  actions: [{ action: `${INFRA.replace('#', '/compute/action#')}stop`, href: '/compute/1?action=stop' }],
  links: [nic],
};

describe('renderJsonEntity', () => {
  it('copies occi.core.* to the top-level fields and keeps them in attributes, where rOCCI-server and ooi read them', () => {
    const json = JSON.parse(renderJsonEntity(compute));
    expect(json).toEqual({
      kind: `${INFRA}compute`,
      id: '1',
      title: 'vm',
      summary: 'a vm',
      mixins: ['http://example.org/os#debian'],
      attributes: JSON.parse(
        '{"occi.core.id":"1","occi.core.title":"vm","occi.core.summary":"a vm","occi.compute.cores":2,"__proto__":"a plain member"}',
      ),
      actions: ['http://schemas.ogf.org/occi/infrastructure/compute/action#stop'],
      links: [
        {
          kind: `${INFRA}networkinterface`,
          id: 'nic0',
          attributes: {
            'occi.core.id': 'nic0',
            'occi.core.summary': 'links have no summary field',
            'occi.core.source': '/compute/1',
            'occi.core.target': '/network/7',
            'occi.core.target.kind': `${INFRA}network`,
            'occi.networkinterface.interface': 'eth0',
          },
          source: { location: '/compute/1' },
          target: { location: '/network/7', kind: `${INFRA}network` },
        },
      ],
    });
    expect(Object.getPrototypeOf(json.attributes)).toBe(Object.prototype);
  });

  it('round-trips hand-built models (href aside: 1.2 JSON lists action ids only)', () => {
    expect(parseJsonEntity(renderJsonEntity(compute))).toStrictEqual({
      ...compute,
      actions: [{ action: compute.actions[0]?.action }],
    });
    expect(parseJsonEntity(renderJsonEntity(nic))).toStrictEqual(nic);
  });

  it('leaves out empty arrays but always writes attributes, as the 1.2 schema wants', () => {
    const bare: Resource = {
      entityType: 'resource',
      kind: 'k#k',
      mixins: [],
      attributes: new Map(),
      actions: [],
      links: [],
    };
    expect(renderJsonEntity(bare)).toBe('{"kind":"k#k","attributes":{}}');
  });

  it('keeps in attributes what cannot stand at the top level', () => {
    const odd: Link = {
      entityType: 'link',
      kind: 'k#l',
      mixins: [],
      attributes: new Map<string, AttributeValue>([
        ['occi.core.title', 42],
        ['occi.core.source.kind', 'k#r'],
        ['occi.core.target', '/t'],
      ]),
      actions: [],
    };
    expect(JSON.parse(renderJsonEntity(odd))).toEqual({
      kind: 'k#l',
      attributes: { 'occi.core.title': 42, 'occi.core.source.kind': 'k#r', 'occi.core.target': '/t' },
      target: { location: '/t' },
    });
    expect(parseJsonEntity(renderJsonEntity(odd))).toStrictEqual(odd);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['nested -Infinity', { a: [1, Number.NEGATIVE_INFINITY] }],
  ])('refuses %s with OcciRenderError naming the attribute', (_, value) => {
    const bad: Resource = {
      ...compute,
      attributes: new Map<string, AttributeValue>([['org.example.x', value as AttributeValue]]),
    };
    let caught: unknown;
    try {
      renderJsonEntity(bad);
    } catch (error) {
      caught = error;
    }
    expect(isOcciRenderError(caught)).toBe(true);
    expect((caught as { field: string }).field).toBe('org.example.x');
  });
});

describe('renderJsonEntityCollection', () => {
  it('writes {} for an empty collection and leaves out empty keys', () => {
    expect(renderJsonEntityCollection({ locations: [], resources: [], links: [] })).toBe('{}');
    expect(JSON.parse(renderJsonEntityCollection({ locations: [], resources: [], links: [nic] }))).toHaveProperty(
      'links',
    );
  });

  it('writes a locations-only listing as the bare array rOCCI sends', () => {
    const listing = { locations: ['/compute/1', '/compute/2'], resources: [], links: [] };
    expect(renderJsonEntityCollection(listing)).toBe('["/compute/1","/compute/2"]');
    expect(parseJsonEntityCollection(renderJsonEntityCollection(listing))).toStrictEqual(listing);
  });

  it('refuses locations beside entities instead of dropping them', () => {
    expect(() => renderJsonEntityCollection({ locations: ['/x'], resources: [compute], links: [] })).toThrow(
      expect.objectContaining({ name: 'OcciRenderError', field: 'locations' }),
    );
  });

  it('round-trips resources and links', () => {
    const collection = { locations: [], resources: [compute], links: [nic] };
    const parsed = parseJsonEntityCollection(renderJsonEntityCollection(collection));
    expect(parsed.links).toStrictEqual([nic]);
    expect(parsed.resources[0]?.attributes).toStrictEqual(compute.attributes);
  });
});

describe('renderJsonCategories', () => {
  const model: CategoryCollection = {
    kinds: [
      {
        class: 'kind',
        term: 'compute',
        scheme: INFRA,
        attributes: [{ name: 'occi.compute.cores', mutable: true, required: false, type: 'number' }],
        actions: [],
        parent: 'http://schemas.ogf.org/occi/core#resource',
        location: '/compute/',
      },
    ],
    mixins: [
      {
        class: 'mixin',
        term: 'tag',
        scheme: 'http://example.org/tags#',
        depends: [],
        applies: [],
        attributes: [],
        actions: [],
        location: '/tags/tag/',
      },
    ],
    actions: [
      {
        class: 'action',
        term: 'stop',
        scheme: 'http://schemas.ogf.org/occi/infrastructure/compute/action#',
        title: 'Stop',
        attributes: [{ name: 'method', mutable: false, required: false }],
      },
    ],
  };

  it('writes mutable and required always, other properties only when present, no empty arrays', () => {
    expect(JSON.parse(renderJsonCategories(model))).toEqual({
      kinds: [
        {
          term: 'compute',
          scheme: INFRA,
          parent: 'http://schemas.ogf.org/occi/core#resource',
          attributes: { 'occi.compute.cores': { mutable: true, required: false, type: 'number' } },
          location: '/compute/',
        },
      ],
      mixins: [{ term: 'tag', scheme: 'http://example.org/tags#', location: '/tags/tag/' }],
      actions: [
        {
          term: 'stop',
          scheme: 'http://schemas.ogf.org/occi/infrastructure/compute/action#',
          title: 'Stop',
          attributes: { method: { mutable: false, required: false } },
        },
      ],
    });
    expect(parseJsonCategories(renderJsonCategories(model))).toStrictEqual(model);
  });

  it('writes {} for no categories', () => {
    expect(renderJsonCategories({ kinds: [], mixins: [], actions: [] })).toBe('{}');
  });

  it('refuses a non-finite default', () => {
    const bad: CategoryCollection = {
      ...model,
      actions: [
        {
          class: 'action',
          term: 't',
          scheme: 's#',
          attributes: [{ name: 'x', mutable: true, required: false, default: Number.NaN }],
        },
      ],
    };
    expect(() => renderJsonCategories(bad)).toThrow(expect.objectContaining({ name: 'OcciRenderError' }));
  });
});

describe('the other renderers', () => {
  it('writes an action invocation with its attributes, always', () => {
    const invocation = { action: 'a#stop', attributes: new Map<string, AttributeValue>() };
    expect(renderJsonActionInvocation(invocation)).toBe('{"action":"a#stop","attributes":{}}');
    const withMethod = { action: 'a#stop', attributes: new Map<string, AttributeValue>([['method', 'acpioff']]) };
    expect(parseJsonActionInvocation(renderJsonActionInvocation(withMethod))).toStrictEqual(withMethod);
  });

  it('writes an update with kind only when given, and core attributes at the top level too', () => {
    const update: EntityUpdate = {
      mixins: ['http://example.org/tpl#large'],
      attributes: new Map<string, AttributeValue>([
        ['occi.core.title', 'new'],
        ['occi.compute.cores', 8],
      ]),
      links: [],
    };
    expect(renderJsonEntityUpdate(update)).toBe(
      '{"title":"new","mixins":["http://example.org/tpl#large"],"attributes":{"occi.core.title":"new","occi.compute.cores":8}}',
    );
    expect(parseJsonEntityUpdate(renderJsonEntityUpdate(update))).toStrictEqual(update);
    const withKind: EntityUpdate = { ...update, kind: `${INFRA}compute`, links: [nic] };
    expect(parseJsonEntityUpdate(renderJsonEntityUpdate(withKind))).toStrictEqual(withKind);
  });

  it('writes a location list as a JSON array of strings', () => {
    expect(renderJsonLocationList({ locations: ['/a', 'http://h/b'] })).toBe('["/a","http://h/b"]');
    expect(parseJsonLocationList(renderJsonLocationList({ locations: [] }))).toStrictEqual({ locations: [] });
  });
});
