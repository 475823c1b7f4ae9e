/**
 * Across renderings: the same model rendered as text/plain, text/occi and OCCI JSON parses back
 * equal, for every real capture and for generated models. Each rendering's own tests cover its
 * quirks; this file proves they agree with each other through the public entry point.
 *
 * What a rendering cannot carry is taken out before comparing, and said here once:
 * - JSON has no action link hrefs (1.2 lists action type identifiers) and no link locations;
 * - text has no attribute types, defaults, patterns or descriptions, no mixin `applies`, only a
 *   mixin's first dependency, no null and no array or object values;
 * - text/occi travels in HTTP headers, so its values are ASCII.
 * Attribute order is compared within one rendering (its own tests) but not across renderings: a
 * text link lists its target first (it stands in `<...>`), JSON lists the occi.core attributes first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOcciParseError } from './errors.ts';
import { arbAttributeName, arbTerm, arbTypeId, arbUri } from './json/test-support/arbitraries.ts';
import type { AttributeValue, CategoryCollection, Entity, Link, Resource } from './model.ts';
import { OCCI_MEDIA_TYPES, type OcciMediaType } from './negotiation.ts';
import { type OcciMessage, parseMessage, renderMessage, type Structure, type StructureModels } from './renderings.ts';
import { fixtureNames, headersOfCapture, readFixture } from './test-support/fixtures.ts';
import { ordered } from './test-support/ordered.ts';

const RENDERINGS: readonly OcciMediaType[] = ['text/plain', 'text/occi', 'application/occi+json'];

function roundTrip<S extends Structure>(structure: S, model: StructureModels[S], type: OcciMediaType) {
  return parseMessage(structure, renderMessage(structure, model, type));
}

function withoutHrefs(entity: Entity): Entity {
  const actions = entity.actions.map(({ action }) => ({ action }));
  if (entity.entityType === 'link') return { ...entity, actions };
  const links = entity.links.map((link) => withoutHrefs(link) as Link);
  return { ...entity, actions, links };
}

/** What survives every rendering: no hrefs (JSON), no link locations (JSON). */
function portableEntity(entity: Entity): Entity {
  const stripped = withoutHrefs(entity);
  if (stripped.entityType === 'link') return stripped;
  return { ...stripped, links: stripped.links.map(({ location: _, ...link }) => link) };
}

function textCategories(collection: CategoryCollection): CategoryCollection {
  const definitions = <T extends { attributes: CategoryCollection['kinds'][number]['attributes'] }>(
    category: T,
  ): T => ({
    ...category,
    attributes: category.attributes.map(({ name, mutable, required }) => ({ name, mutable, required })),
  });
  return {
    kinds: collection.kinds.map(definitions),
    actions: collection.actions.map(definitions),
    mixins: collection.mixins.map((mixin) => ({
      ...definitions(mixin),
      depends: mixin.depends.slice(0, 1),
      applies: [],
    })),
  };
}

function fixtureMessage(name: string): OcciMessage {
  const text = readFixture(name);
  if (name.includes('__http-')) return { contentType: 'text/occi', headers: headersOfCapture(text), body: '' };
  if (name.includes('__uri-')) return { contentType: 'text/uri-list', headers: [], body: text };
  return { contentType: 'text/plain', headers: [], body: text };
}

function structureOf(name: string): Structure {
  if (name.includes('category-collection') || name.includes('_model_')) return 'categories';
  if (name.includes('entity-collection')) return 'entity-collection';
  return 'entity';
}

describe('every capture, through every rendering', () => {
  const names = fixtureNames();

  it('covers all the captures', () => {
    expect(names.length).toBe(14);
  });

  describe.each(names)('%s', (name) => {
    const structure = structureOf(name);
    const parsed = parseMessage(structure, fixtureMessage(name));

    it.each(RENDERINGS)('parses back equal from %s', (type) => {
      if (structure === 'entity') {
        const entity = parsed as Entity;
        const back = roundTrip('entity', entity, type);
        const expected = type === 'application/occi+json' ? portableEntity(entity) : entity;
        const actual = type === 'application/occi+json' ? portableEntity(back) : back;
        expect(actual).toEqual(expected);
      } else if (structure === 'categories') {
        const collection = parsed as CategoryCollection;
        const back = roundTrip('categories', collection, type);
        const expected = type === 'application/occi+json' ? collection : textCategories(collection);
        expect(ordered(back)).toEqual(ordered(expected));
      } else {
        expect(roundTrip('entity-collection', parsed as StructureModels['entity-collection'], type)).toEqual(parsed);
      }
    });
  });

  it('lists the same locations in text/uri-list and as X-OCCI-Location lines', () => {
    const uriList = parseMessage(
      'entity-collection',
      fixtureMessage('real-rocci1-pocci/entity-collection__uri-ok-entities.txt'),
    );
    const back = roundTrip('entity-collection', uriList, 'text/uri-list');
    expect(back.locations).toEqual(['88', '89', '90', '91', '92'].map((n) => `https://example.com:11443/compute/${n}`));
    expect(roundTrip('entity-collection', uriList, 'text/plain')).toEqual(back);
  });
});

// Printable ASCII with the characters that need quoting or escaping in text: ", \, ;, and ,.
const arbText = fc.string({ maxLength: 16 });
const arbPrimitive: fc.Arbitrary<AttributeValue> = fc.oneof(
  arbText,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
);
const arbAttributes = fc.uniqueArray(fc.tuple(arbAttributeName, arbPrimitive), { maxLength: 5, selector: ([n]) => n });

const arbPortableLink: fc.Arbitrary<Link> = fc
  .record({
    kind: arbTypeId,
    mixins: fc.uniqueArray(arbTypeId, { maxLength: 2 }),
    id: arbText,
    source: arbUri,
    target: arbUri,
    targetKind: arbTypeId,
    rest: arbAttributes,
  })
  .map(
    (r): Link => ({
      entityType: 'link',
      kind: r.kind,
      mixins: r.mixins,
      actions: [],
      attributes: new Map<string, AttributeValue>([
        ['occi.core.id', r.id],
        ['occi.core.source', r.source],
        ['occi.core.target', r.target],
        ['occi.core.target.kind', r.targetKind],
        ...r.rest,
      ]),
    }),
  );

const arbPortableResource: fc.Arbitrary<Resource> = fc
  .record({
    kind: arbTypeId,
    mixins: fc.uniqueArray(arbTypeId, { maxLength: 3 }),
    actions: fc.uniqueArray(arbTypeId, { maxLength: 3 }),
    id: fc.uuid(),
    title: arbText,
    rest: arbAttributes,
    links: fc.array(arbPortableLink, { maxLength: 3 }),
  })
  .map(
    (r): Resource => ({
      entityType: 'resource',
      kind: r.kind,
      mixins: r.mixins,
      actions: r.actions.map((action) => ({ action })),
      attributes: new Map<string, AttributeValue>([['occi.core.id', r.id], ['occi.core.title', r.title], ...r.rest]),
      links: r.links,
    }),
  );

const arbDefinitions = fc.uniqueArray(
  fc.record({ name: arbAttributeName, mutable: fc.boolean(), required: fc.boolean() }),
  { maxLength: 4, selector: (d) => d.name },
);
const KINDS_SCHEME = 'http://schemas.ogf.org/occi/infrastructure#';
const arbPortableCategories: fc.Arbitrary<CategoryCollection> = fc.record({
  kinds: fc
    .uniqueArray(
      fc.record({
        term: arbTerm,
        title: arbText,
        attributes: arbDefinitions,
        actions: fc.uniqueArray(arbTypeId, { maxLength: 3 }),
        location: arbUri,
      }),
      { maxLength: 3, selector: (k) => k.term },
    )
    .map((kinds) =>
      kinds.map((k) => ({ ...k, class: 'kind' as const, scheme: KINDS_SCHEME, parent: `${KINDS_SCHEME}resource` })),
    ),
  // Dependencies in a scheme of their own: a rel naming a listed kind would be read as `applies`.
  mixins: fc.array(
    fc
      .record({ term: arbTerm, title: arbText, attributes: arbDefinitions, dependency: arbTerm, location: arbUri })
      .map(({ dependency, ...m }) => ({
        ...m,
        class: 'mixin' as const,
        scheme: 'http://cloud.example.org/occi/os_tpl#',
        depends: [`http://cloud.example.org/occi/templates#${dependency}`],
        applies: [],
        actions: [],
      })),
    { maxLength: 3 },
  ),
  actions: fc.array(
    fc.record({ term: arbTerm, attributes: arbDefinitions }).map((a) => ({
      ...a,
      class: 'action' as const,
      scheme: 'http://schemas.ogf.org/occi/infrastructure/compute/action#',
    })),
    { maxLength: 3 },
  ),
});

describe('generated models, through every rendering', () => {
  it.each(RENDERINGS)('a resource with links and actions parses back equal from %s', (type) => {
    fc.assert(
      fc.property(arbPortableResource, (resource) => {
        expect(withoutHrefs(roundTrip('entity', resource, type))).toEqual(resource);
      }),
      { numRuns: 150 },
    );
  });

  it.each(RENDERINGS)('a standalone link parses back equal from %s', (type) => {
    fc.assert(
      fc.property(arbPortableLink, (link) => {
        expect(roundTrip('entity', link, type)).toEqual(link);
      }),
      { numRuns: 150 },
    );
  });

  it.each(RENDERINGS)('a query interface parses back equal from %s', (type) => {
    fc.assert(
      fc.property(arbPortableCategories, (collection) => {
        expect(ordered(roundTrip('categories', collection, type))).toEqual(ordered(collection));
      }),
      { numRuns: 150 },
    );
  });

  it('gives one model from text/plain, text/occi and JSON alike', () => {
    fc.assert(
      fc.property(arbPortableResource, (resource) => {
        const [plain, occi, json] = RENDERINGS.map((type) => withoutHrefs(roundTrip('entity', resource, type)));
        expect(occi).toEqual(plain);
        expect(json).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the public entry point', () => {
  it('reads a message by its Content-Type, charset and all', () => {
    const entity = parseMessage('entity', {
      contentType: 'text/plain; charset=utf-8',
      headers: [],
      body: 'Category: storage; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\nX-OCCI-Attribute: occi.storage.size=1.0',
    });
    expect(entity.kind).toBe('http://schemas.ogf.org/occi/infrastructure#storage');
    expect(entity.attributes.get('occi.storage.size')).toBe(1);
  });

  it('reads OCCI JSON labelled application/json, as rOCCI-server 2 sends it', () => {
    const entity = parseMessage('entity', {
      contentType: 'application/json',
      headers: [],
      body: '{"kind":"http://schemas.ogf.org/occi/infrastructure#network","id":"n1","attributes":{}}',
    });
    expect(entity.attributes.get('occi.core.id')).toBe('n1');
  });

  it('refuses a content type that is no OCCI rendering, with OcciMediaTypeError', () => {
    expect(() => parseMessage('entity', { contentType: 'text/html', headers: [], body: '<html>' })).toThrowError(
      expect.objectContaining({ name: 'OcciMediaTypeError', mediaType: 'text/html' }),
    );
  });

  it('refuses to put a query interface in text/uri-list', () => {
    expect(() => renderMessage('categories', { kinds: [], mixins: [], actions: [] }, 'text/uri-list')).toThrowError(
      expect.objectContaining({ name: 'OcciMediaTypeError' }),
    );
  });

  it('lists every rendering it speaks', () => {
    expect([...OCCI_MEDIA_TYPES].sort()).toEqual([...RENDERINGS, 'text/uri-list'].sort());
  });

  it('only ever throws OcciParseError or OcciMediaTypeError for arbitrary input', () => {
    const structures: Structure[] = [
      'categories',
      'entity',
      'entity-collection',
      'action-invocation',
      'entity-update',
      'location-list',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...structures),
        fc.constantFrom(...OCCI_MEDIA_TYPES, 'text/occi+plain', 'application/json'),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (structure, contentType, body) => {
          try {
            parseMessage(structure, { contentType, headers: [['Category', body]], body });
          } catch (error) {
            const known = isOcciParseError(error) || (error as Error).name === 'OcciMediaTypeError';
            if (!known) throw error;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
