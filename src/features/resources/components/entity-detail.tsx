/**
 * One entity's page: what it is (kind, mixins, state), every attribute with its definition, its
 * links, the actions it offers, its templates to swap, and what this console did to it. Its state
 * is followed while it is on its way somewhere.
 */

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { isOcciHttpError } from '../../../lib/occi-errors.ts';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import { useDeleteEntity } from '../api/delete-entity.ts';
import { entityQuery } from '../api/read-entity.ts';
import { entityName, isTransitional, stateOf } from '../entity-summary.ts';
import { linkFacts, linkLocation } from '../link-facts.ts';
import { mixinLabel } from '../list-view.ts';
import { kindNames, resourcePath } from '../resource-paths.ts';
import { AttributePanel } from './attribute-panel.tsx';
import { CreatedNote } from './created-note.tsx';
import { EntityActions } from './entity-actions.tsx';
import { LinkPanel } from './link-panel.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { SessionHistory } from './session-history.tsx';
import { StateBadge } from './state-badge.tsx';
import { TemplatePanel } from './template-panel.tsx';
import { useIncomingLinks } from './use-incoming-links.ts';

export interface EntityDetailProps {
  readonly endpointId: string;
  readonly discovered: DiscoveredModel;
  /** Relative to the endpoint (`compute/x`). */
  readonly location: string;
}

export function EntityDetail({ endpointId, discovered, location }: EntityDetailProps) {
  const client = useOcciClient();
  const navigate = useNavigate();
  const { queryInterface } = discovered;
  const query = useQuery(entityQuery(client, endpointId, location));
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteEntity(endpointId);
  const entity = query.data;
  const kind = entity === undefined ? undefined : queryInterface.kind(entity.kind);
  const collection = kind?.location === undefined ? undefined : client.relativePath(endpointId, kind.location);
  const name = entity === undefined ? location : entityName(entity);
  const state = entity === undefined ? undefined : stateOf(entity);
  const gone =
    query.isError && isOcciHttpError(query.error) && (query.error.status === 404 || query.error.status === 410);
  const links = entity?.entityType === 'resource' ? entity.links : [];
  // A volume or network in use: what points at it is named before it is deleted.
  const incoming = useIncomingLinks(endpointId, location, queryInterface, entity?.kind ?? '');

  return (
    <article className="entity-detail" aria-labelledby="entity-heading">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">Endpoints</Link> / {endpointId} /{' '}
          {kind === undefined || collection === undefined ? (
            (kind?.term ?? '…')
          ) : (
            <Link to={resourcePath(endpointId, collection)}>{kindNames(kind).plural}</Link>
          )}
        </p>
        <div className="entity-title">
          <h1 id="entity-heading">{name}</h1>
          {entity === undefined ? null : (
            // A live region: a tenant using a screen reader hears the VM come up.
            <span
              role="status"
              aria-label={`State: ${state?.value ?? 'none'}${state?.message ? `, ${state.message}` : ''}`}
            >
              <StateBadge state={state} />
            </span>
          )}
          {query.isFetching && entity !== undefined ? (
            <span className="muted small" role="status">
              {isTransitional(state) ? 'following its state…' : 'reading…'}
            </span>
          ) : null}
        </div>
        <p>
          <code>{location}</code>
          {kind === undefined ? null : <> · a {kindNames(kind).singular} </>}
          {entity !== undefined && entity.mixins.length > 0
            ? `· ${entity.mixins.map((id) => mixinLabel(queryInterface, id)).join(', ')}`
            : null}
        </p>
      </header>
      {query.isPending ? <p className="muted">Reading {location}…</p> : null}
      {query.isError ? (
        <OcciErrorPanel
          error={query.error}
          context={gone ? 'It is gone' : `Could not read ${location}`}
          hint={
            gone && collection !== undefined
              ? 'It was deleted, or never existed here. Its list shows what there is now.'
              : undefined
          }
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : null}
      {entity === undefined ? null : (
        <>
          <CreatedNote entity={entity} queryInterface={queryInterface} />
          <section className="panel actions-panel" aria-label="Actions and delete">
            <EntityActions
              endpointId={endpointId}
              entity={entity}
              location={location}
              queryInterface={queryInterface}
              name={name}
            />
            <button className="button danger" type="button" onClick={() => setDeleting(true)}>
              Delete…
            </button>
            {remove.isError ? <OcciErrorPanel error={remove.error} context="Not deleted" /> : null}
          </section>
          <TemplatePanel
            endpointId={endpointId}
            entity={entity}
            location={location}
            queryInterface={queryInterface}
            name={name}
          />
          <AttributePanel
            endpointId={endpointId}
            entity={entity}
            location={location}
            queryInterface={queryInterface}
            name={name}
          />
          <LinkPanel endpointId={endpointId} entity={entity} location={location} queryInterface={queryInterface} />
          <SessionHistory
            endpointId={endpointId}
            location={location}
            links={links.flatMap((link) => linkLocation(link, queryInterface) ?? [])}
          />
        </>
      )}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${name}?`}
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(
              { location, purpose: `Delete ${name}` },
              {
                onSuccess: () => {
                  setDeleting(false);
                  if (collection !== undefined) void navigate(resourcePath(endpointId, collection));
                },
                onError: () => setDeleting(false),
              },
            )
          }
        >
          <p>
            <code>DELETE {location}</code> removes {name}
            {links.length === 0 ? '.' : ` and its ${links.length} link${links.length === 1 ? '' : 's'}:`}
          </p>
          {links.length === 0 ? null : (
            <ul className="doomed">
              {links.map((link, index) => (
                <li key={link.location ?? index}>
                  to <code>{String(link.attributes.get('occi.core.target') ?? '?')}</code> {linkFacts(link)}
                </li>
              ))}
            </ul>
          )}
          {incoming.links.length === 0 ? null : (
            <div className="status warn" role="note">
              <p>
                <strong>It is in use:</strong>{' '}
                {incoming.links.length === 1 ? 'a link points' : `${incoming.links.length} links point`} at it. A server
                may refuse to delete it while attached, or detach it without asking; detaching it first is safer.
              </p>
              <ul className="doomed">
                {incoming.links.map(({ link, source }) => (
                  <li key={linkLocation(link, queryInterface) ?? source}>
                    from <Link to={resourcePath(endpointId, source)}>{source}</Link> {linkFacts(link)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
