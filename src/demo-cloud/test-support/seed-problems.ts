import { createQueryInterface, type Entity, typeId, validateAttributeValue } from '../../occi/index.ts';
import { demoCategories } from '../demo-categories.ts';

const qi = createQueryInterface(demoCategories);
const kindIds = new Set(demoCategories.kinds.map((k) => typeId(k.scheme, k.term)));

/** Why a seeded entity does not fit the demo cloud's query interface; empty when it fits. */
export function seedProblemsOf(entity: Entity): string[] {
  const where = entity.location ?? '(no location)';
  const problems: string[] = [];
  if (!kindIds.has(entity.kind)) problems.push(`${where}: unknown kind ${entity.kind}`);
  const applicable = new Set(qi.applicableMixins(entity.kind).map((m) => typeId(m.scheme, m.term)));
  for (const id of entity.mixins) {
    if (qi.mixin(id) === undefined) problems.push(`${where}: unknown mixin ${id}`);
    else if (!applicable.has(id)) problems.push(`${where}: mixin ${id} does not apply to ${entity.kind}`);
  }
  const definitions = new Map(qi.attributesFor(entity.kind, entity.mixins).map((d) => [d.name, d]));
  for (const [name, value] of entity.attributes) {
    const definition = definitions.get(name);
    const message =
      definition === undefined ? 'is not defined for its kind and mixins' : validateAttributeValue(value, definition);
    if (message !== null) problems.push(`${where}: ${name} ${message}`);
  }
  for (const definition of definitions.values()) {
    if (definition.required && !entity.attributes.has(definition.name) && definition.default === undefined) {
      problems.push(`${where}: required ${definition.name} is missing`);
    }
  }
  return problems;
}
