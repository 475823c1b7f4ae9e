/**
 * Confirms an action and asks for its parameters, as a form built from the action's attribute
 * definitions (stop: graceful, acpioff, poweroff). The form stays filled in when the server
 * refuses, with the server's words above the buttons.
 */

import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import type { Action, Attributes, QueryInterface, TypeId } from '../../../occi/index.ts';
import { readForm, textOf } from '../attribute-form.ts';
import { AttributeField } from './attribute-field.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';

export interface ActionDialogProps {
  readonly queryInterface: QueryInterface;
  readonly action: Action;
  /** What it runs on, in words: "web-01", "3 virtual machines". */
  readonly what: string;
  readonly onRun: (attributes: Attributes) => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
  readonly error: unknown;
  /** Advertised by the entity, or only derived from its kind (not confirmed by the server). */
  readonly unconfirmed?: boolean;
  readonly typeToConfirm?: string | undefined;
}

/** An action's button label: its term, capitalised ("Stop"); servers' titles are sentences. */
export function actionLabel(action: Action): string {
  const words = action.term.replace(/[_-]+/g, ' ').trim();
  return words === '' ? action.term : words.charAt(0).toUpperCase() + words.slice(1);
}

export function ActionDialog({
  queryInterface,
  action,
  what,
  onRun,
  onCancel,
  busy,
  error,
  unconfirmed = false,
  typeToConfirm,
}: ActionDialogProps) {
  const id: TypeId = `${action.scheme}${action.term}`;
  const parameters = queryInterface.attributesOfAction(id);
  const [fields, setFields] = useState(
    () => new Map(parameters.map((parameter) => [parameter.name, textOf(parameter.default)])),
  );
  const [tried, setTried] = useState(false);
  const reading = readForm(fields, parameters);
  return (
    <ConfirmDialog
      title={`${actionLabel(action)}: ${what}`}
      confirmLabel={actionLabel(action)}
      busy={busy}
      typeToConfirm={typeToConfirm}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (reading.errors.size === 0) onRun(reading.attributes);
      }}
    >
      <p>
        Runs <code>{action.term}</code> on {what}.
        {unconfirmed ? ' The server did not say this action applies now; it may refuse it.' : ''}
      </p>
      {parameters.map((parameter) => (
        <AttributeField
          key={parameter.name}
          attribute={parameter}
          value={fields.get(parameter.name) ?? ''}
          onChange={(value) => setFields((previous) => new Map(previous).set(parameter.name, value))}
          error={tried ? reading.errors.get(parameter.name) : undefined}
        />
      ))}
      {error === null || error === undefined ? null : (
        <OcciErrorPanel error={error} context={`${actionLabel(action)} refused`} beforeShowExchange={onCancel} />
      )}
    </ConfirmDialog>
  );
}
