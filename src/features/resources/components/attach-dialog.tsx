/**
 * Links one entity to another as a standalone link: `POST <link kind location>` with
 * `occi.core.source`, `occi.core.target` and the link's own attributes, as the OpenStack guide
 * attaches a volume at `/dev/vdb` with `POST /storage/link/`. From a VM the user picks the volume
 * or network; from a volume or network, the VM.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Kind, type Link, type QueryInterface, type TypeId, wellKnown } from '../../../occi/index.ts';
import { useCreateEntity } from '../api/create-entity.ts';
import { listingQuery } from '../api/list-collection.ts';
import { formAttributes, readForm } from '../attribute-form.ts';
import { filledIn, linkMixins, mixinsInUse } from '../create-form-model.ts';
import { entityName, stateOf } from '../entity-summary.ts';
import { kindNames } from '../resource-paths.ts';
import { AttributeField } from './attribute-field.tsx';
import { OcciErrorPanel } from './occi-error-panel.tsx';

export interface AttachDialogProps {
  readonly endpointId: string;
  readonly queryInterface: QueryInterface;
  /** This entity's location, relative to the endpoint, and what it is called. */
  readonly here: { readonly location: string; readonly name: string };
  /** Whether this entity is the link's source (a VM) or its target (a volume, a network). */
  readonly hereIs: 'source' | 'target';
  /** The Kind of the entities on the other end. */
  readonly otherKind: Kind;
  readonly linkKind: TypeId;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}

export function AttachDialog({
  endpointId,
  queryInterface,
  here,
  hereIs,
  otherKind,
  linkKind,
  onDone,
  onCancel,
}: AttachDialogProps) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const otherCollection = client.relativePath(endpointId, otherKind.location ?? '');
  const listing = useQuery(listingQuery(client, queryClient, endpointId, otherCollection));
  const linkKindModel = queryInterface.kind(linkKind);
  const linkCollection = client.relativePath(endpointId, linkKindModel?.location ?? '');
  const offered = linkMixins(queryInterface, linkKind);
  const ownFields = (mixins: readonly string[]) =>
    formAttributes(queryInterface, linkKind, mixins).filter((a) => !a.name.startsWith('occi.core.'));
  const fields = ownFields(offered);
  const [values, setValues] = useState(() => new Map<string, string>());
  const inUse = mixinsInUse(queryInterface, offered, filledIn(values));
  const [other, setOther] = useState('');
  const [tried, setTried] = useState(false);
  const create = useCreateEntity(endpointId);
  const selectId = useId();
  const reading = readForm(values, ownFields(inUse));
  const otherNames = kindNames(otherKind);
  const serverPath = (location: string) => client.toServerPath(endpointId, location);
  const linkNames = linkKindModel === undefined ? { singular: 'link' } : kindNames(linkKindModel);
  return (
    <ConfirmDialog
      title={`Attach ${here.name} to a ${otherNames.singular}`}
      confirmLabel={`Create ${linkNames.singular}`}
      busy={create.isPending}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (other === '' || reading.errors.size > 0) return;
        const link: Link = {
          entityType: 'link',
          kind: linkKind,
          mixins: inUse,
          attributes: new Map([
            ['occi.core.source', hereIs === 'source' ? serverPath(here.location) : other],
            ['occi.core.target', hereIs === 'target' ? serverPath(here.location) : other],
            ...reading.attributes,
          ]),
          actions: [],
        };
        create.mutate(
          { collection: linkCollection, entity: link, purpose: `Attach ${here.name} (${linkNames.singular})` },
          {
            onSuccess: (created) =>
              onDone(`Attached: ${created.location ?? 'the server did not say where the link is'}.`),
          },
        );
      }}
    >
      <p>
        <code>POST {linkCollection}</code> creates a {linkNames.singular} from{' '}
        {hereIs === 'source' ? here.name : `the ${otherNames.singular} you choose`} to{' '}
        {hereIs === 'target' ? here.name : `the ${otherNames.singular} you choose`}.
      </p>
      <div className={`field${tried && other === '' ? ' has-error' : ''}`}>
        <label htmlFor={selectId}>{otherNames.singular.charAt(0).toUpperCase() + otherNames.singular.slice(1)}</label>
        <select id={selectId} value={other} onChange={(event) => setOther(event.target.value)}>
          <option value="">{listing.isPending ? 'Reading…' : `(choose a ${otherNames.singular})`}</option>
          {(listing.data?.entities ?? [])
            .filter((entity) => entity.location !== here.location)
            .map((entity) => (
              <option key={entity.location} value={serverPath(entity.location ?? '')}>
                {entityName(entity)} ({stateOf(entity)?.value ?? 'no state'})
              </option>
            ))}
        </select>
        {tried && other === '' ? <span className="field-error">Choose a {otherNames.singular}.</span> : null}
        {listing.isError ? (
          <span className="field-error">The {otherNames.plural.toLowerCase()} could not be listed.</span>
        ) : null}
      </div>
      {fields.map((attribute) => (
        <AttributeField
          key={attribute.name}
          attribute={attribute}
          value={values.get(attribute.name) ?? ''}
          onChange={(value) => setValues((previous) => new Map(previous).set(attribute.name, value))}
          error={tried ? reading.errors.get(attribute.name) : undefined}
        />
      ))}
      {create.isError ? (
        <OcciErrorPanel error={create.error} context="The link was refused" beforeShowExchange={onCancel} />
      ) : null}
    </ConfirmDialog>
  );
}

/** The ways this entity can be linked: from a VM to volumes and networks; from those to VMs. */
export function attachOptions(
  queryInterface: QueryInterface,
  kindId: TypeId,
): { hereIs: 'source' | 'target'; otherKind: Kind; linkKind: TypeId }[] {
  const kind = (id: string) => queryInterface.kind(id);
  const compute = kind(wellKnown.COMPUTE);
  const pairs: [TypeId, TypeId][] = [
    [wellKnown.STORAGE, wellKnown.STORAGELINK],
    [wellKnown.NETWORK, wellKnown.NETWORKINTERFACE],
  ];
  const options: { hereIs: 'source' | 'target'; otherKind: Kind; linkKind: TypeId }[] = [];
  for (const [targetId, linkId] of pairs) {
    const target = kind(targetId);
    if (target?.location === undefined || kind(linkId)?.location === undefined || compute?.location === undefined)
      continue;
    if (queryInterface.isSubKindOf(kindId, wellKnown.COMPUTE))
      options.push({ hereIs: 'source', otherKind: target, linkKind: linkId });
    else if (queryInterface.isSubKindOf(kindId, targetId))
      options.push({ hereIs: 'target', otherKind: compute, linkKind: linkId });
  }
  return options;
}
