import type { Action, AttributeDefinition, Category, CategoryClass, Kind, Mixin, TypeId } from '../model.ts';
import { COMMA, EQUALS, isOws, isTchar, isTermChar, LBRACE, QUOTE, RBRACE, SEMICOLON } from './char-class.ts';
import type { Cursor } from './cursor.ts';
import { equalsIgnoreCase, nameIs } from './field-name.ts';
import type { Mutable } from './mutable.ts';
import { firstId, splitIds } from './split-ids.ts';

function classOf(value: string): CategoryClass | undefined {
  switch (value.length === 4 || value.length === 5 || value.length === 6 ? value.toLowerCase() : '') {
    case 'kind':
      return 'kind';
    case 'mixin':
      return 'mixin';
    case 'action':
      return 'action';
    default:
      return undefined;
  }
}

/**
 * Reads `attributes="occi.core.id{immutable required} occi.core.title"`. `immutable` makes an
 * attribute read-only, `required` mandatory at creation; with no braces it is mutable and
 * optional. Any other property is an error (pOCCI keeps negative fixtures for bad `{...}`).
 * `at(i)` maps an index of `list` back to the input, so errors point into the quoted string.
 */
function parseAttributeDefinitions(cursor: Cursor, list: string, at: (i: number) => number): AttributeDefinition[] {
  const definitions: AttributeDefinition[] = [];
  const n = list.length;
  let i = 0;
  for (;;) {
    while (i < n && isOws(list.charCodeAt(i))) i++;
    if (i >= n) return definitions;
    const nameStart = i;
    while (i < n && isTchar(list.charCodeAt(i))) i++;
    if (i === nameStart) throw cursor.error('an attribute name', at(i));
    const name = list.slice(nameStart, i);
    let mutable = true;
    let required = false;
    let j = i;
    while (j < n && isOws(list.charCodeAt(j))) j++;
    if (j < n && list.charCodeAt(j) === LBRACE) {
      i = j + 1;
      for (;;) {
        while (i < n && isOws(list.charCodeAt(i))) i++;
        if (i >= n) throw cursor.error(`'}' to close the properties of ${name}`, at(i));
        if (list.charCodeAt(i) === RBRACE) {
          i++;
          break;
        }
        const word = i;
        while (i < n && isTermChar(list.charCodeAt(i))) i++;
        if (equalsIgnoreCase(list, word, i, 'immutable')) mutable = false;
        else if (equalsIgnoreCase(list, word, i, 'required')) required = true;
        else throw cursor.error("attribute property 'immutable' or 'required'", at(word));
      }
    }
    if (i < n && !isOws(list.charCodeAt(i))) throw cursor.error('a space before the next attribute definition', at(i));
    definitions.push({ name, mutable, required });
  }
}

/**
 * Reads one category value at the cursor:
 * `term; scheme="..."; class="kind" [; title=...] [; rel=...] [; location=...] [; attributes=...] [; actions=...]`.
 *
 * Liberal as the servers need: parameters in any order, any case, with or without spaces around
 * `;` and `=` (rOCCI writes none), a trailing `;` (rOCCI), class quoted or not, unknown parameters
 * ignored. With `full` false (categories inside an entity rendering) only term, scheme and class
 * are kept; titles and locations there are noise.
 *
 * The result of a mixin has every `rel` identifier in `depends`; the caller that sees the whole
 * collection moves the ones naming a Kind to `applies` (rOCCI 5 puts both in `rel`).
 *
 * `defaultClass` is the class of a category that names none, where the message's place fixes it
 * (pyssf's clients send an action invocation's category, and a user mixin, without `class`).
 */
export function parseCategory(cursor: Cursor, full: boolean, defaultClass?: CategoryClass): Category {
  const text = cursor.text;
  const termStart = cursor.pos;
  let pos = termStart;
  while (pos < cursor.end && isTermChar(text.charCodeAt(pos))) pos++;
  if (pos === termStart) throw cursor.error('a category term (letters, digits, -, _ or .)');
  const term = text.slice(termStart, pos);
  cursor.pos = pos;

  let scheme: string | undefined;
  let cls: CategoryClass | undefined;
  let title: string | undefined;
  let rel: string | undefined;
  let location: string | undefined;
  let attributes: readonly AttributeDefinition[] = [];
  let actions: readonly TypeId[] = [];

  for (;;) {
    cursor.skipOws();
    const ch = cursor.peek();
    if (ch === -1 || ch === COMMA) break;
    if (ch !== SEMICOLON) throw cursor.error("';' before the next parameter, ',' before the next category, or the end");
    cursor.pos++;
    cursor.skipOws();
    const next = cursor.peek();
    if (next === -1 || next === COMMA) break; // a trailing ';' (rOCCI)
    const nameStart = cursor.pos;
    pos = nameStart;
    while (pos < cursor.end && isTchar(text.charCodeAt(pos))) pos++;
    if (pos === nameStart)
      throw cursor.error('a parameter name (scheme, class, title, rel, location, attributes, actions)');
    const nameEnd = pos;
    cursor.pos = pos;
    cursor.skipOws();
    if (cursor.peek() !== EQUALS) throw cursor.error("'=' after the parameter name");
    cursor.pos++;
    cursor.skipOws();
    const valueStart = cursor.pos;
    const quoted = cursor.peek() === QUOTE;
    const value = quoted ? cursor.readQuoted() : cursor.readBare();
    if (!quoted && value.length === 0) throw cursor.error('a parameter value', valueStart);

    switch (nameEnd - nameStart) {
      case 3:
        if (nameIs(text, nameStart, nameEnd, 'rel')) rel = value;
        break;
      case 5:
        if (nameIs(text, nameStart, nameEnd, 'class')) {
          cls = classOf(value);
          if (cls === undefined) {
            throw cursor.error("class 'kind', 'mixin' or 'action'", quoted ? valueStart + 1 : valueStart, value);
          }
        } else if (nameIs(text, nameStart, nameEnd, 'title')) title = value;
        break;
      case 6:
        if (nameIs(text, nameStart, nameEnd, 'scheme')) scheme = value;
        break;
      case 7:
        if (full && nameIs(text, nameStart, nameEnd, 'actions')) actions = splitIds(value);
        break;
      case 8:
        if (nameIs(text, nameStart, nameEnd, 'location')) location = value;
        break;
      case 10:
        if (full && nameIs(text, nameStart, nameEnd, 'attributes')) {
          attributes = parseAttributeDefinitions(cursor, value, (i) => (quoted ? cursor.quotedPos(i) : valueStart + i));
        }
        break;
      default:
        break;
    }
  }

  if (scheme === undefined) throw cursor.error('\'; scheme="..."\' (every category has a scheme)');
  cls ??= defaultClass;
  if (cls === undefined)
    throw cursor.error('\'; class="..."\' with kind, mixin or action (every category has a class)');
  // rOCCI writes some schemes with the term already appended (`...#up` for term `up`).
  const hash = scheme.length - term.length - 1;
  if (hash >= 0 && scheme.charCodeAt(hash) === 0x23 && scheme.endsWith(term)) scheme = scheme.slice(0, hash + 1);

  if (cls === 'kind') {
    const kind: Mutable<Kind> = { class: 'kind', scheme, term, attributes, actions };
    if (full) {
      if (title !== undefined) kind.title = title;
      const parent = rel === undefined ? undefined : firstId(rel);
      if (parent !== undefined) kind.parent = parent;
      if (location !== undefined) kind.location = location;
    }
    return kind;
  }
  if (cls === 'mixin') {
    const depends = full && rel !== undefined ? splitIds(rel) : [];
    const mixin: Mutable<Mixin> = { class: 'mixin', scheme, term, attributes, depends, applies: [], actions };
    if (full) {
      if (title !== undefined) mixin.title = title;
      if (location !== undefined) mixin.location = location;
    }
    return mixin;
  }
  const action: Mutable<Action> = { class: 'action', scheme, term, attributes };
  if (full && title !== undefined) action.title = title;
  return action;
}
