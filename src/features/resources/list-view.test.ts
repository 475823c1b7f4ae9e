import { describe, expect, it } from 'vitest';
import { demoCategories, flavorId, osImageId, userTagId } from '../../mocks/demo-model.ts';
import { type AttributeValue, createQueryInterface, type Entity, wellKnown } from '../../occi/index.ts';
import {
  type Column,
  cellValue,
  columnsFor,
  facets,
  filterAndSort,
  type ListFilter,
  matches,
  mixinLabel,
} from './list-view.ts';

const qi = createQueryInterface(demoCategories);
const { COMPUTE, STORAGE } = wellKnown;

function vm(
  id: string,
  attributes: Record<string, AttributeValue>,
  mixins: readonly string[] = [],
  kind: string = COMPUTE,
): Entity {
  return {
    entityType: 'resource',
    kind,
    mixins,
    attributes: new Map<string, AttributeValue>([['occi.core.id', id], ...Object.entries(attributes)]),
    actions: [],
    links: [],
    location: `compute/${id}`,
  };
}

const column = (id: string): Column => {
  const found = columnsFor(qi, COMPUTE).find((c) => c.id === id);
  if (found === undefined) throw new Error(`no column ${id}`);
  return found;
};

const ANY: ListFilter = { text: '', state: '', mixin: '' };

describe('columnsFor', () => {
  it('gives a compute list name, state, templates and the first five of its own attributes', () => {
    expect(columnsFor(qi, COMPUTE)).toEqual([
      { id: 'name', label: 'Name', numeric: false },
      { id: 'state', label: 'State', numeric: false },
      { id: 'templates', label: 'Templates', numeric: false },
      { id: 'occi.compute.architecture', label: 'Architecture', numeric: false },
      { id: 'occi.compute.cores', label: 'Cores', numeric: true },
      { id: 'occi.compute.hostname', label: 'Host name', numeric: false },
      { id: 'occi.compute.share', label: 'Share', numeric: true },
      { id: 'occi.compute.memory', label: 'Memory (GiB)', numeric: true },
    ]);
  });

  it('leaves out core attributes and the state message', () => {
    const ids = columnsFor(qi, COMPUTE).map((c) => c.id);
    expect(ids.some((id) => id.startsWith('occi.core.') || id.endsWith('.state') || id.endsWith('.message'))).toBe(
      false,
    );
  });

  it('has no templates column for a kind that only takes tags (storage)', () => {
    expect(columnsFor(qi, STORAGE)).toEqual([
      { id: 'name', label: 'Name', numeric: false },
      { id: 'state', label: 'State', numeric: false },
      { id: 'occi.storage.size', label: 'Size', numeric: true },
    ]);
  });
});

describe('mixinLabel', () => {
  it('drops the “Flavor: ” lead-in of a title, else uses the term', () => {
    expect(mixinLabel(qi, flavorId('m1.tiny'))).toBe('m1.tiny');
    expect(mixinLabel(qi, osImageId('ubuntu-22.04'))).toBe('Ubuntu 22.04 LTS (Jammy Jellyfish)');
    expect(mixinLabel(qi, 'http://example.org/unknown#thing')).toBe('thing');
  });
});

describe('cellValue', () => {
  const web = vm(
    'w1',
    {
      'occi.core.title': 'web-01',
      'occi.compute.state': 'active',
      'occi.compute.cores': '2',
      'occi.compute.memory': 0.5,
      'occi.compute.architecture': 'x64',
    },
    [flavorId('m1.tiny'), osImageId('cirros-0.3.0-x86_64-blank'), userTagId('production')],
  );

  it('gives the name, the state and the templates without tags', () => {
    expect(cellValue(web, column('name'), qi, 'generic')).toBe('web-01');
    expect(cellValue(web, column('state'), qi, 'generic')).toBe('active');
    expect(cellValue(web, column('templates'), qi, 'generic')).toBe('m1.tiny, cirros-0.3.0-x86_64-blank');
  });

  it('gives memory in GiB, converting ooi’s MiB', () => {
    expect(cellValue(web, column('occi.compute.memory'), qi, 'generic')).toBe(0.5);
    const ooi = vm('o1', { 'occi.compute.memory': 2048 });
    expect(cellValue(ooi, column('occi.compute.memory'), qi, 'ooi')).toBe(2);
    expect(cellValue(ooi, column('occi.compute.memory'), qi, 'generic')).toBe(2048);
    expect(cellValue(vm('q', { 'occi.compute.memory': '1.0' }), column('occi.compute.memory'), qi, 'generic')).toBe(1);
  });

  it('reads quoted numbers of numeric columns as numbers and keeps text as text', () => {
    expect(cellValue(web, column('occi.compute.cores'), qi, 'generic')).toBe(2);
    expect(cellValue(web, column('occi.compute.architecture'), qi, 'generic')).toBe('x64');
    expect(cellValue(vm('x', { 'occi.compute.cores': 'many' }), column('occi.compute.cores'), qi, 'generic')).toBe(
      'many',
    );
    expect(cellValue(vm('h', { 'occi.compute.cores': '0x10' }), column('occi.compute.cores'), qi, 'generic')).toBe(
      '0x10',
    );
    expect(cellValue(vm('s', { 'occi.compute.hostname': '42' }), column('occi.compute.hostname'), qi, 'generic')).toBe(
      '42',
    );
  });

  it('is undefined for a value the entity does not have, memory and templates included', () => {
    const bare = vm('b', {});
    for (const id of ['state', 'templates', 'occi.compute.cores', 'occi.compute.memory', 'occi.compute.hostname']) {
      expect(cellValue(bare, column(id), qi, 'generic'), id).toBeUndefined();
    }
  });
});

describe('matches', () => {
  const web = vm(
    'w1',
    { 'occi.core.title': 'web-01', 'occi.compute.state': 'active', 'occi.compute.hostname': 'shop.example.org' },
    [flavorId('m1.tiny'), userTagId('production')],
  );

  it('takes every entity for an empty filter', () => {
    expect(matches(web, ANY)).toBe(true);
    expect(matches(web, { ...ANY, text: '   ' })).toBe(true);
  });

  it('needs every word of the text, in any case, in the entity’s values, location or mixin terms', () => {
    expect(matches(web, { ...ANY, text: 'WEB shop' })).toBe(true);
    expect(matches(web, { ...ANY, text: 'compute/w1' })).toBe(true);
    expect(matches(web, { ...ANY, text: 'tiny production' })).toBe(true);
    expect(matches(web, { ...ANY, text: 'web db' })).toBe(false);
  });

  it('filters by state and by mixin', () => {
    expect(matches(web, { ...ANY, state: 'active' })).toBe(true);
    expect(matches(web, { ...ANY, state: 'inactive' })).toBe(false);
    expect(matches(web, { ...ANY, mixin: userTagId('production') })).toBe(true);
    expect(matches(web, { ...ANY, mixin: userTagId('staging') })).toBe(false);
    expect(matches(web, { text: 'web', state: 'active', mixin: userTagId('staging') })).toBe(false);
  });
});

describe('filterAndSort', () => {
  const a = vm('a', { 'occi.core.title': 'alpha', 'occi.compute.cores': 8, 'occi.compute.state': 'active' });
  const b = vm('b', { 'occi.core.title': 'Bravo', 'occi.compute.cores': '10', 'occi.compute.state': 'inactive' });
  const c = vm('c', { 'occi.core.title': 'charlie', 'occi.compute.cores': 2, 'occi.compute.state': 'active' });
  const d = vm('d', { 'occi.core.title': 'delta' });
  const all = [d, b, a, c];
  const value = (entity: Entity, id: string) => cellValue(entity, column(id), qi, 'generic');
  const titles = (entities: readonly Entity[]) => entities.map((e) => e.attributes.get('occi.core.title'));

  it('sorts text case-insensitively, and descending when asked', () => {
    expect(titles(filterAndSort(all, ANY, { column: 'name', descending: false }, value))).toEqual([
      'alpha',
      'Bravo',
      'charlie',
      'delta',
    ]);
    expect(titles(filterAndSort(all, ANY, { column: 'name', descending: true }, value))).toEqual([
      'delta',
      'charlie',
      'Bravo',
      'alpha',
    ]);
  });

  it('sorts numbers as numbers (2 < 8 < 10), with the missing value last in both directions', () => {
    expect(titles(filterAndSort(all, ANY, { column: 'occi.compute.cores', descending: false }, value))).toEqual([
      'charlie',
      'alpha',
      'Bravo',
      'delta',
    ]);
    expect(titles(filterAndSort(all, ANY, { column: 'occi.compute.cores', descending: true }, value))).toEqual([
      'Bravo',
      'alpha',
      'charlie',
      'delta',
    ]);
  });

  it('puts entities without a state last in both directions', () => {
    for (const descending of [false, true]) {
      expect(titles(filterAndSort(all, ANY, { column: 'state', descending }, value)).at(-1)).toBe('delta');
    }
  });

  it('puts entities without memory or templates last, though those columns read the value specially', () => {
    const small = vm('s', { 'occi.core.title': 'small', 'occi.compute.memory': 1 }, [flavorId('m1.tiny')]);
    const big = vm('g', { 'occi.core.title': 'big', 'occi.compute.memory': 16 }, [flavorId('m1.xlarge')]);
    const none = vm('n', { 'occi.core.title': 'none' });
    for (const id of ['occi.compute.memory', 'templates']) {
      for (const descending of [false, true]) {
        expect(titles(filterAndSort([none, big, small], ANY, { column: id, descending }, value)), id).toEqual(
          descending ? ['big', 'small', 'none'] : ['small', 'big', 'none'],
        );
      }
    }
  });

  it('keeps only the entities the filter takes', () => {
    expect(
      titles(filterAndSort(all, { ...ANY, state: 'active' }, { column: 'name', descending: false }, value)),
    ).toEqual(['alpha', 'charlie']);
    expect(titles(filterAndSort(all, { ...ANY, text: 'ar' }, { column: 'name', descending: true }, value))).toEqual([
      'charlie',
    ]);
  });

  it('does not change the array it is given', () => {
    const copy = [...all];
    filterAndSort(all, ANY, { column: 'name', descending: false }, value);
    expect(all).toEqual(copy);
  });
});

describe('facets', () => {
  it('counts the states and mixins present', () => {
    const entities = [
      vm('1', { 'occi.compute.state': 'active' }, [userTagId('production'), flavorId('m1.tiny')]),
      vm('2', { 'occi.compute.state': 'active' }, [userTagId('production')]),
      vm('3', { 'occi.compute.state': 'error' }),
      vm('4', {}),
    ];
    const { states, mixins } = facets(entities);
    expect([...states]).toEqual([
      ['active', 2],
      ['error', 1],
    ]);
    expect([...mixins]).toEqual([
      [userTagId('production'), 2],
      [flavorId('m1.tiny'), 1],
    ]);
  });

  it('is empty for no entities', () => {
    const { states, mixins } = facets([]);
    expect(states.size + mixins.size).toBe(0);
  });
});
