import { useId, useMemo, useState } from 'react';
import { OCCI_MEDIA_TYPES, type OcciMediaType, type Structure, structureName } from '../../../occi/index.ts';
import { analyseMessage, wireText } from '../analyse-message.ts';
import { labExamples } from '../lab-examples.ts';
import { ModelView } from './model-view.tsx';
import { ParseErrorView } from './parse-error-view.tsx';

const structures = Object.keys(structureName) as Structure[];
const firstExample = labExamples[0];

/**
 * Paste what a server sent, see what the console understands of it, and how the same model reads
 * in each of the other renderings. Works without any cloud: it runs the protocol library alone.
 */
export function RenderingLabPage() {
  const [structure, setStructure] = useState<Structure>(firstExample?.structure ?? 'entity');
  const [mediaType, setMediaType] = useState<OcciMediaType>(firstExample?.mediaType ?? 'text/plain');
  const [text, setText] = useState(firstExample?.text ?? '');
  const [target, setTarget] = useState<OcciMediaType>('application/occi+json');
  const analysis = useMemo(() => analyseMessage(structure, mediaType, text), [structure, mediaType, text]);
  const ids = { structure: useId(), mediaType: useId(), text: useId(), example: useId() };
  const rendering = analysis.ok ? analysis.renderings.get(target) : undefined;

  return (
    <div className="lab">
      <header className="page-header">
        <h1>Rendering lab</h1>
        <p>
          Paste an OCCI message as a server sent it. The console parses it the way it reads every answer, shows what it
          understood, and renders the same model in each OCCI rendering.
        </p>
      </header>
      <section className="lab-input" aria-labelledby={`${ids.text}-heading`}>
        <h2 id={`${ids.text}-heading`}>Message</h2>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.example}>Example</label>
            <select
              id={ids.example}
              value=""
              onChange={(event) => {
                const example = labExamples[Number(event.target.value)];
                if (example === undefined) return;
                setStructure(example.structure);
                setMediaType(example.mediaType);
                setText(example.text);
              }}
            >
              <option value="" disabled>
                Load an example…
              </option>
              {labExamples.map((example, index) => (
                <option key={example.title} value={index}>
                  {example.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.structure}>Structure</label>
            <select
              id={ids.structure}
              value={structure}
              onChange={(event) => setStructure(event.target.value as Structure)}
            >
              {structures.map((s) => (
                <option key={s} value={s}>
                  {structureName[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.mediaType}>Content-Type</label>
            <select
              id={ids.mediaType}
              value={mediaType}
              onChange={(event) => setMediaType(event.target.value as OcciMediaType)}
            >
              {OCCI_MEDIA_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor={ids.text} className="visually-hidden">
          Message text
        </label>
        <textarea
          id={ids.text}
          className="code"
          spellCheck={false}
          value={text}
          rows={16}
          onChange={(event) => setText(event.target.value)}
        />
        {mediaType === 'text/occi' && (
          <p className="hint">text/occi travels in HTTP headers: paste them as one `Name: value` line each.</p>
        )}
      </section>
      <section className="lab-output" aria-labelledby={`${ids.text}-result`}>
        <h2 id={`${ids.text}-result`}>What the console understood</h2>
        {analysis.ok ? (
          <>
            <p className="status ok" role="status">
              Parsed as {structureName[structure]}.
            </p>
            <ModelView structure={structure} model={analysis.model} />
            <h2>The same model, rendered</h2>
            <div role="tablist" aria-label="Rendering" className="tabs">
              {OCCI_MEDIA_TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  role="tab"
                  aria-selected={type === target}
                  onClick={() => setTarget(type)}
                >
                  {type}
                </button>
              ))}
            </div>
            <div role="tabpanel" aria-label={target}>
              {rendering === undefined ? null : rendering.ok ? (
                // Focusable: a long rendering scrolls, and the keyboard must be able to scroll it.
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus to be scrolled without a mouse
                <pre className="code" tabIndex={0}>
                  {wireText(rendering.message)}
                </pre>
              ) : (
                <p className="status warn">{rendering.reason}</p>
              )}
            </div>
          </>
        ) : (
          <ParseErrorView text={text} analysis={analysis} />
        )}
      </section>
    </div>
  );
}
