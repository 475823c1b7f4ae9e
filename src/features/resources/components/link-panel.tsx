/**
 * The links of an entity: those it holds (its storage links and network interfaces) and, for a
 * volume or a network, the links that point at it from what this console has read. A link's
 * attributes (mountpoint, device, interface, address) and state are shown on both ends.
 */

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { Entity, Link, QueryInterface } from '../../../occi/index.ts';
import { useDeleteEntity } from '../api/delete-entity.ts';
import { textOf } from '../attribute-form.ts';
import { entityId, entityName, stateOf } from '../entity-summary.ts';
import { kindNames, resourcePath } from '../resource-paths.ts';
import { AttachDialog, attachOptions } from './attach-dialog.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { StateBadge } from './state-badge.tsx';

/** The attributes a link is known by, in a line: `/dev/vdb`, `eth0 10.0.0.4`. */
const LINK_FACTS = /\.(mountpoint|deviceid|interface|mac|address|gateway|allocation)$/;

export function linkFacts(link: Link): string {
  return [...link.attributes]
    .filter(([name]) => LINK_FACTS.test(name))
    .map(([, value]) => textOf(value))
    .filter((text) => text !== '')
    .join(' · ');
}

/**
 * Where a link lives: its own location (text renderings give `self`), else its Kind's collection
 * and its id (OCCI JSON renders inline links with an id only), or its id when that is a path (rOCCI).
 */
export function linkLocation(link: Link, queryInterface: QueryInterface): string | undefined {
  if (link.location !== undefined) return link.location;
  const id = entityId(link);
  if (id.includes('/')) return id;
  const collection = queryInterface.kind(link.kind)?.location;
  return collection === undefined || id === '(no id)' ? undefined : `${collection.replace(/\/?$/, '/')}${id}`;
}

export interface LinkPanelProps {
  readonly endpointId: string;
  readonly entity: Entity;
  readonly location: string;
  readonly queryInterface: QueryInterface;
}

export function LinkPanel({ endpointId, entity, location, queryInterface }: LinkPanelProps) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Link | null>(null);
  const [attaching, setAttaching] = useState<ReturnType<typeof attachOptions>[number] | null>(null);
  const [attached, setAttached] = useState<string | null>(null);
  const options = attachOptions(queryInterface, entity.kind);
  const remove = useDeleteEntity(endpointId);
  const relative = (url: string | undefined) => (url === undefined ? undefined : client.relativePath(endpointId, url));
  const outgoing = entity.entityType === 'resource' ? entity.links : [];
  // Links held by other resources that point here, among the entities this console has read.
  const incoming: { link: Link; holder: Entity }[] = [];
  for (const [, other] of queryClient.getQueriesData<Entity>({
    queryKey: [...queryKeys.endpoint(endpointId), 'entity'],
  })) {
    if (other === undefined || other.entityType !== 'resource' || other.location === location) continue;
    for (const link of other.links) {
      if (relative(textOf(link.attributes.get('occi.core.target'))) === location)
        incoming.push({ link, holder: other });
    }
  }
  const kindOf = (link: Link) => {
    const kind = queryInterface.kind(link.kind);
    return kind === undefined ? link.kind.split('#').at(-1) : kindNames(kind).singular;
  };
  const row = (link: Link, end: string | undefined, endLabel: string) => {
    const own = relative(linkLocation(link, queryInterface));
    return (
      <tr key={`${own ?? ''}${end ?? ''}`}>
        <td>{kindOf(link)}</td>
        <td>{end === undefined ? endLabel : <RouterLink to={resourcePath(endpointId, end)}>{endLabel}</RouterLink>}</td>
        <td>{linkFacts(link)}</td>
        <td>
          <StateBadge state={stateOf(link)} />
        </td>
        <td>
          {own === undefined ? (
            <span className="muted">inline, no location</span>
          ) : (
            <>
              <RouterLink to={resourcePath(endpointId, own)}>{entityId(link)}</RouterLink>{' '}
              <button
                className="link-button"
                type="button"
                onClick={() => {
                  setAttached(null);
                  setRemoving(link);
                }}
              >
                Remove
              </button>
            </>
          )}
        </td>
      </tr>
    );
  };
  return (
    <section className="panel" aria-labelledby="links-heading">
      <div className="panel-head">
        <h2 id="links-heading">Links</h2>
        <div className="action-buttons">
          {options.map((option) => (
            <button
              key={option.linkKind}
              className="button secondary"
              type="button"
              onClick={() => {
                setAttached(null);
                setAttaching(option);
              }}
            >
              {option.hereIs === 'source'
                ? `Attach a ${kindNames(option.otherKind).singular}…`
                : `Attach to a ${kindNames(option.otherKind).singular}…`}
            </button>
          ))}
        </div>
      </div>
      {attached === null ? null : (
        <p className="status ok" role="status">
          {attached}
        </p>
      )}
      {outgoing.length === 0 && incoming.length === 0 ? (
        <p className="muted">
          No links{entity.entityType === 'resource' ? ' to or from it that this console has seen' : ''}.
        </p>
      ) : (
        <table className="link-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Other end</th>
              <th scope="col">Attached as</th>
              <th scope="col">State</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {outgoing.map((link) => {
              const target = relative(textOf(link.attributes.get('occi.core.target')));
              return row(link, target, `to ${target ?? '?'}`);
            })}
            {incoming.map(({ link, holder }) => row(link, holder.location, `from ${holder.location ?? '?'}`))}
          </tbody>
        </table>
      )}
      {remove.isError ? <OcciErrorPanel error={remove.error} context="The link was not removed" /> : null}
      {attaching === null ? null : (
        <AttachDialog
          endpointId={endpointId}
          queryInterface={queryInterface}
          here={{ location, name: entityName(entity) }}
          hereIs={attaching.hereIs}
          otherKind={attaching.otherKind}
          linkKind={attaching.linkKind}
          onCancel={() => setAttaching(null)}
          onDone={(message) => {
            setAttaching(null);
            setAttached(message);
          }}
        />
      )}
      {removing === null ? null : (
        <ConfirmDialog
          title="Remove this link?"
          confirmLabel="Remove link"
          danger
          busy={remove.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const own = relative(linkLocation(removing, queryInterface));
            if (own === undefined) return;
            remove.mutate({ location: own, purpose: `Remove link ${own}` }, { onSettled: () => setRemoving(null) });
          }}
        >
          <p>
            Detaches <code>{textOf(removing.attributes.get('occi.core.target'))}</code> (
            {linkFacts(removing) || kindOf(removing)}) with{' '}
            <code>DELETE {relative(linkLocation(removing, queryInterface))}</code>. The resources on both ends stay.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
