/**
 * Renderings that must be refused, each with the exact line and column of the offending byte and
 * words for what was expected there (pOCCI keeps negative fixtures for most of these).
 */
import { describe, expect, it } from 'vitest';
import { isOcciParseError, type OcciParseError } from '../errors.ts';
import {
  parseTextActionInvocation,
  parseTextCategories,
  parseTextEntity,
  parseTextLocationList,
  type TextInput,
} from './text-renderings.ts';
import { parseUriList } from './uri-list.ts';

function parseErrorOf(parse: () => unknown): OcciParseError {
  try {
    parse();
  } catch (error) {
    if (isOcciParseError(error)) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

function plain(...lines: string[]): TextInput {
  return { headers: [], body: lines.join('\n') };
}

/** 1-based column of the first `needle` in `line`, plus `offset`. */
function columnOf(line: string, needle: string, offset = 0): number {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${line}`);
  return index + 1 + offset;
}

const COMPUTE = 'Category: compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind"';

describe('unterminated quoted strings', () => {
  it('in a Category: at the end of the line, naming the column of the opening quote', () => {
    const line =
      'Category: user_data;scheme="http://schemas.openstack.org/compute/instance#";class="mixin";title="user data';
    const error = parseErrorOf(() => parseTextCategories(plain(COMPUTE, line), 'text/plain'));
    expect(error.line).toBe(2);
    expect(error.column).toBe(line.length + 1);
    expect(error.expected).toBe(`'"' to close the quoted string opened at column ${columnOf(line, 'title="', 6)}`);
    expect(error.found).toBe('');
    expect(error.message).toBe(
      `line 2, column ${line.length + 1}: expected '"' to close the quoted string opened at column ${columnOf(line, 'title="', 6)} but the input ended`,
    );
  });

  it('in a Link', () => {
    const line = 'Link: </compute/103?action=stop>;rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop';
    const error = parseErrorOf(() =>
      parseTextEntity(plain(COMPUTE, 'X-OCCI-Attribute: occi.core.id="103"', line), 'text/plain'),
    );
    expect([error.line, error.column]).toEqual([3, line.length + 1]);
    expect(error.expected).toBe(`'"' to close the quoted string opened at column ${columnOf(line, 'rel="', 4)}`);
  });

  it('in an X-OCCI-Attribute, and a value cut by a control character', () => {
    const line = 'X-OCCI-Attribute: occi.core.title="one-103';
    const error = parseErrorOf(() => parseTextEntity(plain(COMPUTE, line), 'text/plain'));
    expect([error.line, error.column]).toEqual([2, 43]);
    expect(error.expected).toBe(`'"' to close the quoted string opened at column 35`);

    const nul = parseErrorOf(() => parseTextEntity(plain(COMPUTE, 'X-OCCI-Attribute: a="x\u0000y"'), 'text/plain'));
    expect([nul.line, nul.column, nul.found]).toEqual([2, 23, '\u0000']);
  });

  it('in text/occi: line = index of the header, columns counted as if written `Name: value`', () => {
    const headers: Array<[string, string]> = [
      ['Content-Type', 'text/occi'],
      ['Category', 'compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind"'],
      ['X-OCCI-Attribute', 'occi.core.id="103", occi.core.title="one-103'],
    ];
    const error = parseErrorOf(() => parseTextEntity({ headers, body: 'OK' }, 'text/occi'));
    const written = `X-OCCI-Attribute: ${headers[2]?.[1]}`;
    expect([error.line, error.column]).toEqual([3, written.length + 1]);
    expect(error.expected).toBe(`'"' to close the quoted string opened at column ${columnOf(written, 'title="', 6)}`);
  });
});

describe('categories', () => {
  it('missing class: at the end of the category', () => {
    const line = 'Category: compute;scheme="http://schemas.ogf.org/occi/infrastructure#"';
    const error = parseErrorOf(() => parseTextCategories(plain(line), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([1, line.length + 1, '']);
    expect(error.expected).toBe('\'; class="..."\' with kind, mixin or action (every category has a class)');
  });

  it('missing class in a comma-separated list: at the comma', () => {
    const value =
      'compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind", storage;scheme="http://schemas.ogf.org/occi/infrastructure#", network';
    const error = parseErrorOf(() => parseTextCategories({ headers: [['category', value]], body: '' }, 'text/occi'));
    expect([error.line, error.column, error.found]).toEqual([1, 'category: '.length + value.lastIndexOf(',') + 1, ',']);
    expect(error.expected).toContain('class');
  });

  it('missing scheme', () => {
    const line = 'Category: compute; class="kind"; title="Compute"';
    const error = parseErrorOf(() => parseTextCategories(plain(line), 'text/plain'));
    expect([error.line, error.column]).toEqual([1, line.length + 1]);
    expect(error.expected).toBe('\'; scheme="..."\' (every category has a scheme)');
  });

  it('a class that is none of kind, mixin, action (pOCCI text-bad-attr)', () => {
    const line = 'Category: kind;scheme="myScheme";class="myClass";title="myTitle"';
    const error = parseErrorOf(() => parseTextCategories(plain(line), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([1, columnOf(line, 'myClass'), 'myClass']);
    expect(error.expected).toBe("class 'kind', 'mixin' or 'action'");
  });

  it('an unknown attribute property in {...} (pOCCI text-error-attrdef)', () => {
    const line =
      'Category: entity;scheme="http://schemas.ogf.org/occi/core#";class="kind";title="entity";location="/entity/";attributes="occi.core.id{immutable required} test{asdasd} occi.core.title"';
    const error = parseErrorOf(() => parseTextCategories(plain(line), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([1, columnOf(line, 'asdasd'), 'asdasd']);
    expect(error.expected).toBe("attribute property 'immutable' or 'required'");
  });

  it('an unclosed {...}, and positions inside a quoted string with escapes', () => {
    const open =
      'Category: entity;scheme="http://schemas.ogf.org/occi/core#";class="kind";attributes="occi.core.id{immutable"';
    const error = parseErrorOf(() => parseTextCategories(plain(open), 'text/plain'));
    // At the closing quote, where the '}' was due.
    expect([error.column, error.expected]).toEqual([open.length, "'}' to close the properties of occi.core.id"]);

    const escaped = String.raw`Category: a;scheme="http://example.org/s#";class="mixin";attributes="x{\immutable} y{nope}"`;
    const shifted = parseErrorOf(() => parseTextCategories(plain(escaped), 'text/plain'));
    expect([shifted.column, shifted.found]).toEqual([columnOf(escaped, 'nope'), 'nope']);
  });

  it('pOCCI error-attrdef2: the attributes quote never closes', () => {
    const line =
      'Category: entity;scheme="http://schemas.ogf.org/occi/core#";class="kind";title="entity";location="/entity/";attributes="occi.core.id{immutable required} occi.core.title';
    const error = parseErrorOf(() => parseTextCategories({ headers: [], body: `${line}\n` }, 'text/plain'));
    expect([error.line, error.column]).toEqual([1, line.length + 1]);
    expect(error.expected).toBe(
      `'"' to close the quoted string opened at column ${columnOf(line, 'attributes="', 11)}`,
    );
  });

  it("'=' missing after a parameter name, and junk between parameters", () => {
    const noEquals = 'Category: compute;scheme "http://schemas.ogf.org/occi/infrastructure#";class="kind"';
    const error = parseErrorOf(() => parseTextCategories(plain(noEquals), 'text/plain'));
    expect([error.column, error.expected, error.found]).toEqual([
      columnOf(noEquals, ' "') + 1,
      "'=' after the parameter name",
      '"',
    ]);
    const junk = 'Category: compute scheme="http://schemas.ogf.org/occi/infrastructure#"';
    const second = parseErrorOf(() => parseTextCategories(plain(junk), 'text/plain'));
    expect([second.column, second.found]).toEqual([columnOf(junk, 'scheme'), 'scheme']);
    expect(second.expected).toBe("';' before the next parameter, ',' before the next category, or the end");
  });
});

describe('attributes', () => {
  it('an attribute without a value (pOCCI text-bad-attr)', () => {
    const error = parseErrorOf(() =>
      parseTextEntity(
        plain(
          COMPUTE,
          'X-OCCI-Attribute: occi.core.id=1',
          'X-OCCI-Attribute: occi.core.title',
          'X-OCCI-Attribute: a=1',
        ),
        'text/plain',
      ),
    );
    expect([error.line, error.column, error.found]).toEqual([3, 34, '']);
    expect(error.expected).toBe("'=' after attribute name");
    expect(error.message).toBe("line 3, column 34: expected '=' after attribute name but the input ended");
  });

  it("'=' with nothing after it, in a comma-joined list", () => {
    const error = parseErrorOf(() =>
      parseTextEntity(plain(COMPUTE, 'X-OCCI-Attribute: occi.core.title=, occi.core.id="1"'), 'text/plain'),
    );
    expect([error.line, error.column, error.found]).toEqual([2, 35, ',']);
    expect(error.expected).toBe('an attribute value (a quoted string, a number, true or false)');
  });
});

describe('lines and headers', () => {
  it('a line without a colon', () => {
    const line = 'Category compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind"';
    const error = parseErrorOf(() => parseTextCategories(plain('', line), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([2, 10, 'c']);
    expect(error.expected).toBe("':' after the header name");

    const bare = parseErrorOf(() => parseTextEntity(plain(COMPUTE, 'garbage'), 'text/plain'));
    expect([bare.line, bare.column, bare.found]).toEqual([2, 8, '']);

    const noName = parseErrorOf(() => parseTextEntity(plain(COMPUTE, '<x>: y'), 'text/plain'));
    expect([noName.line, noName.column, noName.found]).toEqual([2, 1, '<']);
    expect(noName.expected).toBe("a header name ('Category', 'Link', 'X-OCCI-Attribute' or 'X-OCCI-Location') and ':'");
  });

  it('counts CR, LF and CRLF line ends alike, and positions on folded lines', () => {
    const body = `${COMPUTE}\r\nX-OCCI-Attribute: a=1\rX-OCCI-Attribute: b=2\nX-OCCI-Attribute: c`;
    const error = parseErrorOf(() => parseTextEntity({ headers: [], body }, 'text/plain'));
    expect([error.line, error.column]).toEqual([4, 20]);

    const folded = ['Category: compute;', ' scheme="http://schemas.ogf.org/occi/infrastructure#";', '\tclass="knd"'];
    const fold = parseErrorOf(() => parseTextCategories(plain(...folded), 'text/plain'));
    expect([fold.line, fold.column, fold.found]).toEqual([3, 9, 'knd']);
  });
});

describe('links', () => {
  it('an action link without rel', () => {
    const line = 'Link: </compute/1?action=stop>';
    const error = parseErrorOf(() => parseTextEntity(plain(COMPUTE, line), 'text/plain'));
    expect([error.line, error.column]).toEqual([2, line.length + 1]);
    expect(error.expected).toBe('\'; rel="..."\' naming the action of an action link');
  });

  it("a URI not closed by '>'", () => {
    const line = 'Link: </storage/0;rel="http://schemas.ogf.org/occi/infrastructure#storage"';
    const error = parseErrorOf(() => parseTextEntity(plain(COMPUTE, line), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([2, columnOf(line, '"'), '"']);
    expect(error.expected).toBe("'>' to close the URI opened at column 7 (a URI has no spaces, quotes or controls)");
  });

  it("parameters run together without ';' right after the URI", () => {
    const line = 'Link: </storage/0> rel="http://schemas.ogf.org/occi/infrastructure#storage"';
    const error = parseErrorOf(() => parseTextEntity(plain(COMPUTE, line), 'text/plain'));
    expect([error.column, error.found]).toEqual([columnOf(line, 'rel'), 'rel']);
  });
});

describe('structure of a message', () => {
  it('two action categories in an action invocation', () => {
    const stop = 'Category: stop;scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#";class="action"';
    const start = 'Category: start;scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#";class="action"';
    const error = parseErrorOf(() => parseTextActionInvocation(plain(stop, start), 'text/plain'));
    expect([error.line, error.column, error.found]).toEqual([2, 11, 'start']);
    expect(error.expected).toBe(
      'a single action category (the action is already http://schemas.ogf.org/occi/infrastructure/compute/action#stop)',
    );

    const joined = parseErrorOf(() =>
      parseTextActionInvocation(
        { headers: [['Category', `${stop.slice(10)}, ${start.slice(10)}`]], body: '' },
        'text/occi',
      ),
    );
    expect([joined.line, joined.column]).toEqual([1, 'Category: '.length + stop.length - 10 + 3]);
  });

  it('no action category, or a kind beside it', () => {
    const none = parseErrorOf(() =>
      parseTextActionInvocation(plain('X-OCCI-Attribute: method="acpioff"'), 'text/plain'),
    );
    expect([none.line, none.column, none.found]).toEqual([1, 35, '']);
    expect(none.expected).toBe('an action category (class="action")');

    const kind = parseErrorOf(() => parseTextActionInvocation(plain(COMPUTE), 'text/plain'));
    expect([kind.line, kind.column]).toEqual([1, 11]);
    expect(kind.expected).toBe('only the action category (an action invocation has no kind)');
  });

  it('an entity without a kind category, or with two', () => {
    const mixinOnly = 'Category: os;scheme="http://example.org/tpl#";class="mixin"';
    const none = parseErrorOf(() => parseTextEntity({ headers: [], body: `${mixinOnly}\r\n` }, 'text/plain'));
    expect([none.line, none.column, none.expected]).toEqual([2, 1, 'a kind category (class="kind")']);
    const headers = parseErrorOf(() =>
      parseTextEntity(
        {
          headers: [
            ['Server', 'x'],
            ['Category', mixinOnly.slice(10)],
          ],
          body: '',
        },
        'text/occi',
      ),
    );
    expect([headers.line, headers.column]).toEqual([3, 1]);

    const two = parseErrorOf(() => parseTextEntity(plain(COMPUTE, COMPUTE), 'text/plain'));
    expect([two.line, two.column, two.found]).toEqual([2, 11, 'compute']);
  });

  it('a location with whitespace or a control character inside', () => {
    const spaced = parseErrorOf(() => parseTextLocationList(plain('X-OCCI-Location: /compute/1 2'), 'text/plain'));
    expect([spaced.line, spaced.column, spaced.found]).toEqual([1, 28, ' ']);
    expect(spaced.expected).toBe("',' or the end of the location (a URI has no spaces)");

    const control = parseErrorOf(() =>
      parseTextLocationList({ headers: [['Location', '/compute/1,/compute/\u00072']], body: '' }, 'text/occi'),
    );
    expect([control.line, control.column, control.found]).toEqual([
      1,
      'Location: /compute/1,/compute/'.length + 1,
      '\u0007',
    ]);

    const uriList = parseErrorOf(() => parseUriList('# listing\r\n/compute/1\r\n/compute/a b\r\n'));
    expect([uriList.line, uriList.column, uriList.found]).toEqual([3, 11, ' ']);
  });
});
