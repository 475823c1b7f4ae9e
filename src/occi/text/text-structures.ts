import type { AttributeValue } from '../model.ts';
import { renderAttributeValue } from './render-attribute-value.ts';
import { checkAttributeName } from './render-checks.ts';

/** The rendered values of one message, per structure, before they become lines or headers. */
export class TextStructures {
  readonly categories: string[] = [];
  readonly links: string[] = [];
  readonly attributes: string[] = [];
  readonly locations: string[] = [];

  /** Adds `name=value` per attribute, in the model's order; null values are left out. */
  addAttributes(attributes: ReadonlyMap<string, AttributeValue>, ascii: boolean): void {
    for (const [name, value] of attributes) {
      const text = renderAttributeValue(checkAttributeName(name), value, ascii);
      if (text !== undefined) this.attributes.push(`${name}=${text}`);
    }
  }

  /**
   * text/plain: one `Name: value` line per value, LF-separated and with no final newline or blank
   * line (ooi answers 500 to a blank line in a request body). text/occi: one header per structure,
   * values comma-joined, and an empty body.
   */
  output(occi: boolean): { headers: Array<[string, string]>; body: string } {
    if (occi) {
      const headers: Array<[string, string]> = [];
      if (this.categories.length > 0) headers.push(['Category', this.categories.join(', ')]);
      if (this.links.length > 0) headers.push(['Link', this.links.join(', ')]);
      if (this.attributes.length > 0) headers.push(['X-OCCI-Attribute', this.attributes.join(', ')]);
      if (this.locations.length > 0) headers.push(['X-OCCI-Location', this.locations.join(', ')]);
      return { headers, body: '' };
    }
    let body = '';
    const add = (name: string, values: readonly string[]) => {
      for (const value of values) body += body === '' ? `${name}: ${value}` : `\n${name}: ${value}`;
    };
    add('Category', this.categories);
    add('Link', this.links);
    add('X-OCCI-Attribute', this.attributes);
    add('X-OCCI-Location', this.locations);
    return { headers: [], body };
  }
}
