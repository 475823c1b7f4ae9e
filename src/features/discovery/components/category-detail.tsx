import { Link } from 'react-router';
import {
  type Action,
  type Kind,
  type Mixin,
  type QueryInterface,
  splitTypeId,
  type TypeId,
} from '../../../occi/index.ts';
import { idOf, ROLE_HEADINGS, templateWords } from '../model-catalogue.ts';
import { AttributeTable } from './attribute-table.tsx';

export function modelPath(endpointId: string, id?: TypeId): string {
  const base = `/endpoints/${encodeURIComponent(endpointId)}/model`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

interface DetailProps {
  readonly endpointId: string;
  readonly queryInterface: QueryInterface;
}

function TypeLink({ endpointId, queryInterface, id }: DetailProps & { id: TypeId }) {
  const category = queryInterface.category(id);
  return (
    <Link to={modelPath(endpointId, id)} title={id}>
      {category?.title ?? category?.term ?? id}
    </Link>
  );
}

function ActionList({ endpointId, queryInterface, actions }: DetailProps & { actions: readonly Action[] }) {
  if (actions.length === 0) return <p className="muted">Actions: none.</p>;
  return (
    // No landmark of its own: the catalogue already has a region named "Actions", and names of
    // landmarks must be unique. Its heading still marks where it starts.
    <div className="action-list">
      <h3>Actions</h3>
      {actions.map((action) => {
        const id = idOf(action);
        return (
          <div key={id} className="action-entry">
            <h4>
              <TypeLink endpointId={endpointId} queryInterface={queryInterface} id={id} />{' '}
              <code className="muted">{action.term}</code>
            </h4>
            <AttributeTable
              caption={`Parameters of ${action.term}`}
              attributes={queryInterface.attributesOfAction(id)}
            />
          </div>
        );
      })}
    </div>
  );
}

function KindDetail({ endpointId, queryInterface, kind }: DetailProps & { kind: Kind }) {
  const id = idOf(kind);
  const chain = queryInterface.kindChain(id);
  return (
    <>
      <p>
        Inheritance:{' '}
        {chain.map((ancestor, index) => (
          <span key={idOf(ancestor)}>
            {index > 0 ? ' → ' : null}
            <TypeLink endpointId={endpointId} queryInterface={queryInterface} id={idOf(ancestor)} />
          </span>
        ))}
      </p>
      <AttributeTable
        caption={`Attributes of ${kind.term} (with those it inherits)`}
        attributes={queryInterface.attributesFor(id)}
      />
      <ActionList endpointId={endpointId} queryInterface={queryInterface} actions={queryInterface.actionsFor(id)} />
    </>
  );
}

function MixinDetail({ endpointId, queryInterface, mixin }: DetailProps & { mixin: Mixin }) {
  const id = idOf(mixin);
  const role = queryInterface.mixinRole(id);
  const roleHeading = ROLE_HEADINGS.find(([r]) => r === role)?.[1] ?? role;
  const brings = role === 'resource-template' ? templateWords(queryInterface.templateSummary(id)) : undefined;
  const list = (label: string, ids: readonly TypeId[], none: string) => (
    <p>
      {label}:{' '}
      {ids.length === 0
        ? none
        : ids.map((other, index) => (
            <span key={other}>
              {index > 0 ? ', ' : null}
              <TypeLink endpointId={endpointId} queryInterface={queryInterface} id={other} />
            </span>
          ))}
    </p>
  );
  return (
    <>
      <p>Group: {roleHeading}</p>
      {brings === undefined ? null : <p className="status ok">Brings {brings}.</p>}
      {list('Depends on', mixin.depends, 'nothing')}
      {list('Applies to', mixin.applies, 'any entity')}
      <AttributeTable caption={`Attributes of ${mixin.term}`} attributes={mixin.attributes} />
      <ActionList
        endpointId={endpointId}
        queryInterface={queryInterface}
        actions={mixin.actions.map(
          (action): Action =>
            queryInterface.action(action) ?? { class: 'action', ...splitTypeId(action), attributes: [] },
        )}
      />
    </>
  );
}

const CLASS_WORDS = { kind: 'Kind', mixin: 'Mixin', action: 'Action' } as const;

/** One category of the model: what it is, its attribute definitions and its actions. */
export function CategoryDetail({ endpointId, queryInterface, id }: DetailProps & { id: TypeId }) {
  const category = queryInterface.category(id);
  if (category === undefined) {
    return (
      <section className="category-detail" aria-label="Selected entry">
        <h2>Not in this model</h2>
        <p className="status warn">
          This endpoint's query interface has no kind, mixin or action <code>{id}</code>. It may have been removed, or
          the link is for another endpoint.
        </p>
      </section>
    );
  }
  return (
    <section className="category-detail" aria-labelledby="category-detail-heading">
      <h2 id="category-detail-heading">
        {category.title ?? category.term} <span className="badge">{CLASS_WORDS[category.class]}</span>
      </h2>
      <dl className="endpoint-facts">
        <dt>Term</dt>
        <dd>
          <code>{category.term}</code>
        </dd>
        <dt>Scheme</dt>
        <dd>
          <code>{category.scheme}</code>
        </dd>
        {'location' in category && category.location !== undefined ? (
          <>
            <dt>Location</dt>
            <dd>
              <code>{category.location}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {category.class === 'kind' ? (
        <KindDetail endpointId={endpointId} queryInterface={queryInterface} kind={category} />
      ) : category.class === 'mixin' ? (
        <MixinDetail endpointId={endpointId} queryInterface={queryInterface} mixin={category} />
      ) : (
        <AttributeTable caption={`Parameters of ${category.term}`} attributes={queryInterface.attributesOfAction(id)} />
      )}
    </section>
  );
}
