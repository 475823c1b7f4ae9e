/**
 * A resource list's columns, filters and order, computed from the Kind's attribute definitions
 * and the entities at hand; pure, so 10,000 rows are filtered and sorted without React.
 */
import {
  type AttributeValue,
  coerceAttributeValue,
  type Entity,
  memoryInGiB,
  type QueryInterface,
  type ServerProfile,
  type TypeId,
  typeId,
} from '../../occi/index.ts';
import { attributeLabel, textOf } from './attribute-form.ts';
import { entityName, stateOf } from './entity-summary.ts';

export interface Column {
  /** An attribute name, or `name`, `state`, `templates` for the computed ones. */
  readonly id: string;
  readonly label: string;
  readonly numeric: boolean;
}

/** Attributes a list never shows as a column: they are in other columns or on the detail page. */
const HIDDEN = /^occi\.core\.|\.state(\.message)?$|userdata|publickey|user_data|public_key/;
const MAX_ATTRIBUTE_COLUMNS = 5;

/** Name, state, templates (when the Kind takes any), then the Kind's own attributes. */
export function columnsFor(queryInterface: QueryInterface, kindId: TypeId): readonly Column[] {
  const columns: Column[] = [
    { id: 'name', label: 'Name', numeric: false },
    { id: 'state', label: 'State', numeric: false },
  ];
  if (
    queryInterface.applicableMixins(kindId).some((m) => queryInterface.mixinRole(typeId(m.scheme, m.term)) !== 'tag')
  ) {
    columns.push({ id: 'templates', label: 'Templates', numeric: false });
  }
  const own = queryInterface
    .attributesFor(kindId)
    .filter((attribute) => !HIDDEN.test(attribute.name))
    .slice(0, MAX_ATTRIBUTE_COLUMNS);
  for (const attribute of own) {
    columns.push({
      id: attribute.name,
      label: attributeLabel(attribute.name) + (attribute.name === 'occi.compute.memory' ? ' (GiB)' : ''),
      numeric: attribute.type === 'number',
    });
  }
  return columns;
}

/** What a mixin is called in a list: its title without a "Flavor: " lead-in, else its term. */
export function mixinLabel(queryInterface: QueryInterface, mixinId: TypeId): string {
  const mixin = queryInterface.mixin(mixinId);
  const title = mixin?.title?.replace(/^[A-Za-z ]+:\s*/, '').trim();
  return title !== undefined && title !== '' ? title : (mixin?.term ?? mixinId.split('#').at(-1) ?? mixinId);
}

export function cellValue(
  entity: Entity,
  column: Column,
  queryInterface: QueryInterface,
  serverProfile: ServerProfile,
): string | number | undefined {
  switch (column.id) {
    case 'name':
      return entityName(entity);
    case 'state':
      return stateOf(entity)?.value;
    case 'templates': {
      const templates = entity.mixins.filter((id) => queryInterface.mixinRole(id) !== 'tag');
      // None is a missing value, not an empty text: it sorts last, as the other missing values do.
      return templates.length === 0 ? undefined : templates.map((id) => mixinLabel(queryInterface, id)).join(', ');
    }
    default: {
      const value: AttributeValue | undefined = entity.attributes.get(column.id);
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
      if (column.id === 'occi.compute.memory') return memoryInGiB(value, serverProfile) ?? textOf(value);
      // pyssf quotes every number (`"2"`); text that is no clean number (`0x10`) stays text.
      const typed = column.numeric ? coerceAttributeValue(value, { type: 'number' }) : value;
      return typeof typed === 'number' ? typed : textOf(typed);
    }
  }
}

export interface ListFilter {
  readonly text: string;
  /** A state value, or '' for any. */
  readonly state: string;
  /** A mixin type id, or '' for any. */
  readonly mixin: TypeId;
}

export interface ListOrder {
  readonly column: string;
  readonly descending: boolean;
}

/** Words of the filter text must all appear in the entity's name, id, location, mixins or attribute values. */
export function matches(entity: Entity, filter: ListFilter): boolean {
  if (filter.state !== '' && stateOf(entity)?.value !== filter.state) return false;
  if (filter.mixin !== '' && !entity.mixins.includes(filter.mixin)) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    entity.location ?? '',
    ...entity.mixins.map((id) => id.split('#').at(-1) ?? ''),
    ...[...entity.attributes.values()].map(textOf),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function filterAndSort(
  entities: readonly Entity[],
  filter: ListFilter,
  order: ListOrder,
  value: (entity: Entity, columnId: string) => string | number | undefined,
): Entity[] {
  const kept = entities.filter((entity) => matches(entity, filter));
  const keyed = kept.map((entity) => ({ entity, key: value(entity, order.column) }));
  keyed.sort((a, b) => {
    // Entities without the value go last whichever the direction.
    if (a.key === undefined || b.key === undefined) return a.key === b.key ? 0 : a.key === undefined ? 1 : -1;
    const compared =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key));
    return order.descending ? -compared : compared;
  });
  return keyed.map((item) => item.entity);
}

/** The states and mixins present, for the filter lists, with how many entities have each. */
export function facets(entities: readonly Entity[]): {
  states: ReadonlyMap<string, number>;
  mixins: ReadonlyMap<TypeId, number>;
} {
  const states = new Map<string, number>();
  const mixins = new Map<TypeId, number>();
  for (const entity of entities) {
    const state = stateOf(entity)?.value;
    if (state !== undefined) states.set(state, (states.get(state) ?? 0) + 1);
    for (const mixin of entity.mixins) mixins.set(mixin, (mixins.get(mixin) ?? 0) + 1);
  }
  return { states, mixins };
}
