import { FactsTable } from '../../../components/facts-table.tsx';
import type { Attributes, Entity, Structure, StructureModels } from '../../../occi/index.ts';

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function AttributeTable({ attributes, caption }: { attributes: Attributes; caption: string }) {
  if (attributes.size === 0) return <p className="muted">No attributes.</p>;
  return (
    <FactsTable
      caption={caption}
      columns={['Attribute', 'Value', 'Type']}
      cellClasses={['', 'muted']}
      rows={[...attributes].map(([name, value]) => ({
        key: name,
        name: <code>{name}</code>,
        cells: [formatValue(value), Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value],
      }))}
    />
  );
}

function TypeIdList({ label, ids }: { label: string; ids: readonly string[] }) {
  return (
    <div>
      <h3>{label}</h3>
      {ids.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="ids">
          {ids.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EntityView({ entity }: { entity: Entity }) {
  return (
    <>
      <p>
        A {entity.entityType} of kind <code>{entity.kind}</code>
      </p>
      <TypeIdList label="Mixins" ids={entity.mixins} />
      <AttributeTable attributes={entity.attributes} caption="Attributes" />
      <TypeIdList label="Actions offered" ids={entity.actions.map((action) => action.action)} />
      {entity.entityType === 'resource' &&
        entity.links.map((link, index) => (
          <AttributeTable
            // Links need not have an id or a location; their position is what identifies them here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            attributes={link.attributes}
            caption={`Link ${index + 1}: ${link.kind}${link.location === undefined ? '' : ` at ${link.location}`}`}
          />
        ))}
    </>
  );
}

export function ModelView<S extends Structure>({ structure, model }: { structure: S; model: StructureModels[S] }) {
  const m = model as StructureModels[Structure];
  switch (structure) {
    case 'categories': {
      const c = m as StructureModels['categories'];
      return (
        <>
          <p>
            {c.kinds.length} kinds, {c.mixins.length} mixins, {c.actions.length} actions
          </p>
          <TypeIdList label="Kinds" ids={c.kinds.map((k) => k.scheme + k.term)} />
          <TypeIdList label="Mixins" ids={c.mixins.map((k) => k.scheme + k.term)} />
          <TypeIdList label="Actions" ids={c.actions.map((k) => k.scheme + k.term)} />
        </>
      );
    }
    case 'entity':
      return <EntityView entity={m as Entity} />;
    case 'entity-collection': {
      const c = m as StructureModels['entity-collection'];
      return (
        <>
          <p>
            {c.locations.length} locations, {c.resources.length} resources, {c.links.length} links
          </p>
          <TypeIdList label="Locations" ids={c.locations} />
        </>
      );
    }
    case 'action-invocation': {
      const a = m as StructureModels['action-invocation'];
      return (
        <>
          <p>
            Invokes <code>{a.action}</code>
          </p>
          <AttributeTable attributes={a.attributes} caption="Parameters" />
        </>
      );
    }
    case 'entity-update': {
      const u = m as StructureModels['entity-update'];
      return (
        <>
          <TypeIdList label="Mixins" ids={u.mixins} />
          <AttributeTable attributes={u.attributes} caption="Attributes" />
        </>
      );
    }
    default:
      return <TypeIdList label="Locations" ids={(m as StructureModels['location-list']).locations} />;
  }
}
