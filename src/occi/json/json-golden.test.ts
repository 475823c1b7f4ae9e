/** The golden inputs of test-support/json-goldens.ts, parsed and round-tripped. */
import { describe, expect, it } from 'vitest';
import type { Entity, Link, Resource } from '../model.ts';
import {
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  renderJsonEntity,
} from './json-renderings.ts';
import {
  attrs,
  GOLDENS,
  INFRA,
  LINK_12,
  LINK_12_MODEL,
  NIC_12,
  OOI_ENTITY,
  OOI_ENTITY_MODEL,
  RESOURCE_12,
  ROCCI5_ENTITY,
} from './test-support/json-goldens.ts';

/** Keys in order: the model promises core attributes first, then text order. */
function keysOf(entity: Entity): string[] {
  return [...entity.attributes.keys()];
}

describe('golden inputs', () => {
  for (const g of GOLDENS) {
    it(`parses ${g.name}`, () => {
      expect(g.parse(g.input)).toStrictEqual(g.model);
    });

    it(`round-trips ${g.name} through the 1.2 renderer`, () => {
      const rendered = g.render(g.parse(g.input));
      expect(() => JSON.parse(rendered)).not.toThrow();
      expect(g.parse(rendered)).toStrictEqual(g.afterRender ?? g.model);
    });
  }

  it('orders core attributes first, in id, title, summary, source, source.kind, target, target.kind order', () => {
    expect(keysOf(parseJsonEntity(ROCCI5_ENTITY))).toEqual([
      'occi.core.id',
      'occi.core.title',
      'occi.core.summary',
      'occi.compute.architecture',
    ]);
    const resource = parseJsonEntity(RESOURCE_12) as Resource;
    expect(keysOf(resource.links[0] as Link)).toEqual([...(NIC_12.attributes.keys() as Iterable<string>)]);
    expect(keysOf(parseJsonEntity(renderJsonEntity(resource)))).toEqual(keysOf(resource));
  });

  it('accepts a 1.2 entity labelled with a single-entity collection (rOCCI 4) or a one-item array (pyssf)', () => {
    expect(parseJsonEntity(`{"resources":[${OOI_ENTITY}]}`)).toEqual(OOI_ENTITY_MODEL);
    expect(parseJsonEntity(`[${LINK_12}]`)).toEqual(LINK_12_MODEL);
    expect(parseJsonEntity(`{"links":[${LINK_12}]}`)).toEqual(LINK_12_MODEL);
  });

  it('reads rOCCI-server 1.x entities: links by their location, actions as category objects', () => {
    // rOCCI-core 4's Resource#as_json renders each link by its URL and each action as its category.
    const input = `{"kind":"${INFRA}compute","mixins":["http://example.org/os_tpl#debian"],
      "actions":[{"scheme":"${INFRA}compute/action#","term":"stop","title":"Stop"},
                 {"scheme":"${INFRA}compute/action#","term":"restart"}],
      "attributes":{"occi":{"core":{"id":"c1","title":"one"},"compute":{"state":"active"}}},
      "id":"c1",
      "links":["/link/storagelink/compute_c1_disk_0","/link/networkinterface/compute_c1_nic_0"]}`;
    const entity = parseJsonEntity(input) as Resource;
    expect(entity.actions).toEqual([
      { action: `${INFRA}compute/action#stop` },
      { action: `${INFRA}compute/action#restart` },
    ]);
    expect(entity.attributes.get('occi.compute.state')).toBe('active');
    expect(entity.links).toEqual([
      {
        entityType: 'link',
        kind: 'http://schemas.ogf.org/occi/core#link',
        mixins: [],
        attributes: new Map(),
        actions: [],
        location: '/link/storagelink/compute_c1_disk_0',
      },
      {
        entityType: 'link',
        kind: 'http://schemas.ogf.org/occi/core#link',
        mixins: [],
        attributes: new Map(),
        actions: [],
        location: '/link/networkinterface/compute_c1_nic_0',
      },
    ]);
    // A whole listing of them is read, not refused.
    const listing = parseJsonEntityCollection(`{"resources":[${input},${input}]}`);
    expect(listing.resources).toHaveLength(2);
  });

  it('reads a standalone rOCCI 4 link (ends only among nested attributes) as a Link', () => {
    const input = `{"kind":"${INFRA}storagelink","attributes":{"occi":{"core":{"source":"/c/1","target":"/s/2"}}}}`;
    expect(parseJsonEntity(input)).toEqual({
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: attrs(['occi.core.source', '/c/1'], ['occi.core.target', '/s/2']),
      actions: [],
    });
  });

  it('reads one bare category (the answer to a save action) by the classification rules', () => {
    expect(parseJsonCategories('{"term":"snap1","scheme":"http://example.com/os#","location":"/os/snap1/"}')).toEqual({
      kinds: [],
      mixins: [
        {
          class: 'mixin',
          term: 'snap1',
          scheme: 'http://example.com/os#',
          depends: [],
          applies: [],
          attributes: [],
          actions: [],
          location: '/os/snap1/',
        },
      ],
      actions: [],
    });
  });

  it('reads 1.1-style attribute name lists as mutable and optional', () => {
    const parsed = parseJsonCategories(`{"kinds":[{"term":"k","scheme":"s#","attributes":["a.b","c.d"]}]}`);
    expect(parsed.kinds[0]?.attributes).toEqual([
      { name: 'a.b', mutable: true, required: false },
      { name: 'c.d', mutable: true, required: false },
    ]);
  });

  it('leaves entity location absent', () => {
    expect(parseJsonEntity(OOI_ENTITY)).not.toHaveProperty('location');
  });
});

describe('other spellings real servers and drafts use', () => {
  it('reads `related` as a single string (2011 draft) and a `class` member in bare arrays', () => {
    const parsed = parseJsonCategories(
      '[{"term":"t","scheme":"s#","related":"http://x#os_tpl","location":"/t/","class":"mixin"},{"term":"k","scheme":"s#","class":"kind","related":"http://x#y"}]',
    );
    expect(parsed.mixins[0]?.depends).toEqual(['http://x#os_tpl']);
    expect(parsed.kinds[0]?.parent).toBe('http://x#y');
  });

  it('prefers `parent` over `related` (rOCCI 4 writes both)', () => {
    const parsed = parseJsonCategories('{"kinds":[{"term":"k","scheme":"s#","parent":"p#a","related":["p#b"]}]}');
    expect(parsed.kinds[0]?.parent).toBe('p#a');
  });

  it('reads the 2011 draft action links and link `rel` arrays', () => {
    const entity = parseJsonEntity(
      '{"kind":"k#c","actions":[{"title":"Start","href":"/c/1?action=start","category":"a#start"}],"links":[{"kind":"k#l","target":"/s/1","rel":["k#storage"]}]}',
    ) as Resource;
    expect(entity.actions).toEqual([{ action: 'a#start', href: '/c/1?action=start' }]);
    expect(entity.links[0]?.attributes.get('occi.core.target.kind')).toBe('k#storage');
  });

  it('turns numeric ids and titles into strings, and treats null fields as absent', () => {
    const entity = parseJsonEntity('{"kind":"k#c","id":456,"title":null,"attributes":{"occi.core.title":"t"}}');
    expect([...entity.attributes]).toEqual([
      ['occi.core.id', '456'],
      ['occi.core.title', 't'],
    ]);
  });

  it('keeps an `{"location"}`-only end without a kind', () => {
    const link = parseJsonEntity(
      `{"kind":"${INFRA}storagelink","source":{"location":"/c","kind":null},"target":"/s"}`,
    ) as Link;
    expect([...link.attributes.keys()]).toEqual(['occi.core.source', 'occi.core.target']);
  });
});
