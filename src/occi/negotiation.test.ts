import { describe, expect, it } from 'vitest';
import {
  acceptHeader,
  mediaTypeParameters,
  negotiatedOcciVersion,
  OCCI_MEDIA_TYPES,
  occiProfiles,
  occiVersions,
  renderingOf,
  userAgent,
} from './negotiation.ts';
import { serverProfileOf } from './server-profile.ts';

describe('renderingOf', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain; charset=utf-8', 'text/plain'],
    ['TEXT/PLAIN;charset=UTF-8', 'text/plain'],
    ['text/occi+plain', 'text/plain'],
    ['text/occi', 'text/occi'],
    [' text/occi ', 'text/occi'],
    ['text/uri-list', 'text/uri-list'],
    ['application/occi+json', 'application/occi+json'],
    ['Application/OCCI+JSON; charset=utf-8', 'application/occi+json'],
    ['application/json', 'application/occi+json'],
    ['application/json; charset=utf-8', 'application/occi+json'],
    // rOCCI-api and rOCCI-cli 4 send a list; the first OCCI rendering in it is the body's.
    ['text/plain,text/occi', 'text/plain'],
    ['text/occi, text/plain', 'text/occi'],
    ['text/html, text/occi', 'text/occi'],
    ['text/plain; x="a,b", text/occi', 'text/plain'],
  ] as const)('%j is %s', (contentType, expected) => {
    expect(renderingOf(contentType)).toBe(expected);
  });

  it.each([null, undefined, '', 'text/html', 'application/occi+xml', 'application/xml', 'text', 'text/html, text/xml'])(
    '%j names no OCCI rendering',
    (contentType) => {
      expect(renderingOf(contentType)).toBeNull();
    },
  );

  it('lists all four renderings', () => {
    expect([...OCCI_MEDIA_TYPES].sort()).toEqual(
      ['application/occi+json', 'text/occi', 'text/plain', 'text/uri-list'].sort(),
    );
  });
});

describe('mediaTypeParameters', () => {
  it.each([
    ['text/plain', {}],
    ['text/plain; charset=utf-8', { charset: 'utf-8' }],
    ['text/plain;Charset="UTF-8"; q=0.5', { charset: 'UTF-8', q: '0.5' }],
    ['text/plain; x="a;b"; y=1', { x: 'a;b', y: '1' }],
    ['text/plain; x="say \\"hi\\""', { x: 'say "hi"' }],
    ['text/plain; broken; =nothing; charset=utf-8', { charset: 'utf-8' }],
  ])('%j has %j', (contentType, expected) => {
    expect(Object.fromEntries(mediaTypeParameters(contentType))).toEqual(expected);
  });
});

describe('occiVersions and occiProfiles', () => {
  it.each([
    ['rOCCI-server OCCI/1.1 OCCI-CRTP/1.0 OCCI/1.2 OCCI-CRTP/1.1', ['1.1', '1.2']],
    ['ooi/1.2.0 OCCI/1.1 OCCI/1.2', ['1.1', '1.2']],
    ['demo-occi/0.3 OCCI/1.2', ['1.2']],
    ['pyssf OCCI/1.1 OCCI/1.1', ['1.1']],
    ['occi/1.2', ['1.2']],
    ['nginx/1.24', []],
    ['SUPEROCCI/1.2 NOTOCCI/1.1', []],
    ['OCCI-CRTP/1.1', []],
    ['', []],
    [null, []],
  ])('%j speaks %j', (server, expected) => {
    expect(occiVersions(server)).toEqual(expected);
  });

  it('reads profiles apart from versions', () => {
    expect(occiProfiles('rOCCI-server OCCI/1.1 OCCI-CRTP/1.0 OCCI/1.2 OCCI-CRTP/1.1 OCCI-CRTP/1.1')).toEqual([
      { name: 'CRTP', version: '1.0' },
      { name: 'CRTP', version: '1.1' },
    ]);
    expect(occiProfiles('ooi/1.2.0 OCCI/1.1 OCCI/1.2')).toEqual([]);
    expect(occiProfiles(null)).toEqual([]);
  });

  it.each([
    [['1.1', '1.2'], '1.2'],
    [['1.1'], '1.1'],
    [['1.3', '1.2'], '1.2'],
    [['2.0'], null],
    [[], null],
  ])('negotiates %j to %s', (versions, expected) => {
    expect(negotiatedOcciVersion(versions)).toBe(expected);
  });
});

describe('acceptHeader', () => {
  it.each([
    ['application/occi+json', [], 'application/occi+json'],
    ['application/occi+json', ['text/plain'], 'application/occi+json, text/plain;q=0.9'],
    ['text/plain', ['text/occi', 'application/occi+json'], 'text/plain, text/occi;q=0.9, application/occi+json;q=0.8'],
    // Repeats and the preferred type among the fallbacks are dropped.
    ['text/plain', ['text/plain', 'text/occi', 'text/occi'], 'text/plain, text/occi;q=0.9'],
  ] as const)('prefers %s over %j', (preferred, fallbacks, expected) => {
    expect(acceptHeader(preferred, fallbacks)).toBe(expected);
  });

  it('never sends a wildcard (rOCCI-server 2 answers */* with 406)', () => {
    expect(acceptHeader('text/plain', [...OCCI_MEDIA_TYPES])).not.toContain('*');
  });
});

describe('userAgent', () => {
  it('names the OCCI version, 1.2 by default', () => {
    expect(userAgent()).toMatch(/(^| )OCCI\/1\.2$/);
    expect(userAgent('1.1')).toMatch(/(^| )OCCI\/1\.1$/);
    expect(userAgent('1.2', 'my-cli/2.0')).toBe('my-cli/2.0 OCCI/1.2');
  });

  it('is read back by occiVersions', () => {
    expect(occiVersions(userAgent('1.1'))).toEqual(['1.1']);
  });
});

describe('serverProfileOf', () => {
  it.each([
    ['ooi/1.2.0 OCCI/1.1 OCCI/1.2', 'ooi'],
    ['rOCCI-server OCCI/1.1 OCCI-CRTP/1.0 OCCI/1.2 OCCI-CRTP/1.1', 'rocci-server'],
    ['erocci/1.0 OCCI/1.2', 'erocci'],
    ['pyssf OCCI/1.1', 'pyssf'],
    ['foo-ooi/1.0 OCCI/1.2', 'generic'],
    ['demo-occi/0.3 OCCI/1.2', 'generic'],
    [null, 'generic'],
  ] as const)('%j is %s', (server, expected) => {
    expect(serverProfileOf(server)).toBe(expected);
  });
});
