/**
 * Pick one template (an OS image, a flavour) from what the server offers: a search box over
 * title and term, and a radio group showing what each template brings ("2 cores, 4 GiB").
 */
import { useId, useState } from 'react';
import { type Mixin, type QueryInterface, type TypeId, typeId } from '../../../occi/index.ts';
import { mixinLabel } from '../list-view.ts';

export interface TemplatePickerProps {
  readonly legend: string;
  readonly templates: readonly Mixin[];
  readonly queryInterface: QueryInterface;
  readonly value: TypeId | undefined;
  readonly onChange: (id: TypeId | undefined) => void;
  /** Whether "none" is a choice. */
  readonly optional?: boolean;
}

/** What a template sets, in words: "1 core, 0.5 GiB memory". Empty for an OS template. */
export function templateFacts(queryInterface: QueryInterface, id: TypeId): string {
  const summary = queryInterface.templateSummary(id);
  const facts: string[] = [];
  if (summary.cores !== undefined) facts.push(`${summary.cores} ${summary.cores === 1 ? 'core' : 'cores'}`);
  if (summary.memory !== undefined) facts.push(`${summary.memory} GiB memory`);
  if (summary.speed !== undefined) facts.push(`${summary.speed} GHz`);
  if (summary.ephemeralStorage !== undefined) facts.push(`${summary.ephemeralStorage} GB disk`);
  return facts.join(', ');
}

const SEARCH_FROM = 8;

export function TemplatePicker({ legend, templates, queryInterface, value, onChange, optional }: TemplatePickerProps) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const name = useId();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (template: Mixin) => {
    const id = typeId(template.scheme, template.term);
    const text = `${template.title ?? ''} ${template.term} ${templateFacts(queryInterface, id)}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  // The chosen template stays in sight whatever the search, so the choice is never hidden; it
  // does not count as a match, so a search that finds nothing says so.
  const shown = templates.filter((template) => typeId(template.scheme, template.term) === value || matches(template));
  const matching = templates.filter(matches).length;
  return (
    <fieldset className="template-picker">
      <legend>{legend}</legend>
      {templates.length >= SEARCH_FROM ? (
        <div className="field">
          <label htmlFor={searchId}>Search {legend.toLowerCase()}</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
      ) : null}
      <div className="template-options">
        {optional ? (
          <label className="template-option">
            <input type="radio" name={name} checked={value === undefined} onChange={() => onChange(undefined)} />
            <span className="template-title">None</span>
          </label>
        ) : null}
        {shown.map((template) => {
          const id = typeId(template.scheme, template.term);
          const facts = templateFacts(queryInterface, id);
          return (
            <label key={id} className="template-option" title={id}>
              <input type="radio" name={name} checked={value === id} onChange={() => onChange(id)} />
              <span className="template-title">{mixinLabel(queryInterface, id)}</span>
              {mixinLabel(queryInterface, id).includes(template.term) ? null : <code>{template.term}</code>}
              {facts === '' ? null : <span className="template-facts">{facts}</span>}
            </label>
          );
        })}
        {matching === 0 ? <p className="muted">Nothing matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}
