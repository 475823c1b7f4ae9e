/**
 * The templates a resource was made from, and swapping one for another as a partial update:
 * a new resource template scales the VM (the OpenStack guide's `m1.medium`), a new OS template
 * rebuilds it (`SmartOS`). A server that cannot do it says so (501), shown in its words.
 */

import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { type Entity, type Mixin, type QueryInterface, type TypeId, typeId } from '../../../occi/index.ts';
import { type UpdateOutcome, useUpdateEntity } from '../api/update-entity.ts';
import { mixinLabel } from '../list-view.ts';
import { OcciErrorPanel } from './occi-error-panel.tsx';
import { OutcomeNote, useUpdateRefusedHint } from './outcome-note.tsx';
import { TemplatePicker, templateFacts } from './template-picker.tsx';

interface Role {
  readonly heading: string;
  readonly verb: string;
  readonly templates: readonly Mixin[];
  readonly warning: string;
}

export interface TemplatePanelProps {
  readonly endpointId: string;
  readonly entity: Entity;
  readonly location: string;
  readonly queryInterface: QueryInterface;
  readonly name: string;
}

function applicable(queryInterface: QueryInterface, kindId: TypeId, templates: readonly Mixin[]): Mixin[] {
  const allowed = new Set(queryInterface.applicableMixins(kindId).map((mixin) => typeId(mixin.scheme, mixin.term)));
  return templates.filter((template) => allowed.has(typeId(template.scheme, template.term)));
}

export function TemplatePanel({ endpointId, entity, location, queryInterface, name }: TemplatePanelProps) {
  const roles: Role[] = [
    {
      heading: 'Size (resource template)',
      verb: 'Resize',
      templates: applicable(queryInterface, entity.kind, queryInterface.resourceTemplates()),
      warning: 'Its cores and memory become those of the new template.',
    },
    {
      heading: 'Operating system (OS template)',
      verb: 'Change OS',
      templates: applicable(queryInterface, entity.kind, queryInterface.osTemplates()),
      warning: 'The server rebuilds the machine from the new image: what is on its disk is lost.',
    },
  ].filter((role) => role.templates.length > 0);
  const [changing, setChanging] = useState<Role | null>(null);
  // What the server did with the last change of each role, shown beside it until the next one.
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, UpdateOutcome>>(new Map());
  if (roles.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Templates</h2>
      <dl className="template-current">
        {roles.map((role) => {
          const ids = new Set(role.templates.map((template) => typeId(template.scheme, template.term)));
          const current = entity.mixins.filter((id) => ids.has(id));
          return (
            <div key={role.heading}>
              <dt>{role.heading}</dt>
              <dd>
                {current.length === 0
                  ? 'none'
                  : current
                      .map((id) => {
                        const facts = templateFacts(queryInterface, id);
                        return `${mixinLabel(queryInterface, id)}${facts === '' ? '' : ` (${facts})`}`;
                      })
                      .join(', ')}{' '}
                <button className="button secondary" type="button" onClick={() => setChanging(role)}>
                  {role.verb}…
                </button>
                <OutcomeNote outcome={outcomes.get(role.heading)} />
              </dd>
            </div>
          );
        })}
      </dl>
      {changing === null ? null : (
        <ChangeTemplate
          role={changing}
          endpointId={endpointId}
          entity={entity}
          location={location}
          queryInterface={queryInterface}
          name={name}
          onClose={() => setChanging(null)}
          onDone={(outcome) => {
            setOutcomes((previous) => new Map(previous).set(changing.heading, outcome));
            setChanging(null);
          }}
        />
      )}
    </section>
  );
}

function ChangeTemplate({
  role,
  endpointId,
  entity,
  location,
  queryInterface,
  name,
  onClose,
  onDone,
}: TemplatePanelProps & { role: Role; onClose: () => void; onDone: (outcome: UpdateOutcome) => void }) {
  const current = role.templates.map((t) => typeId(t.scheme, t.term)).find((id) => entity.mixins.includes(id));
  const [choice, setChoice] = useState<TypeId | undefined>(current);
  const update = useUpdateEntity(endpointId);
  const refusedHint = useUpdateRefusedHint(update.error);
  return (
    <ConfirmDialog
      title={`${role.verb}: ${name}`}
      confirmLabel={
        choice === undefined || choice === current ? role.verb : `${role.verb} to ${mixinLabel(queryInterface, choice)}`
      }
      busy={update.isPending}
      disabled={choice === undefined || choice === current}
      onCancel={onClose}
      onConfirm={() => {
        if (choice === undefined) return;
        update.mutate(
          {
            location,
            kind: entity.kind,
            update: { mixins: [choice], attributes: new Map(), links: [] },
            purpose: `${role.verb} ${name} to ${mixinLabel(queryInterface, choice)}`,
            replaces: current === undefined ? [] : [current],
            queryInterface,
            label: (id) => mixinLabel(queryInterface, id),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <p>{role.warning}</p>
      <TemplatePicker
        legend={role.heading}
        templates={role.templates}
        queryInterface={queryInterface}
        value={choice}
        onChange={setChoice}
      />
      {update.isError ? (
        <OcciErrorPanel
          error={update.error}
          context={`${role.verb} refused`}
          hint={refusedHint}
          beforeShowExchange={onClose}
        />
      ) : null}
    </ConfirmDialog>
  );
}
