/**
 * Parse errors: always OcciParseError, pointing at the right line and column; and the error-path
 * helpers behind them (syntax scan, path locator, path names, error bodies).
 */
import { describe, expect, it } from 'vitest';
import { isOcciParseError, type OcciParseError } from '../errors.ts';
import { engineErrorPosition } from './engine-error-position.ts';
import { findJsonSyntaxError } from './find-json-syntax-error.ts';
import { jsonErrorReportMessage } from './json-error-report.ts';
import { formatPath } from './json-path.ts';
import {
  parseJsonActionInvocation,
  parseJsonCategories,
  parseJsonEntity,
  parseJsonEntityCollection,
  parseJsonEntityUpdate,
  parseJsonLocationList,
} from './json-renderings.ts';
import { lineColumnAt } from './json-text-scan.ts';
import { locateJsonValue } from './locate-json-value.ts';

function parseError(run: () => unknown): OcciParseError {
  try {
    run();
  } catch (error) {
    if (isOcciParseError(error)) return error;
    throw new Error(`expected an OcciParseError, got ${String(error)}`);
  }
  throw new Error('expected an OcciParseError, but the parse succeeded');
}

function at(error: OcciParseError): [number, number] {
  return [error.line, error.column];
}

describe('syntax errors', () => {
  it('points at the end of truncated JSON', () => {
    const body = '{\n  "kind": "k#k",\n  "attributes": {\n    "a.b": 1';
    const error = parseError(() => parseJsonEntity(body));
    expect(at(error)).toEqual([4, 13]);
    expect(error.expected).toBe("',' or '}'");
    expect(error.found).toBe('');
  });

  it('points at a trailing comma, a missing colon, a bad literal', () => {
    expect(at(parseError(() => parseJsonEntity('{"kind":"k#k",\n "mixins": ["a",]}')))).toEqual([2, 17]);
    const colon = parseError(() => parseJsonEntity('{"kind" "k#k"}'));
    expect(at(colon)).toEqual([1, 9]);
    expect(colon.expected).toBe("':' after the property name");
    const literal = parseError(() => parseJsonEntity('{"kind": tru}'));
    expect(at(literal)).toEqual([1, 13]);
    expect(literal.expected).toBe("'true'");
  });

  it('points inside strings: raw control characters and bad escapes', () => {
    expect(at(parseError(() => parseJsonEntity('{"kind": "a\tb"}')))).toEqual([1, 12]);
    const badEscape = parseError(() => parseJsonEntity('{"kind": "a\\qb"}'));
    expect(at(badEscape)).toEqual([1, 13]);
    expect(badEscape.found).toBe('qb"}');
    expect(at(parseError(() => parseJsonEntity('{"kind": "a\\u12G4"}')))).toEqual([1, 16]);
  });

  it('points at text after the value, and at an empty body', () => {
    const extra = parseError(() => parseJsonLocationList('["/a"]\n\n  ["/b"]'));
    expect(at(extra)).toEqual([3, 3]);
    expect(extra.expected).toBe('the end of the JSON text');
    const empty = parseError(() => parseJsonEntityCollection(''));
    expect(at(empty)).toEqual([1, 1]);
    expect(empty.found).toBe('');
  });

  it('counts CRLF and CR line breaks', () => {
    expect(at(parseError(() => parseJsonEntity('{\r\n"kind":\r\n}')))).toEqual([3, 1]);
    expect(at(parseError(() => parseJsonEntity('{\r"kind":\r}')))).toEqual([3, 1]);
  });

  it('accepts a leading BOM and counts columns in the body as given', () => {
    expect(parseJsonLocationList('\uFEFF["/a"]')).toEqual({ locations: ['/a'] });
    expect(at(parseError(() => parseJsonLocationList('\uFEFF["/a",]')))).toEqual([1, 8]);
  });

  it('survives very deep nesting without a RangeError', () => {
    expect(at(parseError(() => parseJsonEntity('['.repeat(100_000))))).toEqual([1, 100_001]);
    const deep = `{"kind":"k#k","attributes":{"a.b":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    expect(parseJsonEntity(deep).attributes.has('a.b')).toBe(true);
  });
});

describe('shape errors', () => {
  it('names the path and points at the offending value', () => {
    const body = `{"resources": [
  {"kind": "k#a"},
  {"kind": "k#b"},
  {"kind": "k#c"},
  {"kind": 17, "attributes": {}}
]}`;
    const error = parseError(() => parseJsonEntityCollection(body));
    expect(error.expected).toBe('a string type identifier at resources[3].kind');
    expect(at(error)).toEqual([5, 12]);
    expect(error.found).toBe('17');
  });

  it('points at the enclosing object when a member is missing', () => {
    const body = `{
  "kinds": [
    {"term": "a", "scheme": "s#"},
    {"term": "b",
     "title": "no scheme"}
  ]
}`;
    const error = parseError(() => parseJsonCategories(body));
    expect(error.expected).toBe('a scheme (string) at kinds[1].scheme');
    expect(at(error)).toEqual([4, 5]);
  });

  it('quotes dotted attribute names in the path', () => {
    const body = '{"kinds":[{"term":"c","scheme":"s#","attributes":{\n  "occi.compute.cores": {"mutable": "yes"}}}]}';
    const error = parseError(() => parseJsonCategories(body));
    expect(error.expected).toBe('true or false at kinds[0].attributes["occi.compute.cores"].mutable');
    expect(at(error)).toEqual([2, 37]);
  });

  it('finds values inside rOCCI 4 nested definitions', () => {
    const body =
      '{"kinds":[{"term":"c","scheme":"s#","attributes":{"occi":{"compute":{"cores":{"type":"integer-ish"}}}}}]}';
    const error = parseError(() => parseJsonCategories(body));
    expect(error.expected).toMatch(/at kinds\[0\]\.attributes\.occi\.compute\.cores\.type$/);
    expect(error.found).toBe('"integer-ish"');
  });

  it('points at the last of repeated keys, the one JSON.parse kept', () => {
    const body = '{"kind": "k#k", "kind": 5}';
    expect(at(parseError(() => parseJsonEntity(body)))).toEqual([1, 25]);
  });

  it('points into link ends and actions', () => {
    const link = parseError(() => parseJsonEntity('{"kind":"k#l","source":{"kind":"k#r"}}'));
    expect(link.expected).toBe('a URI string at source.location');
    expect(at(link)).toEqual([1, 24]);
    const action = parseError(() => parseJsonEntity('{"kind":"k#r","actions":["a#b", 3]}'));
    expect(action.expected).toBe('an action type identifier (string) at actions[1]');
    expect(at(action)).toEqual([1, 33]);
  });

  it('rejects null, numbers and arrays where objects belong', () => {
    for (const body of ['null', '42', '"x"', 'true']) {
      expect(at(parseError(() => parseJsonEntity(body)))).toEqual([1, 1]);
      expect(at(parseError(() => parseJsonCategories(body)))).toEqual([1, 1]);
      expect(at(parseError(() => parseJsonActionInvocation(body)))).toEqual([1, 1]);
    }
    expect(parseError(() => parseJsonEntity('{"kind":"k#k","attributes":[1]}')).expected).toBe(
      'an object of attribute values at attributes',
    );
    expect(parseError(() => parseJsonEntity('{"kind":"k#k","links":[null]}')).expected).toBe(
      "a link (a JSON object, or the link's location) at links[0]",
    );
  });

  it('does not let __proto__ keys reach a prototype', () => {
    const entity = parseJsonEntity('{"kind":"k#k","attributes":{"__proto__":{"polluted":1},"a.b":{"__proto__":2}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([...entity.attributes.keys()]).toEqual(['__proto__.polluted', 'a.b']);
  });

  it('caps rOCCI 4 namespace depth with a parse error', () => {
    const deep = `{"kind":"k#k","attributes":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`;
    expect(parseError(() => parseJsonEntity(deep)).expected).toMatch(/^attribute namespaces nested at most 32 deep/);
  });

  it('reports an ooi or rOCCI error body as what it is', () => {
    const ooi = parseError(() => parseJsonCategories('{"code": 404, "message": "The resource could not be found."}'));
    expect(ooi.expected).toContain('server error report: 404: The resource could not be found.');
    const rocci = parseError(() => parseJsonEntityCollection('{"status":"forbidden","error":"Not allowed"}'));
    expect(rocci.expected).toContain('forbidden: Not allowed');
    expect(parseError(() => parseJsonEntityUpdate('{"code":400,"message":"Bad"}')).expected).toContain('400: Bad');
  });

  it('wants exactly one entity from a wrapped collection', () => {
    expect(parseError(() => parseJsonEntity('{"resources":[]}')).expected).toBe(
      'exactly one entity (this collection holds 0) at the top level',
    );
    expect(parseError(() => parseJsonEntity('[{"kind":"a#a"},{"kind":"b#b"}]')).expected).toMatch(/holds 2/);
  });
});

describe('the wrong structure is refused where it stands, not read as an empty model', () => {
  const COMPUTE = '{"kind":"http://schemas.ogf.org/occi/infrastructure#compute","attributes":{"occi.core.id":"a"}}';

  it('an entity collection where a query interface was wanted', () => {
    const error = parseError(() => parseJsonCategories(`{"resources":[${COMPUTE}]}`));
    expect(error.expected).toBe('a category collection ("kinds", "mixins", "actions"), not entities at resources');
    expect(at(error)).toEqual([1, 14]);
    expect(parseError(() => parseJsonCategories(COMPUTE)).expected).toMatch(/not entities at kind$/);
  });

  it('a query interface or a single entity where an entity collection was wanted', () => {
    const error = parseError(() => parseJsonEntityCollection('{"kinds":[]}'));
    expect(error.expected).toBe('an entity collection ("resources", "links", "locations") at kinds');
    expect(parseError(() => parseJsonEntityCollection(COMPUTE)).expected).toMatch(/at kind$/);
  });

  it('an update wrapped in a one-entity collection is unwrapped; more than one is refused', () => {
    const update = parseJsonEntityUpdate(
      '{"resources":[{"mixins":["http://example.org/tpl#big"],"attributes":{"occi.core.title":"web"}}]}',
    );
    expect(update.mixins).toEqual(['http://example.org/tpl#big']);
    expect(update.attributes.get('occi.core.title')).toBe('web');
    expect(parseJsonEntityUpdate(`[${COMPUTE}]`).kind).toBe('http://schemas.ogf.org/occi/infrastructure#compute');
    const two = parseError(() => parseJsonEntityUpdate(`{"resources":[${COMPUTE},${COMPUTE}]}`));
    expect(two.expected).toBe('one entity update (this collection holds 2 entities) at resources');
  });

  it('an update with nothing an update can carry', () => {
    const error = parseError(() => parseJsonEntityUpdate('{"kinds":[{"term":"x"}]}'));
    expect(error.expected).toBe('an entity update ("kind", "mixins", "attributes", "links") at kinds');
    expect(parseJsonEntityUpdate('{}')).toEqual({ mixins: [], attributes: new Map(), links: [] });
  });

  it('an empty object is still an empty query interface and an empty collection', () => {
    expect(parseJsonCategories('{}')).toEqual({ kinds: [], mixins: [], actions: [] });
    expect(parseJsonEntityCollection('{}')).toEqual({ locations: [], resources: [], links: [] });
  });
});

describe('categories without class', () => {
  it('an action invocation names its action by type id, category object or bare category (pyssf)', () => {
    const stop = 'http://schemas.ogf.org/occi/infrastructure/compute/action#stop';
    const category = '{"scheme":"http://schemas.ogf.org/occi/infrastructure/compute/action#","term":"stop"}';
    for (const body of [`{"action":"${stop}"}`, `{"kind":${category}}`, `{"category":${category}}`, category]) {
      expect(parseJsonActionInvocation(body).action).toBe(stop);
    }
  });

  it('a user mixin sent to the query interface is a mixin where its place says so', () => {
    const mine = '[{"scheme":"http://example.org/tags#","term":"mine"}]';
    expect(parseJsonCategories(mine, 'mixin').mixins.map((m) => m.term)).toEqual(['mine']);
    expect(parseJsonCategories(mine).actions.map((a) => a.term)).toEqual(['mine']);
  });
});

describe('locateJsonValue', () => {
  const text = '{ "a": [1, {"b\\"c": "x", "d": [ [], {"e": null} ]}], "a": {"f": 2} }';

  it('follows keys (the last of repeated ones) and indices', () => {
    expect(text.slice(locateJsonValue(text, ['a', 'f']))).toMatch(/^2} }/);
    const withFirst = '{"a": [1, {"b\\"c": "x", "d": [[], {"e": null}]}]}';
    expect(withFirst.slice(locateJsonValue(withFirst, ['a', 1, 'b"c']))).toMatch(/^"x"/);
    expect(withFirst.slice(locateJsonValue(withFirst, ['a', 1, 'd', 1, 'e']))).toMatch(/^null/);
  });

  it('stops at the deepest value that exists', () => {
    const withFirst = '{"a": [1, {"b": 2}]}';
    expect(locateJsonValue(withFirst, ['a', 5])).toBe(6);
    expect(withFirst.slice(locateJsonValue(withFirst, ['a', 1, 'zz']))).toMatch(/^\{"b"/);
    expect(locateJsonValue('  7', [])).toBe(2);
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', undefined],
    ['[1, 2', { offset: 5, wanted: "',' or ']'" }],
    ['{"a":01}', { offset: 6, wanted: "',' or '}'" }],
    ['-', { offset: 1, wanted: 'a digit' }],
    ['1.', { offset: 2, wanted: "a digit after '.'" }],
    ['1e+', { offset: 3, wanted: 'a digit in the exponent' }],
    ['{,}', { offset: 1, wanted: "a property name in double quotes or '}'" }],
    ['{"a":1,}', { offset: 7, wanted: 'a property name in double quotes' }],
    ['"\\u00"', { offset: 5, wanted: 'a hex digit of a \\u escape' }],
    ['\uFEFF{}', { offset: 0, wanted: 'a JSON value' }],
  ])('%j', (text, problem) => {
    expect(findJsonSyntaxError(text)).toEqual(problem);
  });
});

describe('small helpers', () => {
  it('formats paths the way a reader writes them', () => {
    expect(formatPath([])).toBe('the top level');
    expect(formatPath(['resources', 3, 'kind'])).toBe('resources[3].kind');
    expect(formatPath(['kinds', 0, 'attributes', 'occi.compute.cores', 'type'])).toBe(
      'kinds[0].attributes["occi.compute.cores"].type',
    );
    expect(formatPath([0, 'a b'])).toBe('[0]["a b"]');
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });

  it('reads ooi and rOCCI-server 2 error bodies, and nothing else', () => {
    expect(jsonErrorReportMessage('{"code":409,"message":"Instance is busy"}')).toBe('409: Instance is busy');
    expect(jsonErrorReportMessage('{"status":"conflict","error":"State conflict"}')).toBe('conflict: State conflict');
    expect(jsonErrorReportMessage('{"message":"plain"}')).toBe('plain');
    expect(jsonErrorReportMessage('{"kind":"k#k","message":"an attribute?"}')).toBeUndefined();
    expect(jsonErrorReportMessage('not json')).toBeUndefined();
  });
});

describe('engineErrorPosition (the fallback when our scan finds nothing)', () => {
  it.each([
    ["Expected ',' or '}' after property value in JSON at position 6", { offset: 6 }],
    ["Expected ',' or '}' after property value in JSON at position 6 (line 1 column 7)", { line: 1, column: 7 }],
    [
      "JSON.parse: expected ',' or '}' after property value in object at line 2 column 3 of the JSON data",
      { line: 2, column: 3 },
    ],
    ['Unexpected token \'}\', "{"a":}" is not valid JSON', undefined],
    ["JSON Parse error: Expected '}'", undefined],
  ])('%s', (message, position) => {
    expect(engineErrorPosition(message)).toEqual(position);
  });
});
