import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { endpointsQuery, queryInterfaceQuery } from '../../../lib/occi-queries.ts';
import type { QueryInterface } from '../../../occi/index.ts';
import { buildCatalogue, type CatalogueEntry } from '../model-catalogue.ts';
import { CategoryDetail, modelPath } from './category-detail.tsx';

function EntryList({
  endpointId,
  entries,
  search,
}: {
  endpointId: string;
  entries: readonly CatalogueEntry[];
  search: string;
}) {
  return (
    <ul className="catalogue-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <NavLink
            className="catalogue-link"
            to={{
              pathname: modelPath(endpointId, entry.id),
              search: search === '' ? '' : `?q=${encodeURIComponent(search)}`,
            }}
            title={entry.id}
          >
            <span className="entry-label">{entry.label}</span>
            {entry.label.includes(entry.category.term) ? null : (
              <code className="entry-term">{entry.category.term}</code>
            )}
            {entry.note === undefined ? null : <span className="entry-note">{entry.note}</span>}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function Catalogue({ endpointId, queryInterface }: { endpointId: string; queryInterface: QueryInterface }) {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const searchId = useId();
  const catalogue = buildCatalogue(queryInterface, search);
  return (
    <nav className="catalogue" aria-label="Model">
      <div className="field">
        <label htmlFor={searchId}>Search the model</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="term, title or scheme"
          onChange={(event) => setParams(event.target.value === '' ? {} : { q: event.target.value }, { replace: true })}
        />
        <span className="muted" aria-live="polite">
          {search === '' ? `${catalogue.total} entries` : `${catalogue.shown} of ${catalogue.total} entries match`}
        </span>
      </div>
      {catalogue.kinds.length > 0 ? (
        <section aria-label="Kinds">
          <h2>Kinds</h2>
          <EntryList endpointId={endpointId} entries={catalogue.kinds} search={search} />
        </section>
      ) : null}
      {catalogue.mixinGroups.length > 0 ? <h2>Mixins</h2> : null}
      {catalogue.mixinGroups.map((group) => (
        <section key={group.role} aria-label={group.heading}>
          <h3>{group.heading}</h3>
          <EntryList endpointId={endpointId} entries={group.entries} search={search} />
        </section>
      ))}
      {catalogue.actions.length > 0 ? (
        <section aria-label="Actions">
          <h2>Actions</h2>
          <EntryList endpointId={endpointId} entries={catalogue.actions} search={search} />
        </section>
      ) : null}
      {catalogue.shown === 0 ? <p className="muted">Nothing in the model matches “{search}”.</p> : null}
    </nav>
  );
}

/** The model browser: what an endpoint's query interface offers, searchable and deep-linkable. */
export function ModelBrowserPage() {
  const { endpointId = '', typeId } = useParams();
  const client = useOcciClient();
  const model = useQuery(queryInterfaceQuery(client, endpointId));
  const endpoints = useQuery(endpointsQuery(client));
  const title = endpoints.data?.find((endpoint) => endpoint.id === endpointId)?.title ?? endpointId;
  const error = model.isError ? describeError(model.error) : undefined;
  const qi = model.data?.queryInterface;

  return (
    <div className="model-browser">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">Endpoints</Link> / {title}
        </p>
        <h1>Model of {title}</h1>
        {qi === undefined ? null : (
          <p>
            {qi.kinds().length} kinds, {qi.mixins().length} mixins and {qi.actions().length} actions, read from{' '}
            <code>/-/</code>
            {model.data?.rendering ? ` in ${model.data.rendering}` : ''}. Select one to see its attributes and actions.
          </p>
        )}
      </header>
      {endpoints.isSuccess && !endpoints.data.some((endpoint) => endpoint.id === endpointId) ? (
        <p className="status warn">
          This console has no endpoint named “{endpointId}”. <Link to="/">See the endpoints it has</Link>.
        </p>
      ) : null}
      {model.isPending ? <p className="muted">Reading the query interface of {title}…</p> : null}
      {error !== undefined ? (
        <ErrorPanel
          context="Could not read the model"
          title={error.title}
          detail={error.detail}
          hint={error.hint}
          onRetry={() => void model.refetch()}
          retrying={model.isFetching}
        />
      ) : null}
      {qi === undefined ? null : (
        <div className="model-layout">
          <Catalogue endpointId={endpointId} queryInterface={qi} />
          {typeId === undefined ? (
            <section className="category-detail muted" aria-label="Selected entry">
              <p>Select a kind, mixin or action on the left.</p>
            </section>
          ) : (
            <CategoryDetail endpointId={endpointId} queryInterface={qi} id={typeId} />
          )}
        </div>
      )}
    </div>
  );
}
