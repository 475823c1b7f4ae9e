/**
 * Parse -> render -> parse gives the model back, for every fixture and in both text renderings
 * (and text/uri-list for the listings), and for models written by hand for the structures the
 * fixtures do not hold (updates, action invocations).
 */
import { describe, expect, it } from 'vitest';
import type { ActionInvocation, AttributeValue, CategoryCollection, EntityUpdate, LocationList } from '../model.ts';
import { headersOfCapture, readFixture } from '../test-support/fixtures.ts';
import { ordered } from '../test-support/ordered.ts';
import {
  parseTextActionInvocation,
  parseTextCategories,
  parseTextEntity,
  parseTextEntityCollection,
  parseTextEntityUpdate,
  parseTextLocationList,
  renderTextActionInvocation,
  renderTextCategories,
  renderTextEntity,
  renderTextEntityCollection,
  renderTextEntityUpdate,
  renderTextLocationList,
  type TextInput,
  type TextMediaType,
  type TextOutput,
} from './text-renderings.ts';
import { parseUriList, renderUriList } from './uri-list.ts';

const TYPES: readonly TextMediaType[] = ['text/plain', 'text/occi'];

function input(name: string): { input: TextInput; type: TextMediaType } {
  const text = readFixture(name);
  return name.includes('__http-')
    ? { input: { headers: headersOfCapture(text), body: '' }, type: 'text/occi' }
    : { input: { headers: [], body: text }, type: 'text/plain' };
}

/** What a rendering hands over, as the next parser receives it. */
function received(output: TextOutput): TextInput {
  return { headers: output.headers, body: output.body };
}

/**
 * What the text renderings can carry of a category collection: a mixin's rel holds its first
 * dependency only, and `applies` has no text form (GFD.229).
 */
function carriedByText(collection: CategoryCollection): CategoryCollection {
  return {
    ...collection,
    mixins: collection.mixins.map((mixin) => ({ ...mixin, depends: mixin.depends.slice(0, 1), applies: [] })),
  };
}

const CATEGORY_FIXTURES = [
  'real-rocci1-core/occi_model_rocci_server.text',
  'real-rocci1-pocci/category-collection__http-ok-opennebula.txt',
  'real-rocci1-pocci/category-collection__text-ok-dummy.txt',
  'real-rocci1-pocci/category-collection__text-ok-ec2.txt',
  'real-rocci1-pocci/category-collection__text-ok-opennebula.txt',
];

const ENTITY_FIXTURES = [
  'real-rocci1-core/occi_compute_rocci_server.text',
  'real-rocci1-core/occi_network_rocci_server.text',
  'real-rocci1-core/occi_resource_w_inline_links.text',
  'real-rocci1-core/occi_storage_rocci_server.text',
  'real-rocci1-pocci/resource__http-ok-opennebula-compute.txt',
  'real-rocci1-pocci/resource__text-ok-ec2-compute.txt',
  'real-rocci1-pocci/resource__text-ok-opennebula-compute.txt',
];

describe.each(TYPES)('round trip through %s', (type) => {
  it.each(CATEGORY_FIXTURES)('category collection %s', (name) => {
    const fixture = input(name);
    const model = parseTextCategories(fixture.input, fixture.type);
    const again = parseTextCategories(received(renderTextCategories(model, type)), type);
    expect(ordered(again)).toEqual(ordered(carriedByText(model)));
  });

  it.each(ENTITY_FIXTURES)('entity %s', (name) => {
    const fixture = input(name);
    const model = parseTextEntity(fixture.input, fixture.type);
    const again = parseTextEntity(received(renderTextEntity(model, type)), type);
    expect(ordered(again)).toEqual(ordered(model));
  });

  it('entity collection entity-collection__text-ok-entities.txt', () => {
    const fixture = input('real-rocci1-pocci/entity-collection__text-ok-entities.txt');
    const model = parseTextEntityCollection(fixture.input, fixture.type);
    const again = parseTextEntityCollection(received(renderTextEntityCollection(model, type)), type);
    expect(again).toEqual(model);
    expect(model.locations).toHaveLength(20);
  });

  it('location list entity-collection__uri-ok-entities.txt, read as text/uri-list', () => {
    const model = parseUriList(readFixture('real-rocci1-pocci/entity-collection__uri-ok-entities.txt'));
    expect(parseTextLocationList(received(renderTextLocationList(model, type)), type)).toEqual(model);
  });

  it('an entity update, kind left out, with a mixin, a link and typed attributes', () => {
    const update: EntityUpdate = {
      mixins: ['http://cloud.example.org/occi/resource_tpl#m2-large'],
      attributes: new Map<string, AttributeValue>([
        ['occi.core.title', 'web "01", the first'],
        ['occi.compute.cores', 4],
        ['occi.compute.memory', 0.5],
        ['org.example.autostart', true],
      ]),
      links: [
        {
          entityType: 'link',
          kind: 'http://schemas.ogf.org/occi/infrastructure#networkinterface',
          mixins: ['http://schemas.ogf.org/occi/infrastructure/networkinterface#ipnetworkinterface'],
          attributes: new Map<string, string | number>([
            ['occi.core.target', '/network/7'],
            ['occi.core.target.kind', 'http://schemas.ogf.org/occi/infrastructure#network'],
            ['occi.networkinterface.interface', 'eth1'],
          ]),
          actions: [],
        },
      ],
    };
    const again = parseTextEntityUpdate(received(renderTextEntityUpdate(update, type)), type);
    expect(ordered(again)).toEqual(ordered(update));
    const withKind: EntityUpdate = { ...update, kind: 'http://schemas.ogf.org/occi/infrastructure#compute' };
    expect(ordered(parseTextEntityUpdate(received(renderTextEntityUpdate(withKind, type)), type))).toEqual(
      ordered(withKind),
    );
  });

  it('an action invocation with its parameters', () => {
    const invocation: ActionInvocation = {
      action: 'http://schemas.ogf.org/occi/infrastructure/compute/action#save',
      attributes: new Map([
        ['method', 'deferred'],
        ['name', 'snapshot, "before upgrade"'],
      ]),
    };
    const again = parseTextActionInvocation(received(renderTextActionInvocation(invocation, type)), type);
    expect(ordered(again)).toEqual(ordered(invocation));
  });

  it('an empty location list', () => {
    const empty: LocationList = { locations: [] };
    expect(renderTextLocationList(empty, type)).toEqual({ headers: [], body: '' });
    expect(parseTextLocationList(received(renderTextLocationList(empty, type)), type)).toEqual(empty);
  });
});

it('round trip through text/uri-list', () => {
  const model = parseUriList(readFixture('real-rocci1-pocci/entity-collection__uri-ok-entities.txt'));
  expect(parseUriList(renderUriList(model))).toEqual(model);
  const listed = parseTextEntityCollection(
    input('real-rocci1-pocci/entity-collection__text-ok-entities.txt').input,
    'text/plain',
  );
  expect(parseUriList(renderUriList(listed)).locations).toEqual(listed.locations);
});
