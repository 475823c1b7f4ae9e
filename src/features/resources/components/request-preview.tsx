/**
 * The exact request a create will send: method, URL, headers and body, rendered by the same
 * library call the occi client makes, in the rendering it will use (or another, to compare).
 */
import { useId, useState } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Entity, type OcciMediaType, renderMessage } from '../../../occi/index.ts';

const RENDERINGS: readonly OcciMediaType[] = ['application/occi+json', 'text/plain', 'text/occi'];

export function RequestPreview({
  endpointId,
  collection,
  entity,
}: {
  endpointId: string;
  collection: string;
  entity: Entity;
}) {
  const client = useOcciClient();
  const used = client.renderingFor(endpointId).mediaType;
  const [shown, setShown] = useState<OcciMediaType>(used);
  const selectId = useId();
  const url = client.toServerUrl(endpointId, collection) ?? collection;
  let text: string;
  try {
    const rendered = renderMessage('entity', entity, shown);
    text = [
      `POST ${url}`,
      `Content-Type: ${rendered.contentType}`,
      ...rendered.headers.map(([name, value]) => `${name}: ${value}`),
      '',
      rendered.body,
    ].join('\n');
  } catch (error) {
    text = `This request cannot be rendered in ${shown}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return (
    <section className="request-preview" aria-labelledby={`${selectId}-heading`}>
      <div className="panel-head">
        <h2 id={`${selectId}-heading`}>Request preview</h2>
        <CopyButton className="button secondary" text={text} label="Copy request" />
      </div>
      <div className="field inline">
        <label htmlFor={selectId}>Rendering</label>
        <select id={selectId} value={shown} onChange={(event) => setShown(event.target.value as OcciMediaType)}>
          {RENDERINGS.map((mediaType) => (
            <option key={mediaType} value={mediaType}>
              {mediaType}
              {mediaType === used ? ' (sent)' : ''}
            </option>
          ))}
        </select>
      </div>
      {shown === used ? null : (
        <p className="muted small">The console sends in {used}, the rendering this endpoint answers in.</p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus to be scrolled without a mouse */}
      <pre className="code preview-text" tabIndex={0}>
        {text}
      </pre>
    </section>
  );
}
