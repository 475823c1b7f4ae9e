/**
 * Every attribute of an entity beside its definition (type, mutable, required, what it means),
 * and an edit form for the mutable ones that sends only what changed (a partial update).
 */

import { useState } from 'react';
import {
  type AttributeValue,
  type Entity,
  type QueryInterface,
  type ResolvedAttribute,
  typedAttributes,
} from '../../../occi/index.ts';
import { type UpdateOutcome, useUpdateEntity } from '../api/update-entity.ts';
import { formAttributes, readForm, textOf } from '../attribute-form.ts';
import { mixinLabel } from '../list-view.ts';
import { AttributeField } from './attribute-field.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { OutcomeNote, useUpdateRefusedHint } from './outcome-note.tsx';

export interface AttributePanelProps {
  readonly endpointId: string;
  readonly entity: Entity;
  readonly location: string;
  readonly queryInterface: QueryInterface;
  readonly name: string;
}

function shown(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AttributePanel({ endpointId, entity, location, queryInterface, name }: AttributePanelProps) {
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<UpdateOutcome | undefined>(undefined);
  const definitions = new Map(
    queryInterface.attributesFor(entity.kind, entity.mixins).map((definition) => [definition.name, definition]),
  );
  const values = typedAttributes(entity, queryInterface);
  return (
    <section className="panel" aria-labelledby="attributes-heading">
      <div className="panel-head">
        <h2 id="attributes-heading">Attributes</h2>
        {editing ? null : (
          <button className="button secondary" type="button" onClick={() => setEditing(true)}>
            Edit attributes
          </button>
        )}
      </div>
      {editing ? null : <OutcomeNote outcome={outcome} />}
      {editing ? (
        <EditForm
          endpointId={endpointId}
          entity={entity}
          location={location}
          queryInterface={queryInterface}
          name={name}
          onDone={(done) => {
            setOutcome(done);
            setEditing(false);
          }}
        />
      ) : (
        <table className="attribute-values">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
              <th scope="col">Definition</th>
            </tr>
          </thead>
          <tbody>
            {[...values].map(([attribute, value]) => {
              const definition = definitions.get(attribute);
              return (
                <tr key={attribute}>
                  <th scope="row">
                    <code>{attribute}</code>
                  </th>
                  <td className="attribute-value">{shown(value)}</td>
                  <td className="muted">
                    {definition === undefined ? 'defined by no category' : definitionFacts(definition)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function definitionFacts(definition: ResolvedAttribute): string {
  const facts = [
    definition.type,
    definition.mutable ? 'mutable' : 'immutable',
    ...(definition.required ? ['required'] : []),
  ].join(', ');
  return definition.description === undefined ? facts : `${facts}. ${definition.description}`;
}

/** An edit sends what the user changed, even when it equals a default. */
function withoutDefault({ default: _default, ...attribute }: ResolvedAttribute): ResolvedAttribute {
  return attribute;
}

function EditForm({
  endpointId,
  entity,
  location,
  queryInterface,
  name,
  onDone,
}: AttributePanelProps & { onDone: (outcome?: UpdateOutcome) => void }) {
  const editable = formAttributes(queryInterface, entity.kind, entity.mixins);
  const typed = typedAttributes(entity, queryInterface);
  const original = new Map(editable.map((attribute) => [attribute.name, textOf(typed.get(attribute.name))]));
  const [fields, setFields] = useState(() => new Map(original));
  const [tried, setTried] = useState(false);
  const update = useUpdateEntity(endpointId);
  const refusedHint = useUpdateRefusedHint(update.error);
  // Only what changed is checked and sent: a value the server set that its own pattern refuses is not the user's to fix.
  const changed = editable.filter((attribute) => fields.get(attribute.name) !== original.get(attribute.name));
  const reading = readForm(fields, changed.map(withoutDefault));
  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (reading.errors.size > 0 || changed.length === 0) return;
        update.mutate(
          {
            location,
            kind: entity.kind,
            update: { mixins: [], attributes: reading.attributes, links: [] },
            purpose: `Update ${changed.map((attribute) => attribute.name).join(', ')} of ${name}`,
            queryInterface,
            label: (id) => mixinLabel(queryInterface, id),
          },
          { onSuccess: onDone },
        );
      }}
    >
      {editable.length === 0 ? <p className="muted">No attribute of this entity may be changed.</p> : null}
      {editable.map((attribute) => (
        <AttributeField
          key={attribute.name}
          attribute={attribute}
          value={fields.get(attribute.name) ?? ''}
          onChange={(value) => setFields((previous) => new Map(previous).set(attribute.name, value))}
          error={tried ? reading.errors.get(attribute.name) : undefined}
        />
      ))}
      {update.isError ? (
        <OcciErrorPanel error={update.error} context="The update was refused" hint={refusedHint} />
      ) : null}
      <div className="form-buttons">
        <button className="button" type="submit" disabled={update.isPending || changed.length === 0}>
          {update.isPending
            ? 'Saving…'
            : `Save ${changed.length === 0 ? '' : `${changed.length} change${changed.length === 1 ? '' : 's'}`}`}
        </button>
        <button className="button secondary" type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
