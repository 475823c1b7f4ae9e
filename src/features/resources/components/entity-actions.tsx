/**
 * The action buttons of one entity: those its rendering advertises, or, when a server advertises
 * none, those its Kind and Mixins define, marked as not confirmed by the server.
 */
import { useState } from 'react';
import type { Entity, EntityAction, QueryInterface } from '../../../occi/index.ts';
import { useInvokeAction } from '../api/invoke-action.ts';
import { ActionDialog, actionLabel } from './action-dialog.tsx';

export interface EntityActionsProps {
  readonly endpointId: string;
  readonly entity: Entity;
  readonly location: string;
  readonly queryInterface: QueryInterface;
  readonly name: string;
}

export function EntityActions({ endpointId, entity, location, queryInterface, name }: EntityActionsProps) {
  const actions = queryInterface.actionsOf(entity);
  const [running, setRunning] = useState<EntityAction | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const invoke = useInvokeAction(endpointId);
  if (actions.length === 0) return <p className="muted">This entity offers no actions now.</p>;
  const unconfirmed = actions.some((action) => !action.advertised);
  return (
    <div className="entity-actions">
      <fieldset className="action-buttons">
        <legend className="visually-hidden">Actions</legend>
        {actions.map((entry) => (
          <button
            key={`${entry.action.scheme}${entry.action.term}`}
            className={`button secondary${entry.advertised ? '' : ' unconfirmed'}`}
            type="button"
            title={
              entry.advertised
                ? 'The server says this applies now'
                : 'Defined by its kind; the server did not say it applies now'
            }
            onClick={() => {
              invoke.reset();
              setSent(null);
              setRunning(entry);
            }}
          >
            {actionLabel(entry.action)}
          </button>
        ))}
      </fieldset>
      {unconfirmed ? (
        <p className="muted small">The server lists no actions for it: these come from its kind and may be refused.</p>
      ) : null}
      {sent === null ? null : (
        <p className="status ok" role="status">
          {sent}
        </p>
      )}
      {running === null ? null : (
        <ActionDialog
          queryInterface={queryInterface}
          action={running.action}
          what={name}
          unconfirmed={!running.advertised}
          busy={invoke.isPending}
          error={invoke.error}
          onCancel={() => setRunning(null)}
          onRun={(attributes) =>
            invoke.mutate(
              {
                target: location,
                action: `${running.action.scheme}${running.action.term}`,
                attributes,
                ...(running.href !== undefined && { href: running.href }),
                purpose: `${actionLabel(running.action)} ${name}`,
              },
              {
                onSuccess: () => {
                  setSent(
                    `${actionLabel(running.action)}: accepted by the server; the state beside its name follows the change.`,
                  );
                  setRunning(null);
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
