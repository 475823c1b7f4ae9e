/**
 * What the model browser lists, built from the query interface alone (habit 5: descriptors drive
 * screens): kinds with their inheritance, mixins grouped by role, actions; filtered by a search
 * over term, title and scheme.
 */
import type { Category, MixinRole, QueryInterface, TemplateSummary, TypeId } from '../../occi/index.ts';

export interface CatalogueEntry {
  readonly id: TypeId;
  readonly category: Category;
  /** The title, or the term when the server gives none. */
  readonly label: string;
  /** A second line: the inheritance chain of a kind, what a template brings. */
  readonly note?: string;
}

export interface MixinGroup {
  readonly role: MixinRole;
  readonly heading: string;
  readonly entries: readonly CatalogueEntry[];
}

export interface Catalogue {
  readonly kinds: readonly CatalogueEntry[];
  readonly mixinGroups: readonly MixinGroup[];
  readonly actions: readonly CatalogueEntry[];
  /** Entries shown, out of all. */
  readonly shown: number;
  readonly total: number;
}

export const ROLE_HEADINGS: ReadonlyArray<readonly [MixinRole, string]> = [
  ['os-template', 'OS templates'],
  ['resource-template', 'Resource templates'],
  ['contextualization', 'Contextualization'],
  ['network', 'Network'],
  ['tag', 'Tags'],
  ['provider', 'Provider-specific'],
];

export function idOf(category: Category): TypeId {
  return category.scheme + category.term;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function trimNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** "1 core, 0.5 GiB": what a resource template brings, or undefined when it says nothing. */
export function templateWords(summary: TemplateSummary): string | undefined {
  const parts: string[] = [];
  if (summary.cores !== undefined) parts.push(plural(summary.cores, 'core', 'cores'));
  if (summary.memory !== undefined) parts.push(`${trimNumber(summary.memory)} GiB`);
  if (summary.ephemeralStorage !== undefined) parts.push(`${trimNumber(summary.ephemeralStorage)} GB disk`);
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** "compute → resource → entity". */
export function chainWords(queryInterface: QueryInterface, kindId: TypeId): string {
  return queryInterface
    .kindChain(kindId)
    .map((kind) => kind.term)
    .join(' → ');
}

export function matchesSearch(category: Category, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [category.term, category.title ?? '', category.scheme].some((text) => text.toLowerCase().includes(needle));
}

export function buildCatalogue(queryInterface: QueryInterface, search: string): Catalogue {
  let shown = 0;
  let total = 0;
  const keep = <T extends Category>(categories: readonly T[]): T[] => {
    total += categories.length;
    const kept = categories.filter((category) => matchesSearch(category, search));
    shown += kept.length;
    return kept;
  };
  const entry = (category: Category, note?: string): CatalogueEntry => ({
    id: idOf(category),
    category,
    label: category.title ?? category.term,
    ...(note !== undefined && { note }),
  });
  const kinds = keep(queryInterface.kinds()).map((kind) => entry(kind, chainWords(queryInterface, idOf(kind))));
  const mixinGroups = ROLE_HEADINGS.map(([role, heading]) => ({
    role,
    heading,
    entries: keep(queryInterface.mixinsWithRole(role)).map((mixin) =>
      entry(
        mixin,
        role === 'resource-template' ? templateWords(queryInterface.templateSummary(idOf(mixin))) : undefined,
      ),
    ),
  })).filter((group) => group.entries.length > 0);
  const actions = keep(queryInterface.actions()).map((action) => entry(action));
  return { kinds, mixinGroups, actions, shown, total };
}
