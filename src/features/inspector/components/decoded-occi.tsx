import { FactsTable } from '../../../components/facts-table.tsx';
import type {
  ActionInvocation,
  Attributes,
  AttributeValue,
  CategoryCollection,
  Entity,
  EntityCollection,
  EntityUpdate,
  Link,
} from '../../../occi/index.ts';
import type { Decoded } from '../decode-exchange.ts';

function valueText(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function typeOf(value: AttributeValue): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function AttributesTable({ attributes, caption }: { attributes: Attributes; caption: string }) {
  return (
    <FactsTable
      caption={caption}
      columns={['Attribute', 'Value', 'Type']}
      empty="No attributes."
      cellClasses={['', 'muted']}
      rows={[...attributes].map(([name, value]) => ({
        key: name,
        name: <code>{name}</code>,
        cells: [valueText(value), typeOf(value)],
      }))}
    />
  );
}

function LinksTable({ links, prefix }: { links: readonly Link[]; prefix: string }) {
  return (
    <FactsTable
      caption={`${prefix}Links`}
      columns={['Target', 'Kind', 'Location', 'Title']}
      empty="No links."
      rows={links.map((link, index) => ({
        key: `${index}`,
        name: <code>{valueText(link.attributes.get('occi.core.target') ?? '')}</code>,
        cells: [
          <code key="kind">{link.kind}</code>,
          link.location ?? '',
          valueText(link.attributes.get('occi.core.title') ?? ''),
        ],
      }))}
    />
  );
}

function CategoriesView({ model, prefix }: { model: CategoryCollection; prefix: string }) {
  const categories = [...model.kinds, ...model.mixins, ...model.actions];
  return (
    <>
      <p>
        {model.kinds.length} kinds, {model.mixins.length} mixins, {model.actions.length} actions
      </p>
      <FactsTable
        caption={`${prefix}Categories`}
        columns={['Category', 'Class', 'Title', 'Location']}
        rows={categories.map((category) => ({
          key: `${category.class} ${category.scheme}${category.term}`,
          name: <code>{category.scheme + category.term}</code>,
          cells: [category.class, category.title ?? '', 'location' in category ? (category.location ?? '') : ''],
        }))}
      />
    </>
  );
}

function EntityView({ entity, prefix }: { entity: Entity | EntityUpdate; prefix: string }) {
  const kind = entity.kind;
  const actions = 'actions' in entity ? entity.actions : [];
  return (
    <>
      <FactsTable
        caption={`${prefix}Categories`}
        columns={['Category', 'Role']}
        rows={[
          ...(kind === undefined ? [] : [{ key: `kind ${kind}`, name: <code>{kind}</code>, cells: ['kind'] }]),
          ...entity.mixins.map((mixin) => ({ key: `mixin ${mixin}`, name: <code>{mixin}</code>, cells: ['mixin'] })),
          ...actions.map((action) => ({
            key: `action ${action.action}`,
            name: <code>{action.action}</code>,
            cells: ['action offered'],
          })),
        ]}
      />
      <AttributesTable attributes={entity.attributes} caption={`${prefix}Attributes`} />
      {'links' in entity && <LinksTable links={entity.links} prefix={prefix} />}
    </>
  );
}

function CollectionView({ collection, prefix }: { collection: EntityCollection; prefix: string }) {
  const entities = [...collection.resources, ...collection.links];
  return (
    <>
      <p>
        {collection.locations.length} locations, {collection.resources.length} resources, {collection.links.length}{' '}
        links
      </p>
      {collection.locations.length > 0 && (
        <FactsTable
          caption={`${prefix}Locations`}
          columns={['Location']}
          rows={collection.locations.map((location) => ({ key: location, name: <code>{location}</code>, cells: [] }))}
        />
      )}
      {entities.length > 0 && (
        <FactsTable
          caption={`${prefix}Entities`}
          columns={['Title', 'Kind', 'Location']}
          rows={entities.map((entity, index) => ({
            key: `${index}`,
            name: valueText(entity.attributes.get('occi.core.title') ?? entity.attributes.get('occi.core.id') ?? ''),
            cells: [<code key="kind">{entity.kind}</code>, entity.location ?? ''],
          }))}
        />
      )}
    </>
  );
}

/** The decoded OCCI of a response as tables, or why there is none, or where the parser stopped. */
function ActionView({ invocation, prefix }: { invocation: ActionInvocation; prefix: string }) {
  return (
    <>
      <FactsTable
        caption={`${prefix}Categories`}
        columns={['Category', 'Role']}
        rows={[{ key: invocation.action, name: <code>{invocation.action}</code>, cells: ['action'] }]}
      />
      <AttributesTable attributes={invocation.attributes} caption={`${prefix}Parameters`} />
    </>
  );
}

/**
 * The decoded OCCI of a message as tables, or why there is none, or where the parser stopped.
 * `prefix` starts every table caption (`Request: `), so a request's tables and its answer's differ.
 */
export function DecodedOcci({ decoded, prefix = '' }: { decoded: Decoded; prefix?: string }) {
  switch (decoded.kind) {
    case 'none':
      return <p className="muted">{decoded.reason}</p>;
    case 'malformed':
      return (
        <p className="inspector-malformed">
          <strong>Malformed</strong> at line {decoded.line}, column {decoded.column}: {decoded.message}
        </p>
      );
    default:
      switch (decoded.structure) {
        case 'categories':
          return <CategoriesView model={decoded.model as CategoryCollection} prefix={prefix} />;
        case 'entity':
          return <EntityView entity={decoded.model as Entity} prefix={prefix} />;
        case 'entity-update':
          return <EntityView entity={decoded.model as EntityUpdate} prefix={prefix} />;
        case 'entity-collection':
          return <CollectionView collection={decoded.model as EntityCollection} prefix={prefix} />;
        case 'action-invocation':
          return <ActionView invocation={decoded.model as ActionInvocation} prefix={prefix} />;
        default: {
          const locations = (decoded.model as { locations?: readonly string[] }).locations ?? [];
          return (
            <FactsTable
              caption={`${prefix}Locations`}
              columns={['Location']}
              rows={locations.map((location) => ({ key: location, name: <code>{location}</code>, cells: [] }))}
            />
          );
        }
      }
  }
}
