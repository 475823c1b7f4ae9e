/**
 * `/endpoints/:endpointId/create/*`: a new entity of the Kind whose collection the rest of the
 * path is, with a form built from the attribute definitions of the Kind and the chosen mixins.
 * Templates come first (they decide defaults), then the attributes, contextualization, inline
 * links, and the exact request in the rendering it will be sent in. A refused create keeps
 * everything the user entered.
 */
import { OcciErrorPanel } from './occi-error-panel.tsx';
import './resources.css';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/describe-error.ts';
import { newEntityId } from '../../../lib/new-entity-id.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { isOcciHttpError } from '../../../lib/occi-errors.ts';
import type { DiscoveredModel } from '../../../lib/occi-queries.ts';
import { type Kind, type TypeId, takesClientIds, typeId, wellKnown } from '../../../occi/index.ts';
import { useCreateEntity, withClientId } from '../api/create-entity.ts';
import { attributeLabel, formAttributes, readForm, withDefaults } from '../attribute-form.ts';
import { type InlineLink, initialTemplates, kindChoices, newResource } from '../create-form-model.ts';
import { createdState } from '../created-state.ts';
import { kindNames, resourcePath } from '../resource-paths.ts';
import { isUserDataAttribute } from '../user-data.ts';
import { AttributeField } from './attribute-field.tsx';
import { InlineLinks, readLink } from './inline-links.tsx';
import { RequestPreview } from './request-preview.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { UserDataField, type UserDataValue, userDataAttributeText } from './user-data-field.tsx';
import { WithModel } from './with-model.tsx';

const FRIENDLY: Readonly<Record<string, string>> = {
  'occi.core.title': 'Name',
  'occi.core.summary': 'Summary',
  'occi.credentials.ssh.publickey': 'SSH public key',
  'occi.storage.size': 'Size (GiB)',
  'occi.compute.memory': 'Memory (GiB)',
};

/** What the summary of problems calls a field: what its label says. */
function fieldName(name: string): string {
  return isUserDataAttribute(name) ? 'User data' : (FRIENDLY[name] ?? attributeLabel(name));
}

export function CreatePage() {
  const { endpointId = '', '*': rest = '' } = useParams();
  const collection = rest.replace(/^\/+/, '');
  return (
    <WithModel endpointId={endpointId}>
      {(discovered) => <CreateAt endpointId={endpointId} discovered={discovered} collection={collection} />}
    </WithModel>
  );
}

function CreateAt({
  endpointId,
  discovered,
  collection,
}: {
  endpointId: string;
  discovered: DiscoveredModel;
  collection: string;
}) {
  const kind = discovered.queryInterface.kindForLocation(collection);
  if (kind === undefined) {
    return (
      <p className="status warn">
        <code>{collection || '/'}</code> is no collection of this server, so nothing can be created there.{' '}
        <Link to={`/endpoints/${encodeURIComponent(endpointId)}/model`}>See its model</Link>.
      </p>
    );
  }
  if (discovered.queryInterface.isSubKindOf(typeId(kind.scheme, kind.term), wellKnown.LINK)) {
    // A link needs the resource it starts from and the one it points to; a form of its own
    // attributes alone would only earn a 400 (the demo cloud: "occi.core.source is required").
    const names = kindNames(kind);
    return (
      <p className="status warn">
        <code>{collection}</code> holds {names.plural.toLowerCase()}, which join two resources: make one from the
        resource it starts from, with Attach on its page, or while creating it.{' '}
        <Link to={resourcePath(endpointId, collection)}>See the {names.plural.toLowerCase()}</Link>.
      </p>
    );
  }
  return (
    <CreateForm key={collection} endpointId={endpointId} discovered={discovered} kind={kind} collection={collection} />
  );
}

function CreateForm({
  endpointId,
  discovered,
  kind,
  collection,
}: {
  endpointId: string;
  discovered: DiscoveredModel;
  kind: Kind;
  collection: string;
}) {
  const navigate = useNavigate();
  const client = useOcciClient();
  const { queryInterface } = discovered;
  const kindId = typeId(kind.scheme, kind.term);
  const names = kindNames(kind);
  const choices = useMemo(() => kindChoices(queryInterface, kindId), [queryInterface, kindId]);
  const [templates, setTemplates] = useState(() => initialTemplates(queryInterface, choices));
  const [extra, setExtra] = useState<ReadonlySet<TypeId>>(new Set());
  const mixins = [templates.resource, templates.os, ...extra].filter((id): id is TypeId => id !== undefined);
  const attributes = formAttributes(queryInterface, kindId, mixins);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [fields, setFields] = useState(() => withDefaults(new Map(), new Set(), attributes));
  const [userData, setUserData] = useState<UserDataValue>({ text: '', encoded: false });
  const [links, setLinks] = useState<readonly InlineLink[]>([]);
  const [tried, setTried] = useState(false);
  // Chosen once per form, so the preview shows the id that is sent, and every attempt sends the same.
  const [clientId] = useState(newEntityId);
  const create = useCreateEntity(endpointId);

  // A new template brings new defaults for the fields the user has not typed in.
  const shownFields = withDefaults(fields, touched, attributes);
  for (const attribute of attributes) {
    if (isUserDataAttribute(attribute.name)) shownFields.set(attribute.name, userDataAttributeText(userData));
  }
  const reading = readForm(shownFields, attributes);
  const linkReadings = links.map((link) => readLink(queryInterface, link));
  const made = newResource(
    kindId,
    mixins,
    reading.attributes,
    linkReadings.map((read) => read.link),
  );
  // pyssf keeps a client's id under a URL of its own: the console lets it choose.
  const entity = takesClientIds(client.serverProfile(endpointId)) ? withClientId(made, clientId) : made;
  const isCompute = queryInterface.isSubKindOf(kindId, wellKnown.COMPUTE);
  const unfinishedLinks = links.some((link) => link.target === '');
  const linkErrors = [...new Set(linkReadings.flatMap((read) => [...read.errors.keys()]))].filter(
    (name) => name !== 'occi.core.target',
  );

  const choose = (next: typeof templates) => {
    setFields(shownFields);
    setTemplates(next);
  };
  const toggleMixin = (id: TypeId, on: boolean) => {
    setFields(shownFields);
    setExtra((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const setField = (name: string, value: string) => {
    setTouched((previous) => new Set(previous).add(name));
    setFields(new Map(shownFields).set(name, value));
  };

  return (
    <form
      className="create-form"
      noValidate
      aria-labelledby="create-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (reading.errors.size > 0 || unfinishedLinks || linkErrors.length > 0) return;
        const title = reading.attributes.get('occi.core.title');
        create.mutate(
          {
            collection,
            entity,
            purpose: `Create ${names.singular}${typeof title === 'string' ? ` ${title}` : ''}`,
          },
          {
            onSuccess: (created) => {
              void navigate(resourcePath(endpointId, created.location ?? collection), {
                state: createdState(entity, created.renderingFallback),
              });
            },
          },
        );
      }}
    >
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">Endpoints</Link> / {endpointId} /{' '}
          <Link to={resourcePath(endpointId, collection)}>{names.plural}</Link>
        </p>
        <h1 id="create-heading">New {names.singular}</h1>
        <p>
          A <code>POST {collection}</code> with the kind <code>{kind.term}</code>, the mixins and the attributes chosen
          here. Fields come from the server's definitions; those left at their default are not sent.
        </p>
      </header>
      <div className="create-layout">
        <div className="create-fields">
          {choices.osTemplates.length > 0 ? (
            <TemplatePicker
              legend="Operating system"
              templates={choices.osTemplates}
              queryInterface={queryInterface}
              value={templates.os}
              optional
              onChange={(os) => choose({ ...templates, os })}
            />
          ) : null}
          {choices.resourceTemplates.length > 0 ? (
            <TemplatePicker
              legend="Size"
              templates={choices.resourceTemplates}
              queryInterface={queryInterface}
              value={templates.resource}
              optional
              onChange={(resource) => choose({ ...templates, resource })}
            />
          ) : null}
          {choices.otherMixins.length > 0 ? (
            <fieldset className="mixin-choices">
              <legend>Also apply</legend>
              {choices.otherMixins.map((mixin) => {
                const id = typeId(mixin.scheme, mixin.term);
                return (
                  <label key={id} className="checkbox" title={id}>
                    <input
                      type="checkbox"
                      checked={extra.has(id)}
                      onChange={(e) => toggleMixin(id, e.target.checked)}
                    />
                    {mixin.title?.trim() || mixin.term}{' '}
                    <span className="muted small">({queryInterface.mixinRole(id).replace('-', ' ')})</span>
                  </label>
                );
              })}
            </fieldset>
          ) : null}
          <fieldset className="attribute-fields">
            <legend>Attributes</legend>
            {attributes.map((attribute) =>
              isUserDataAttribute(attribute.name) ? (
                <UserDataField
                  key={attribute.name}
                  attribute={attribute}
                  value={userData}
                  onChange={setUserData}
                  error={tried ? reading.errors.get(attribute.name) : undefined}
                />
              ) : (
                <AttributeField
                  key={attribute.name}
                  attribute={attribute}
                  {...(FRIENDLY[attribute.name] !== undefined && { label: FRIENDLY[attribute.name] })}
                  value={shownFields.get(attribute.name) ?? ''}
                  onChange={(value) => setField(attribute.name, value)}
                  error={tried || touched.has(attribute.name) ? reading.errors.get(attribute.name) : undefined}
                />
              ),
            )}
          </fieldset>
          {isCompute ? (
            <InlineLinks
              endpointId={endpointId}
              queryInterface={queryInterface}
              links={links}
              onChange={setLinks}
              showErrors={tried}
            />
          ) : null}
        </div>
        <aside className="create-side">
          <RequestPreview endpointId={endpointId} collection={collection} entity={entity} />
          {tried && reading.errors.size > 0 ? (
            <p className="status error" role="alert">
              {reading.errors.size} field{reading.errors.size === 1 ? ' needs' : 's need'} a look:{' '}
              {[...reading.errors.keys()].map(fieldName).join(', ')}.
            </p>
          ) : null}
          {tried && unfinishedLinks ? (
            <p className="status error" role="alert">
              Choose what to attach, or remove the attachment.
            </p>
          ) : null}
          {tried && linkErrors.length > 0 ? (
            <p className="status error" role="alert">
              An attachment needs a look: {linkErrors.map(fieldName).join(', ')}.
            </p>
          ) : null}
          {create.isError ? (
            <OcciErrorPanel
              error={create.error}
              context={createFailureContext(create.error)}
              hint={`${describeError(create.error).hint ?? ''} ${createFailureAdvice(create.error)}`.trim()}
            />
          ) : null}
          <div className="form-buttons">
            <button className="button" type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : `Create ${names.singular}`}
            </button>
            <Link className="button secondary" to={resourcePath(endpointId, collection)}>
              Cancel
            </Link>
          </div>
        </aside>
      </div>
    </form>
  );
}

/** A 4xx is the server refusing what was sent; a 5xx or no answer is the cloud failing, not the entries. */
function createFailureContext(error: unknown): string {
  if (isOcciHttpError(error)) return error.status < 500 ? 'The server refused the create' : 'The create failed';
  return 'The create did not go through';
}

function createFailureAdvice(error: unknown): string {
  if (isOcciHttpError(error)) {
    return error.status < 500
      ? 'Your entries are kept: correct them and create again.'
      : 'Your entries are kept: create again once the cloud is working.';
  }
  // Without an answer the cloud may have made it anyway.
  return 'Your entries are kept. The cloud may have made it anyway: look at the list before creating again.';
}
