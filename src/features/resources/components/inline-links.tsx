/**
 * Links made with the resource: a volume attached (a storage link, with its mountpoint) or a
 * network joined (a network interface), sent inline in the create request as OCCI allows.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Kind, type QueryInterface, type TypeId, typeId, wellKnown } from '../../../occi/index.ts';
import { listingQuery } from '../api/list-collection.ts';
import { formAttributes, readField, textOf } from '../attribute-form.ts';
import { type InlineLink, linkKindFor, linkMixins, mixinsInUse } from '../create-form-model.ts';
import { entityName, stateOf } from '../entity-summary.ts';
import { kindNames } from '../resource-paths.ts';
import { AttributeField } from './attribute-field.tsx';

export interface InlineLinksProps {
  readonly endpointId: string;
  readonly queryInterface: QueryInterface;
  readonly links: readonly InlineLink[];
  readonly onChange: (links: readonly InlineLink[]) => void;
  /** The user tried to create: show every problem, not only those of fields typed in. */
  readonly showErrors?: boolean;
}

/** The attributes a link row offers: its Kind's, less those the server sets or the row itself holds. */
function linkFields(
  queryInterface: QueryInterface,
  link: InlineLink,
  mixins: readonly TypeId[] = linkMixins(queryInterface, link.kind),
) {
  return formAttributes(queryInterface, link.kind, mixins).filter(
    (attribute) => !attribute.name.startsWith('occi.core.'),
  );
}

export interface LinkReading {
  /** The link as it will be sent: each attribute read as its definition says (a number as a number). */
  readonly link: InlineLink;
  /** What is wrong, per attribute name; `occi.core.target` when nothing is chosen to attach. */
  readonly errors: ReadonlyMap<string, string>;
}

/** A link row's text read back as the link to send, and what keeps it from being sent. */
export function readLink(queryInterface: QueryInterface, link: InlineLink): LinkReading {
  const errors = new Map<string, string>();
  if (link.target === '') errors.set('occi.core.target', 'is not chosen');
  const attributes = new Map(link.attributes);
  const inUse = mixinsInUse(queryInterface, linkMixins(queryInterface, link.kind), link.attributes);
  // Only the mixins in use are checked: an address is optional until one is typed.
  for (const attribute of linkFields(queryInterface, link, inUse)) {
    const reading = readField(textOf(link.attributes.get(attribute.name)), attribute);
    if ('error' in reading) errors.set(attribute.name, reading.error);
    else if (reading.value === undefined) attributes.delete(attribute.name);
    else attributes.set(attribute.name, reading.value);
  }
  return { link: { ...link, attributes, mixins: inUse }, errors };
}

/** Text the user typed for the link's attributes; empty ones are left out. */
function withAttribute(link: InlineLink, name: string, value: string): InlineLink {
  const attributes = new Map(link.attributes);
  if (value === '') attributes.delete(name);
  else attributes.set(name, value);
  return { ...link, attributes };
}

export function InlineLinks({ endpointId, queryInterface, links, onChange, showErrors = false }: InlineLinksProps) {
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
            showErrors={showErrors}
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
  showErrors,
  onChange,
}: {
  endpointId: string;
  queryInterface: QueryInterface;
  targetKind: Kind;
  link: InlineLink;
  showErrors: boolean;
  onChange: (link: InlineLink | null) => void;
}) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const collection = client.relativePath(endpointId, targetKind.location ?? '');
  const listing = useQuery(listingQuery(client, queryClient, endpointId, collection));
  const selectId = useId();
  const names = kindNames(targetKind);
  const fields = linkFields(queryInterface, link);
  const { errors } = readLink(queryInterface, link);
  const noTarget = showErrors && link.target === '';
  const serverPath = (location: string) => client.toServerPath(endpointId, location);
  return (
    <div className="inline-link">
      <div className="field">
        <label htmlFor={selectId}>{names.singular.charAt(0).toUpperCase() + names.singular.slice(1)} to attach</label>
        <select
          id={selectId}
          value={link.target}
          aria-invalid={noTarget}
          {...(noTarget && { 'aria-describedby': `${selectId}-error` })}
          onChange={(event) => onChange({ ...link, target: event.target.value })}
        >
          <option value="">{listing.isPending ? 'Reading…' : `(choose a ${names.singular})`}</option>
          {(listing.data?.entities ?? []).map((entity) => (
            <option key={entity.location} value={serverPath(entity.location ?? '')}>
              {entityName(entity)} ({stateOf(entity)?.value ?? 'no state'})
            </option>
          ))}
        </select>
        {noTarget ? (
          <span className="field-error" id={`${selectId}-error`}>
            Choose the {names.singular} to attach, or do not attach one.
          </span>
        ) : null}
        {listing.isError ? (
          <span className="field-error">The {names.plural.toLowerCase()} could not be listed.</span>
        ) : null}
      </div>
      {fields.map((attribute) => (
        <AttributeField
          key={attribute.name}
          attribute={attribute}
          value={textOf(link.attributes.get(attribute.name))}
          onChange={(value) => onChange(withAttribute(link, attribute.name, value))}
          // A value typed in is checked at once; an empty required one once the user tries to create.
          error={showErrors || link.attributes.has(attribute.name) ? errors.get(attribute.name) : undefined}
        />
      ))}
      <button className="link-button" type="button" onClick={() => onChange(null)}>
        Do not attach
      </button>
    </div>
  );
}
