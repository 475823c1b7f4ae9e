import type { ActionLink, AttributeValue, Link } from '../model.ts';
import { ATTR, LINK } from '../well-known.ts';
import { COMMA, EQUALS, GT, isNotUri, isTchar, LT, QUOTE, SEMICOLON } from './char-class.ts';
import type { Cursor } from './cursor.ts';
import { nameIs } from './field-name.ts';
import { isActionUri } from './is-action-uri.ts';
import type { Mutable } from './mutable.ts';
import { readAttributeValue } from './read-attribute-value.ts';
import { firstId, splitIds } from './split-ids.ts';

/**
 * Reads one link value at the cursor:
 * `<URI>; rel="..."; self="..."; category="kind mixin..."; name=value; ...`.
 *
 * A URI carrying `?action=` is an action link and gives an ActionLink (its `rel` is the action).
 * Any other link gives a Link entity: location = `self`; attributes `occi.core.target` = the URI,
 * `occi.core.target.kind` = the first `rel` identifier, then every other parameter in order
 * (`occi.core.id`, `occi.core.source`, ...); kind = first `category` identifier (core#link when
 * there is none), mixins = the rest.
 *
 * ooi puts the link's own URL between `<>` and the target in an `occi.core.target` parameter:
 * when that parameter is present it wins, and the `<>` URL becomes the location if `self` is absent.
 */
export function parseLink(cursor: Cursor): ActionLink | Link {
  const text = cursor.text;
  const open = cursor.pos;
  if (text.charCodeAt(open) !== LT) throw cursor.error("'<' and the link's URI");
  let pos = open + 1;
  while (pos < cursor.end) {
    const ch = text.charCodeAt(pos);
    if (ch === GT || isNotUri(ch)) break;
    pos++;
  }
  if (pos >= cursor.end || text.charCodeAt(pos) !== GT) {
    throw cursor.error(
      `'>' to close the URI opened at column ${cursor.columnAt(open)} (a URI has no spaces, quotes or controls)`,
      pos,
    );
  }
  const uri = text.slice(open + 1, pos);
  cursor.pos = pos + 1;

  // An action link needs only its rel; anything else builds the link's attributes on the way.
  const action = isActionUri(uri);
  let attributes: Map<string, AttributeValue> | undefined;
  if (!action) {
    attributes = new Map();
    attributes.set(ATTR.target, uri);
  }
  let rel: string | undefined;
  let self: string | undefined;
  let category: string | undefined;
  let targetGiven = false;
  let params = 0;
  for (;;) {
    const before = cursor.pos;
    cursor.skipOws();
    const ch = cursor.peek();
    if (ch === -1 || ch === COMMA) break;
    if (ch === SEMICOLON) {
      cursor.pos++;
      cursor.skipOws();
      const next = cursor.peek();
      if (next === -1 || next === COMMA) break; // a trailing ';'
    } else if (params === 0 || cursor.pos === before || !isTchar(ch)) {
      // Only whitespace may replace ';', and only between parameters: rOCCI-core 4 separates link
      // attributes with spaces after a quoted value (occi_compute_rocci_server.text).
      throw cursor.error("';' before the next link parameter, ',' before the next link, or the end");
    }
    const nameStart = cursor.pos;
    pos = nameStart;
    while (pos < cursor.end && isTchar(text.charCodeAt(pos))) pos++;
    if (pos === nameStart) throw cursor.error('a link parameter name (rel, self, category or an attribute name)');
    const nameEnd = pos;
    cursor.pos = pos;
    cursor.skipOws();
    if (cursor.peek() !== EQUALS) throw cursor.error("'=' after the link parameter name");
    cursor.pos++;
    cursor.skipOws();
    params++;
    const which = nameIs(text, nameStart, nameEnd, 'rel')
      ? 1
      : nameIs(text, nameStart, nameEnd, 'self')
        ? 2
        : nameIs(text, nameStart, nameEnd, 'category')
          ? 3
          : 0;
    if (which === 0) {
      const name = text.slice(nameStart, nameEnd);
      const value = readAttributeValue(cursor);
      if (attributes !== undefined) {
        if (name === ATTR.target) targetGiven = true;
        attributes.set(name, value);
      }
      continue;
    }
    const valueStart = cursor.pos;
    const quoted = cursor.peek() === QUOTE;
    const value = quoted ? cursor.readQuoted() : cursor.readBare();
    if (!quoted && value.length === 0) throw cursor.error('a parameter value', valueStart);
    if (which === 1) {
      rel = value;
      const targetKind = attributes === undefined ? undefined : firstId(value);
      if (targetKind !== undefined) attributes?.set(ATTR.targetKind, targetKind);
    } else if (which === 2) self = value;
    else category = value;
  }

  if (attributes === undefined) {
    const id = rel === undefined ? undefined : firstId(rel);
    if (id === undefined) throw cursor.error('\'; rel="..."\' naming the action of an action link');
    return { action: id, href: uri };
  }
  const ids = category === undefined ? [] : splitIds(category);
  const link: Mutable<Link> = {
    entityType: 'link',
    kind: ids[0] ?? LINK,
    mixins: ids.length > 1 ? ids.slice(1) : [],
    attributes,
    actions: [],
  };
  const location = self ?? (targetGiven ? uri : undefined);
  if (location !== undefined) link.location = location;
  return link;
}
