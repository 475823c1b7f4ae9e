/**
 * Links made with the resource: a volume attached (a storage link, with its mountpoint) or a
 * network joined (a network interface), sent inline in the create request as OCCI allows.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Kind, type QueryInterface, type TypeId, typeId, wellKnown } from '../../../occi/index.ts';
import { listingQuery } from '../api/list-collection.ts';
import { formAttributes } from '../attribute-form.ts';
import { type InlineLink, linkKindFor } from '../create-form-model.ts';
import { entityName, stateOf } from '../entity-summary.ts';
import { kindNames } from '../resource-paths.ts';
import { AttributeField } from './attribute-field.tsx';

export interface InlineLinksProps {
  readonly endpointId: string;
  readonly queryInterface: QueryInterface;
  readonly links: readonly InlineLink[];
  readonly onChange: (links: readonly InlineLink[]) => void;
}

/** Text the user typed for the link's attributes; empty ones are left out. */
function withAttribute(link: InlineLink, name: string, value: string): InlineLink {
  const attributes = new Map(link.attributes);
  if (value === '') attributes.delete(name);
  else attributes.set(name, value);
  return { ...link, attributes };
}

export function InlineLinks({ endpointId, queryInterface, links, onChange }: InlineLinksProps) {
  const targetKinds = [wellKnown.STORAGE, wellKnown.NETWORK]
    .map((id) => queryInterface.kind(id))
    .filter((kind): kind is Kind => kind?.location !== undefined);
  if (targetKinds.length === 0) return null;
  const replace = (index: number, link: InlineLink | null) =>
    onChange(link === null ? links.filter((_, i) => i !== index) : links.map((l, i) => (i === index ? link : l)));
  return (
    <fieldset className="inline-links">
      <legend>Attach at creation</legend>
      {links.length === 0 ? (
        <p className="muted small">Optional: volumes and networks to link the new machine to.</p>
      ) : null}
      {links.map((link, index) => {
        const targetKind = targetKinds.find(
          (kind) => linkKindFor(queryInterface, typeId(kind.scheme, kind.term)) === link.kind,
        );
        return targetKind === undefined ? null : (
          <InlineLinkRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before a target is chosen
            key={index}
            endpointId={endpointId}
            queryInterface={queryInterface}
            targetKind={targetKind}
            link={link}
            onChange={(next) => replace(index, next)}
          />
        );
      })}
      <div className="form-buttons">
        {targetKinds.map((kind) => {
          const linkKind = linkKindFor(queryInterface, typeId(kind.scheme, kind.term)) as TypeId;
          return (
            <button
              key={kind.term}
              className="button secondary"
              type="button"
              onClick={() => onChange([...links, { kind: linkKind, target: '', attributes: new Map() }])}
            >
              Attach a {kindNames(kind).singular}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function InlineLinkRow({
  endpointId,
  queryInterface,
  targetKind,
  link,
  onChange,
}: {
  endpointId: string;
  queryInterface: QueryInterface;
  targetKind: Kind;
  link: InlineLink;
  onChange: (link: InlineLink | null) => void;
}) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const collection = client.relativePath(endpointId, targetKind.location ?? '');
  const listing = useQuery(listingQuery(client, queryClient, endpointId, collection));
  const selectId = useId();
  const names = kindNames(targetKind);
  const fields = formAttributes(queryInterface, link.kind, []).filter(
    (attribute) => !attribute.name.startsWith('occi.core.'),
  );
  const serverUrl = (location: string) => client.toServerUrl(endpointId, location) ?? `/${location}`;
  return (
    <div className="inline-link">
      <div className="field">
        <label htmlFor={selectId}>{names.singular.charAt(0).toUpperCase() + names.singular.slice(1)} to attach</label>
        <select
          id={selectId}
          value={link.target}
          aria-invalid={link.target === ''}
          onChange={(event) => onChange({ ...link, target: event.target.value })}
        >
          <option value="">{listing.isPending ? 'Reading…' : `(choose a ${names.singular})`}</option>
          {(listing.data?.entities ?? []).map((entity) => (
            <option key={entity.location} value={serverUrl(entity.location ?? '')}>
              {entityName(entity)} ({stateOf(entity)?.value ?? 'no state'})
            </option>
          ))}
        </select>
        {listing.isError ? (
          <span className="field-error">The {names.plural.toLowerCase()} could not be listed.</span>
        ) : null}
      </div>
      {fields.map((attribute) => (
        <AttributeField
          key={attribute.name}
          attribute={attribute}
          value={String(link.attributes.get(attribute.name) ?? '')}
          onChange={(value) => onChange(withAttribute(link, attribute.name, value))}
        />
      ))}
      <button className="link-button" type="button" onClick={() => onChange(null)}>
        Do not attach
      </button>
    </div>
  );
}
