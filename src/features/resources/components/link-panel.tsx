/**
 * The links of an entity: those it holds (its storage links and network interfaces) and, for a
 * volume or a network, the links that point at it from what this console has read. A link's
 * attributes (mountpoint, device, interface, address) and state are shown on both ends.
 */

import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import type { Entity, Link, QueryInterface } from '../../../occi/index.ts';
import { useDeleteEntity } from '../api/delete-entity.ts';
import { textOf } from '../attribute-form.ts';
import { entityId, entityName, stateOf } from '../entity-summary.ts';
import { linkFacts, linkLocation } from '../link-facts.ts';
import { kindNames, resourcePath } from '../resource-paths.ts';
import { AttachDialog, attachOptions } from './attach-dialog.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { StateBadge } from './state-badge.tsx';
import { useIncomingLinks } from './use-incoming-links.ts';
import { useResolvedLinks } from './use-resolved-links.ts';

export interface LinkPanelProps {
  readonly endpointId: string;
  readonly entity: Entity;
  readonly location: string;
  readonly queryInterface: QueryInterface;
}

export function LinkPanel({ endpointId, entity, location, queryInterface }: LinkPanelProps) {
  const client = useOcciClient();
  const [removing, setRemoving] = useState<Link | null>(null);
  const [attaching, setAttaching] = useState<ReturnType<typeof attachOptions>[number] | null>(null);
  const [attached, setAttached] = useState<string | null>(null);
  const options = attachOptions(queryInterface, entity.kind);
  const remove = useDeleteEntity(endpointId);
  const relative = (url: string | undefined) => (url === undefined ? undefined : client.relativePath(endpointId, url));
  const outgoing = useResolvedLinks(
    endpointId,
    location,
    entity.entityType === 'resource' ? entity.links : [],
    queryInterface,
  );
  const incoming = useIncomingLinks(endpointId, location, queryInterface, entity.kind);
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
      {incoming.error === null ? null : (
        <OcciErrorPanel error={incoming.error} context="Could not read the links that point here" />
      )}
      {outgoing.length === 0 && incoming.links.length === 0 ? (
        <p className="muted">{incoming.reading ? 'Looking for links that point here…' : 'No links to or from it.'}</p>
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
            {incoming.links.map(({ link, source }) => row(link, source, `from ${source}`))}
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
