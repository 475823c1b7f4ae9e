/**
 * What the server did with an update compared with what was asked: a server may answer 200 and
 * change nothing (pyssf keeps the old templates after a swap), and the user is told so, in words.
 */
import {
  type AttributeValue,
  type Entity,
  type EntityUpdate,
  type QueryInterface,
  type TypeId,
  typedAttributes,
} from '../../occi/index.ts';

export interface IgnoredChange {
  /** What was asked: a mixin's type id or an attribute's name. */
  readonly asked: string;
  /** In words: "the server kept m1.tiny: m1.medium was not applied". */
  readonly words: string;
}

function same(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  // pyssf quotes numbers: "2" is 2.
  return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
}

/**
 * The parts of an update the entity the server gave back does not show: a mixin not among its
 * mixins (or one it should have replaced still there), an attribute with another value.
 * `label` names a mixin for a tenant.
 */
export function ignoredChanges(
  update: EntityUpdate,
  replaces: readonly TypeId[],
  after: Entity,
  queryInterface: QueryInterface,
  label: (id: TypeId) => string,
): IgnoredChange[] {
  const ignored: IgnoredChange[] = [];
  const kept = replaces.filter((id) => after.mixins.includes(id) && !update.mixins.includes(id));
  for (const id of update.mixins) {
    if (after.mixins.includes(id)) continue;
    const still = kept.length === 0 ? '' : `the server kept ${kept.map(label).join(', ')}: `;
    ignored.push({ asked: id, words: `${still}${label(id)} was not applied` });
  }
  const values = typedAttributes(after, queryInterface);
  const asked = typedAttributes({ ...after, attributes: update.attributes }, queryInterface);
  for (const [name, value] of asked) {
    const now = values.get(name);
    if (same(now, value)) continue;
    ignored.push({
      asked: name,
      words: `${name} is ${now === undefined ? 'not set' : JSON.stringify(now)}, not ${JSON.stringify(value)}`,
    });
  }
  return ignored;
}
