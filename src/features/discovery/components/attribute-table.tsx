import { useId } from 'react';
import type { AttributeDefinition, AttributeValue } from '../../../occi/index.ts';

function valueText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A pattern in few words. OCCI 1.2 JSON gives a JSON Schema per attribute; its `$schema`, `type`
 * and `enum` are shown elsewhere (the Type column), so only the constraints that remain are listed.
 */
export function patternText(pattern: AttributeDefinition['pattern']): string {
  if (pattern === undefined) return '';
  if (typeof pattern === 'string') return pattern;
  return Object.entries(pattern)
    .filter(([key]) => key !== '$schema' && key !== 'type' && key !== 'enum')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/** Attribute definitions as the server gave them (types the server left out are resolved where known). */
export function AttributeTable({
  caption,
  attributes,
}: {
  caption: string;
  attributes: readonly (AttributeDefinition & { readonly enum?: readonly AttributeValue[] })[];
}) {
  const captionId = useId();
  if (attributes.length === 0) return <p className="muted">{caption}: none.</p>;
  return (
    // A wide table scrolls sideways in its own box; focusable, so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="facts attribute-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Mutable</th>
            <th scope="col">Required</th>
            <th scope="col">Default</th>
            <th scope="col">Pattern</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {attributes.map((attribute) => (
            <tr key={attribute.name}>
              <th scope="row">
                <code>{attribute.name}</code>
              </th>
              <td>
                {attribute.type ?? <span className="muted">not given</span>}
                {attribute.enum === undefined ? null : (
                  <div className="muted">one of {attribute.enum.map((value) => valueText(value)).join(', ')}</div>
                )}
              </td>
              <td>{attribute.mutable ? 'yes' : 'no'}</td>
              <td>{attribute.required ? 'yes' : 'no'}</td>
              <td>
                <code>{valueText(attribute.default)}</code>
              </td>
              <td className="pattern">
                <code>{patternText(attribute.pattern)}</code>
              </td>
              <td>{attribute.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
