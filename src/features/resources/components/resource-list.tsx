/**
 * A Kind's resources: every column, filter and action comes from the query interface. Filters
 * and order live in the URL, so a filtered list can be shared and reloaded. Selected rows can be
 * acted on or deleted together, and all of them as the one collection request OCCI has for it.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import type { Action, Attributes, Entity, Kind, TypeId } from '../../../occi/index.ts';
import { typeId } from '../../../occi/index.ts';
import { type BulkOutcome, useBulkOperation } from '../api/bulk-operation.ts';
import { listingQuery } from '../api/list-collection.ts';
import { useListingProgress } from '../api/listing-progress.ts';
import { entityName } from '../entity-summary.ts';
import { cellValue, columnsFor, facets, filterAndSort, mixinLabel } from '../list-view.ts';
import { createPath, kindLabel, kindNames, resourcePath } from '../resource-paths.ts';
import { ActionDialog, actionLabel } from './action-dialog.tsx';
import { BulkResults } from './bulk-results.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { ResourceTable } from './resource-table.tsx';

export interface ResourceListProps {
  readonly endpointId: string;
  readonly discovered: DiscoveredModel;
  readonly kind: Kind;
  /** The Kind's collection, relative to the endpoint (`compute/`). */
  readonly collection: string;
}

type Pending = { readonly kind: 'action'; readonly action: Action } | { readonly kind: 'delete' };

export function ResourceList({ endpointId, discovered, kind, collection }: ResourceListProps) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const { queryInterface, serverProfile } = discovered;
  const kindId = typeId(kind.scheme, kind.term);
  // Links are made between two resources (from a resource's page), not from a form of their own.
  const isLinkKind = discovered.queryInterface.isLinkKind(kindId);
  const listing = useQuery(listingQuery(client, queryClient, endpointId, collection));
  const progress = useListingProgress(endpointId, collection);
  const [params, setParams] = useSearchParams();
  const filter = { text: params.get('q') ?? '', state: params.get('state') ?? '', mixin: params.get('mixin') ?? '' };
  const order = { column: params.get('sort') ?? 'name', descending: params.get('desc') === '1' };
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{ verb: string; outcomes: readonly BulkOutcome[] } | null>(null);
  const bulk = useBulkOperation(endpointId);
  const ids = { search: useId(), state: useId(), mixin: useId() };

  const columns = useMemo(() => columnsFor(queryInterface, kindId), [queryInterface, kindId]);
  const entities = listing.data?.entities ?? [];
  const value = (entity: Entity, columnId: string) => {
    const column = columns.find((c) => c.id === columnId) ?? columns[0];
    return column === undefined ? undefined : cellValue(entity, column, queryInterface, serverProfile);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` only reads columns and the model, listed.
  const rows = useMemo(
    () => filterAndSort(entities, filter, order, value),
    [entities, filter.text, filter.state, filter.mixin, order.column, order.descending, columns],
  );
  const present = useMemo(() => facets(entities), [entities]);
  const label = kindLabel(kind);
  const actions = queryInterface.actionsFor(kindId);
  const chosen = rows.filter((row) => selected.has(row.location ?? ''));
  const filtered = filter.text !== '' || filter.state !== '' || filter.mixin !== '';
  const wholeCollection = !filtered && chosen.length > 1 && chosen.length === entities.length;
  const targets = wholeCollection ? [collection] : chosen.map((row) => row.location ?? '');
  const what =
    chosen.length === 1
      ? entityName(chosen[0] as Entity)
      : wholeCollection
        ? `all ${chosen.length} in ${collection} (one request on the collection)`
        : `${chosen.length} selected`;

  const setParam = (name: string, next: string) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next === '') updated.delete(name);
        else updated.set(name, next);
        return updated;
      },
      { replace: true },
    );

  const run = (verb: string, operation: TypeId | 'delete', attributes?: Attributes) => {
    bulk.mutate(
      { operation, targets, verb, ...(attributes !== undefined && { attributes }) },
      {
        onSuccess: (outcomes) => {
          setOutcome({ verb, outcomes });
          setPending(null);
          setSelected(new Set());
        },
      },
    );
  };

  return (
    <section className="resource-list" aria-label={`${label} list`}>
      <header className="page-header list-header">
        <div>
          <h1>{label}</h1>
          <p>
            {listing.data === undefined
              ? // A failed read is not still under way: the alert below says why.
                listing.isError && !listing.isFetching
                ? `Could not read ${collection}.`
                : `Reading ${collection}…`
              : `${entities.length} in ${collection}${filtered ? `, ${rows.length} shown` : ''}. ${
                  listing.data.locationsOnly || listing.data.partialEntries
                    ? `The server lists ${listing.data.locationsOnly ? 'locations' : 'names'} only: ${listing.data.detailsRead} read one by one this time, the rest remembered.`
                    : 'Read in one request.'
                }`}
          </p>
        </div>
        {isLinkKind ? null : (
          <Link className="button" to={createPath(endpointId, collection)}>
            Create {kindNames(kind).singular}
          </Link>
        )}
      </header>
      {progress === undefined ? null : (
        <div className="listing-progress" role="status">
          <label>
            Reading details: {progress.done} of {progress.total}
            <progress value={progress.done} max={progress.total} />
          </label>
        </div>
      )}
      {listing.isError ? (
        <OcciErrorPanel
          error={listing.error}
          context={`Could not list ${collection}`}
          onRetry={() => void listing.refetch()}
          retrying={listing.isFetching}
        />
      ) : null}
      {listing.data !== undefined && listing.data.failures.length > 0 ? (
        <div className="status warn" role="status">
          {listing.data.failures.length} listed {listing.data.failures.length === 1 ? 'entity' : 'entities'} could not
          be read:{' '}
          {listing.data.failures.slice(0, 3).map((failure) => (
            <span key={failure.location}>
              <code>{failure.location}</code> ({describeError(failure.error).title}){' '}
            </span>
          ))}
          <button className="button secondary" type="button" onClick={() => void listing.refetch()}>
            Read again
          </button>
        </div>
      ) : null}
      <div className="list-toolbar">
        <div className="field">
          <label htmlFor={ids.search}>Filter</label>
          <input
            id={ids.search}
            type="search"
            placeholder="name, id, template, any value"
            value={filter.text}
            onChange={(event) => setParam('q', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.state}>State</label>
          <select id={ids.state} value={filter.state} onChange={(event) => setParam('state', event.target.value)}>
            <option value="">any</option>
            {[...present.states].map(([state, count]) => (
              <option key={state} value={state}>
                {state} ({count})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.mixin}>Mixin</label>
          <select id={ids.mixin} value={filter.mixin} onChange={(event) => setParam('mixin', event.target.value)}>
            <option value="">any</option>
            {[...present.mixins].map(([mixin, count]) => (
              <option key={mixin} value={mixin}>
                {mixinLabel(queryInterface, mixin)} ({count})
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosen.length === 0 ? null : (
        <div className="bulk-bar" role="toolbar" aria-label="Selected resources">
          <strong>{chosen.length} selected</strong>
          {actions.map((action) => (
            <button
              key={typeId(action.scheme, action.term)}
              className="button secondary"
              type="button"
              onClick={() => {
                bulk.reset();
                setPending({ kind: 'action', action });
              }}
            >
              {actionLabel(action)}
            </button>
          ))}
          <button
            className="button danger"
            type="button"
            onClick={() => {
              bulk.reset();
              setPending({ kind: 'delete' });
            }}
          >
            Delete
          </button>
          <button className="link-button" type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      )}
      {outcome === null ? null : (
        <BulkResults
          verb={outcome.verb}
          outcomes={outcome.outcomes}
          onDismiss={() => setOutcome(null)}
          nameOf={(location) => {
            const entity = entities.find((e) => e.location === location);
            return entity === undefined ? location : entityName(entity);
          }}
        />
      )}
      {listing.data !== undefined && entities.length > 0 && rows.length === 0 ? (
        <p className="empty-state">
          Nothing here matches the filter.{' '}
          <button
            className="link-button"
            type="button"
            onClick={() =>
              setParams(
                (previous) => {
                  const kept = new URLSearchParams(previous);
                  for (const name of ['q', 'state', 'mixin']) kept.delete(name);
                  return kept;
                },
                { replace: true },
              )
            }
          >
            Clear the filter
          </button>
        </p>
      ) : null}
      {listing.data === undefined ? null : entities.length === 0 ? (
        <p className="empty-state">
          No {label.toLowerCase()} yet.{' '}
          {isLinkKind ? (
            'A link joins two resources: attach one from a virtual machine’s page, or when creating it.'
          ) : (
            <Link to={createPath(endpointId, collection)}>Create one</Link>
          )}
        </p>
      ) : (
        <ResourceTable
          label={label}
          columns={columns}
          rows={rows}
          value={value}
          href={(entity) => resourcePath(endpointId, entity.location ?? '')}
          order={order}
          onSort={(column) => {
            setParams(
              (previous) => {
                const updated = new URLSearchParams(previous);
                const descending = order.column === column && !order.descending;
                updated.set('sort', column);
                if (descending) updated.set('desc', '1');
                else updated.delete('desc');
                return updated;
              },
              { replace: true },
            );
          }}
          selected={selected}
          onSelect={(location, on) =>
            setSelected((previous) => {
              const next = new Set(previous);
              if (on) next.add(location);
              else next.delete(location);
              return next;
            })
          }
          onSelectAll={(on) => setSelected(on ? new Set(rows.map((row) => row.location ?? '')) : new Set())}
        />
      )}
      {pending?.kind === 'action' ? (
        <ActionDialog
          queryInterface={queryInterface}
          action={pending.action}
          what={what}
          busy={bulk.isPending}
          error={bulk.error}
          typeToConfirm={wholeCollection ? kind.term : undefined}
          onCancel={() => setPending(null)}
          onRun={(attributes) =>
            run(actionLabel(pending.action), typeId(pending.action.scheme, pending.action.term), attributes)
          }
        />
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmDialog
          title={`Delete ${what}?`}
          confirmLabel={`Delete ${chosen.length}`}
          danger
          busy={bulk.isPending}
          typeToConfirm={wholeCollection ? kind.term : chosen.length > 1 ? String(chosen.length) : undefined}
          onCancel={() => setPending(null)}
          onConfirm={() => run('Delete', 'delete')}
        >
          <p>These go, with the links they hold; this cannot be undone:</p>
          <ul className="doomed">
            {chosen.slice(0, 8).map((entity) => (
              <li key={entity.location}>
                {entityName(entity)} <code>{entity.location}</code>
                {'links' in entity && entity.links.length > 0 ? ` and ${entity.links.length} link(s)` : ''}
              </li>
            ))}
            {chosen.length > 8 ? <li>and {chosen.length - 8} more</li> : null}
          </ul>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
