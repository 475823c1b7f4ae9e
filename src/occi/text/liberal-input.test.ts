/**
 * Liberal in: every deviation the servers in the spec digest (§4.1-4.5, §4.8) show is accepted,
 * one test each, with the model it must give.
 */
import { describe, expect, it } from 'vitest';
import type { Kind, Link, Mixin, Resource } from '../model.ts';
import { ordered } from '../test-support/ordered.ts';
import {
  parseTextActionInvocation,
  parseTextCategories,
  parseTextEntity,
  parseTextEntityCollection,
  parseTextEntityUpdate,
  parseTextLocationList,
  type TextInput,
} from './text-renderings.ts';
import { parseUriList } from './uri-list.ts';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const COMPUTE_LINE = 'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"';

function body(text: string): TextInput {
  return { headers: [], body: text };
}

function headers(...pairs: Array<[string, string]>): TextInput {
  return { headers: pairs, body: 'OK' };
}

function attributesOf(text: string) {
  return parseTextEntity(body(`${COMPUTE_LINE}\n${text}`), 'text/plain').attributes;
}

function onlyKind(text: string): Kind {
  const kind = parseTextCategories(body(text), 'text/plain').kinds[0];
  if (kind === undefined) throw new Error('no kind');
  return kind;
}

describe('text/plain lines', () => {
  const expected = new Map([
    ['a', 1],
    ['b', 2],
  ]);

  it('ends lines with CRLF, LF or CR, mixed', () => {
    expect(attributesOf('X-OCCI-Attribute: a=1\r\nX-OCCI-Attribute: b=2')).toEqual(expected);
    expect(attributesOf('X-OCCI-Attribute: a=1\rX-OCCI-Attribute: b=2\r')).toEqual(expected);
    expect(attributesOf('X-OCCI-Attribute: a=1\nX-OCCI-Attribute: b=2\n')).toEqual(expected);
  });

  it('skips blank lines anywhere: a leading one (pyssf), inside, trailing; no final newline (ooi)', () => {
    const entity = parseTextEntity(
      body(`\r\n${COMPUTE_LINE}\r\n\r\n  \r\nX-OCCI-Attribute: a=1\n\nX-OCCI-Attribute: b=2`),
      'text/plain',
    );
    expect(entity.kind).toBe(`${INFRA}compute`);
    expect(entity.attributes).toEqual(expected);
    expect(parseTextLocationList(body(''), 'text/plain')).toEqual({ locations: [] });
    expect(parseTextLocationList(body('\n\r\n'), 'text/plain')).toEqual({ locations: [] });
  });

  it('ignores unknown header names (a Server line inside a body), and a byte order mark', () => {
    expect(
      attributesOf('Server: rOCCI-server/1.1 OCCI/1.1\nX-OCCI-Attribute: a=1\nCategory2: junk\nX-OCCI-Attribute: b=2'),
    ).toEqual(expected);
    expect(parseTextEntity(body(`\uFEFF${COMPUTE_LINE}`), 'text/plain').kind).toBe(`${INFRA}compute`);
  });

  it('appends obs-fold continuation lines (starting with space or tab) to the previous line', () => {
    const kind = onlyKind(
      'Category: compute;\r\n scheme="http://schemas.ogf.org/occi/infrastructure#";\r\n\tclass="kind"; title="Compute\r\n  Resource"',
    );
    expect(kind).toEqual({
      class: 'kind',
      scheme: INFRA,
      term: 'compute',
      title: 'Compute  Resource',
      attributes: [],
      actions: [],
    } satisfies Kind);
  });

  it('ignores the headers of a text/plain message and the body of a text/occi one', () => {
    const input: TextInput = { headers: [['X-OCCI-Location', '/from/header']], body: 'X-OCCI-Location: /from/body' };
    expect(parseTextLocationList(input, 'text/plain').locations).toEqual(['/from/body']);
    expect(parseTextLocationList(input, 'text/occi').locations).toEqual(['/from/header']);
  });
});

describe('header names', () => {
  it('takes Category / X-OCCI-Category and Link / X-OCCI-Link (rOCCI-server 2) in any capitalisation', () => {
    const value = 'compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind"';
    const link = '</network/1>;rel="http://schemas.ogf.org/occi/infrastructure#network"';
    for (const name of ['Category', 'X-OCCI-Category', 'category', 'CATEGORY', 'CaTeGoRy', 'x-occi-category']) {
      for (const linkName of ['Link', 'X-OCCI-Link', 'link', 'X-Occi-Link']) {
        const entity = parseTextEntity(
          headers([name, value], [linkName, link], ['x-occi-attribute', 'a=1']),
          'text/occi',
        );
        expect(entity.kind).toBe(`${INFRA}compute`);
        expect(entity.entityType === 'resource' && entity.links.length).toBe(1);
        expect(entity.attributes.get('a')).toBe(1);
      }
    }
    expect(attributesOf('x-occi-attribute: a=1\nX-OCCI-ATTRIBUTE: b=2')).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
  });

  it('lists a collection from Location in text/occi (rOCCI-server: `Location: u1,u2`), not in an entity', () => {
    expect(
      parseTextLocationList(
        headers(['Location', '/compute/1,/compute/2'], ['x-occi-location', '/compute/3']),
        'text/occi',
      ),
    ).toEqual({
      locations: ['/compute/1', '/compute/2', '/compute/3'],
    });
    expect(
      parseTextEntityCollection(headers(['location', 'https://example.org/compute/1']), 'text/occi').locations,
    ).toEqual(['https://example.org/compute/1']);
    // In a body, `Location:` is no OCCI structure.
    expect(parseTextLocationList(body('Location: /compute/1'), 'text/plain').locations).toEqual([]);
    const entity = parseTextEntity(
      headers(['Location', '/compute/1'], ['Category', COMPUTE_LINE.slice(10)]),
      'text/occi',
    );
    expect(entity.attributes.size).toBe(0);
  });
});

describe('repeated and comma-joined values', () => {
  it('reads repeated headers, comma-joined ones, and Chromium-joined ones alike', () => {
    const repeated = headers(['X-OCCI-Attribute', 'a="x, y"'], ['X-OCCI-Attribute', 'b=2']);
    const joined = headers(['X-OCCI-Attribute', 'a="x, y",b=2']);
    const chromium = headers(['x-occi-attribute', 'a="x, y", b=2']);
    const want = new Map<string, string | number>([
      ['a', 'x, y'],
      ['b', 2],
    ]);
    for (const input of [repeated, joined, chromium]) {
      expect(
        parseTextActionInvocation(
          {
            ...input,
            headers: [
              ['Category', 'stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class=action'],
              ...input.headers,
            ],
          },
          'text/occi',
        ).attributes,
      ).toEqual(want);
    }
  });

  it('splits on commas outside quotes and outside <...>', () => {
    const entity = parseTextEntity(
      headers(
        ['Category', COMPUTE_LINE.slice(10)],
        ['Link', '</a,b>; rel="http://x#network", </c>; rel="http://x#network"; title="p, q"'],
      ),
      'text/occi',
    ) as Resource;
    expect(entity.links.map((link) => link.attributes.get('occi.core.target'))).toEqual(['/a,b', '/c']);
    expect(entity.links[1]?.attributes.get('title')).toBe('p, q');
  });

  it('skips empty values: an empty X-OCCI-Link (rOCCI-server 2), stray commas', () => {
    const entity = parseTextEntity(
      headers(['Category', `, ${COMPUTE_LINE.slice(10)},`], ['X-OCCI-Link', ''], ['X-OCCI-Attribute', ' , a=1 ,, ']),
      'text/occi',
    ) as Resource;
    expect(entity.links).toEqual([]);
    expect(entity.attributes).toEqual(new Map([['a', 1]]));
  });
});

describe('categories', () => {
  it('takes parameters in any order, any case, with or without spaces, a trailing ;, class bare or quoted', () => {
    const want: Kind = {
      class: 'kind',
      scheme: INFRA,
      term: 'compute',
      title: 'Compute',
      parent: 'http://schemas.ogf.org/occi/core#resource',
      location: '/compute/',
      attributes: [],
      actions: [],
    };
    for (const line of [
      'Category: compute;scheme="http://schemas.ogf.org/occi/infrastructure#";class="kind";title="Compute";rel="http://schemas.ogf.org/occi/core#resource";location="/compute/"',
      'Category: compute ; class = kind ; LOCATION="/compute/";  Title = "Compute";rel="http://schemas.ogf.org/occi/core#resource"; Scheme="http://schemas.ogf.org/occi/infrastructure#";',
      'Category:compute;\tCLASS="KIND";scheme="http://schemas.ogf.org/occi/infrastructure#";title="Compute";rel="http://schemas.ogf.org/occi/core#resource";location="/compute/";',
    ]) {
      expect(onlyKind(line)).toEqual(want);
    }
  });

  it('reads titles holding ; , and \\" and ignores unknown parameters', () => {
    const kind = onlyKind(
      String.raw`Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; title="Compute; the \"big\" one, really \\ so"; x-vendor=1; rank="2"`,
    );
    expect(kind.title).toBe(String.raw`Compute; the "big" one, really \ so`);
  });

  it('reads attributes with {immutable required} in either order, and actions', () => {
    const kind = onlyKind(
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; attributes="occi.core.id{immutable required}  occi.core.title occi.compute.state{immutable} occi.compute.cores{required} x{required immutable} y { immutable }"; actions="http://schemas.ogf.org/occi/infrastructure/compute/action#start  http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
    );
    expect(kind.attributes).toEqual([
      { name: 'occi.core.id', mutable: false, required: true },
      { name: 'occi.core.title', mutable: true, required: false },
      { name: 'occi.compute.state', mutable: false, required: false },
      { name: 'occi.compute.cores', mutable: true, required: true },
      { name: 'x', mutable: false, required: true },
      { name: 'y', mutable: false, required: false },
    ]);
    expect(kind.actions).toEqual([
      'http://schemas.ogf.org/occi/infrastructure/compute/action#start',
      'http://schemas.ogf.org/occi/infrastructure/compute/action#stop',
    ]);
  });

  it('trims a scheme that already ends with #<term> (rOCCI)', () => {
    const collection = parseTextCategories(
      body('Category: up;scheme="http://schemas.ogf.org/occi/infrastructure/network/action#up";class="action"'),
      'text/plain',
    );
    expect(collection.actions[0]?.scheme).toBe('http://schemas.ogf.org/occi/infrastructure/network/action#');
  });

  it('accepts OCCI 1.2 terms (capitals, digits first, dots) and ooi numeric terms', () => {
    const collection = parseTextCategories(
      body(
        [
          'Category: m1.Tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
          'Category: 1; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
          'Category: 2c9f0d4e-aa; scheme="http://schemas.openstack.org/template/os#"; class=mixin',
        ].join('\n'),
      ),
      'text/plain',
    );
    expect(collection.mixins.map((mixin) => mixin.term)).toEqual(['m1.Tiny', '1', '2c9f0d4e-aa']);
  });

  it("maps a kind's rel to parent and a mixin's rel to depends; rOCCI 5 mixin rels naming a kind go to applies", () => {
    const collection = parseTextCategories(
      body(
        [
          'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; rel="http://schemas.ogf.org/occi/core#resource"',
          'Category: os_tpl; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="mixin"',
          'Category: ubuntu; scheme="http://cloud.example.org/occi/os_tpl#"; class="mixin"; rel="http://schemas.ogf.org/occi/infrastructure#os_tpl http://schemas.ogf.org/occi/infrastructure#compute"',
          'Category: ssh_key; scheme="http://schemas.ogf.org/occi/infrastructure/credentials#"; class="mixin"; rel="http://schemas.ogf.org/occi/infrastructure#compute"',
          'Category: start; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"; title="Start"',
        ].join('\n'),
      ),
      'text/plain',
    );
    expect(collection.kinds[0]?.parent).toBe('http://schemas.ogf.org/occi/core#resource');
    expect(collection.mixins[1]).toEqual({
      class: 'mixin',
      scheme: 'http://cloud.example.org/occi/os_tpl#',
      term: 'ubuntu',
      depends: [`${INFRA}os_tpl`],
      applies: [`${INFRA}compute`],
      attributes: [],
      actions: [],
    } satisfies Mixin);
    expect(collection.mixins[2]?.depends).toEqual([]);
    expect(collection.mixins[2]?.applies).toEqual([`${INFRA}compute`]);
    expect(collection.actions).toEqual([
      {
        class: 'action',
        scheme: 'http://schemas.ogf.org/occi/infrastructure/compute/action#',
        term: 'start',
        title: 'Start',
        attributes: [],
      },
    ]);
  });

  it('keeps only term, scheme and class of the categories inside an entity rendering', () => {
    const entity = parseTextEntity(
      body(
        'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; title="Compute"; location="https://cloud.example.org/compute/"; attributes="occi.compute.cores"\nCategory: start; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"',
      ),
      'text/plain',
    );
    expect(entity).toEqual({
      entityType: 'resource',
      kind: `${INFRA}compute`,
      mixins: [],
      attributes: new Map(),
      actions: [],
      links: [],
    });
  });
});

describe('links', () => {
  it('reads ?action= and &action= links as action links', () => {
    const entity = parseTextEntity(
      body(
        `${COMPUTE_LINE}\nLink: </compute/1?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"\nLink: </compute/1?x=1&action=start>;rel="http://schemas.ogf.org/occi/infrastructure/compute/action#start"`,
      ),
      'text/plain',
    );
    expect(entity.actions).toEqual([
      { action: 'http://schemas.ogf.org/occi/infrastructure/compute/action#stop', href: '/compute/1?action=stop' },
      {
        action: 'http://schemas.ogf.org/occi/infrastructure/compute/action#start',
        href: '/compute/1?x=1&action=start',
      },
    ]);
  });

  it('takes the target from an occi.core.target parameter when ooi gives one; <...> is then the location', () => {
    const entity = parseTextEntity(
      body(
        `${COMPUTE_LINE}\nLink: <https://ooi.example.org/networklink/c1_n1>; rel="${INFRA}network"; category="${INFRA}networkinterface"; occi.core.target="https://ooi.example.org/network/n1"; occi.core.source="https://ooi.example.org/compute/c1"`,
      ),
      'text/plain',
    ) as Resource;
    const want: Link = {
      entityType: 'link',
      kind: `${INFRA}networkinterface`,
      mixins: [],
      location: 'https://ooi.example.org/networklink/c1_n1',
      attributes: new Map([
        ['occi.core.target', 'https://ooi.example.org/network/n1'],
        ['occi.core.target.kind', `${INFRA}network`],
        ['occi.core.source', 'https://ooi.example.org/compute/c1'],
      ]),
      actions: [],
    };
    expect(ordered(entity.links)).toEqual(ordered([want]));
  });

  it('gives a link without category the kind core#link, and without self no location', () => {
    const entity = parseTextEntity(
      body(`${COMPUTE_LINE}\nLink: </storage/1>; rel="${INFRA}storage"; title=disk; size=10`),
      'text/plain',
    ) as Resource;
    expect(entity.links).toEqual([
      {
        entityType: 'link',
        kind: 'http://schemas.ogf.org/occi/core#link',
        mixins: [],
        attributes: new Map<string, string | number>([
          ['occi.core.target', '/storage/1'],
          ['occi.core.target.kind', `${INFRA}storage`],
          ['title', 'disk'],
          ['size', 10],
        ]),
        actions: [],
      } satisfies Link,
    ]);
  });
});

describe('attribute values', () => {
  it('types values as sent: quoted -> string, bare number -> number, bare true/false -> boolean, other bare -> string', () => {
    expect(
      attributesOf(
        'X-OCCI-Attribute: s="text", n=2, f=0.125, neg=-3, e=1.5e3, E=2E-2, lead=.5, trail=5., t=true, F=false, enum=x86_64, ip=10.0.0.1, time=13:48:50',
      ),
    ).toEqual(
      new Map<string, string | number | boolean>([
        ['s', 'text'],
        ['n', 2],
        ['f', 0.125],
        ['neg', -3],
        ['e', 1500],
        ['E', 0.02],
        ['lead', 0.5],
        ['trail', 5],
        ['t', true],
        ['F', false],
        ['enum', 'x86_64'],
        ['ip', '10.0.0.1'],
        ['time', '13:48:50'],
      ]),
    );
  });

  it('keeps quoted numbers (pyssf, rOCCI) and quoted booleans (ooi) as strings', () => {
    expect(
      attributesOf('X-OCCI-Attribute: occi.compute.cores="2", occi.compute.speed="1.0", x.enabled="true"'),
    ).toEqual(
      new Map([
        ['occi.compute.cores', '2'],
        ['occi.compute.speed', '1.0'],
        ['x.enabled', 'true'],
      ]),
    );
  });

  it('keeps a number too large for a double as the string it was', () => {
    expect(attributesOf('X-OCCI-Attribute: big=1e400').get('big')).toBe('1e400');
  });

  it('keeps names outside occi. and allows spaces around =', () => {
    expect(
      attributesOf('X-OCCI-Attribute: org.opennebula.compute.cpu = 1.0 , com.amazon.aws.ec2.state= "running"'),
    ).toEqual(
      new Map<string, string | number>([
        ['org.opennebula.compute.cpu', 1],
        ['com.amazon.aws.ec2.state', 'running'],
      ]),
    );
  });
});

describe('entities, updates and listings', () => {
  it('reads a link rendering (occi.core.target attribute) as a Link entity', () => {
    const link = parseTextEntity(
      body(
        `Category: storagelink; scheme="${INFRA}"; class="kind"\nLink: </link/storagelink/1?action=online>; rel="http://schemas.ogf.org/occi/infrastructure/storagelink/action#online"\nX-OCCI-Attribute: occi.core.source="/compute/1", occi.core.target="/storage/1", occi.storagelink.deviceid="vdb"`,
      ),
      'text/plain',
    );
    expect(link).toEqual({
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: new Map([
        ['occi.core.source', '/compute/1'],
        ['occi.core.target', '/storage/1'],
        ['occi.storagelink.deviceid', 'vdb'],
      ]),
      actions: [
        {
          action: 'http://schemas.ogf.org/occi/infrastructure/storagelink/action#online',
          href: '/link/storagelink/1?action=online',
        },
      ],
    } satisfies Link);
  });

  it("takes a category without class as what the message's place says it is (pyssf's clients)", () => {
    const stop = 'Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"';
    expect(parseTextActionInvocation(body(stop), 'text/plain').action).toBe(
      'http://schemas.ogf.org/occi/infrastructure/compute/action#stop',
    );
    expect(parseTextActionInvocation(headers(['Category', stop.slice('Category: '.length)]), 'text/occi').action).toBe(
      'http://schemas.ogf.org/occi/infrastructure/compute/action#stop',
    );
    const mine = 'Category: mine; scheme="http://example.org/tags#"; location="/tags/mine/"';
    expect(parseTextCategories({ ...body(mine), categoryClass: 'mixin' }, 'text/plain').mixins).toEqual([
      {
        class: 'mixin',
        scheme: 'http://example.org/tags#',
        term: 'mine',
        attributes: [],
        depends: [],
        applies: [],
        actions: [],
        location: '/tags/mine/',
      },
    ]);
    // Where nothing fixes it, a class is still wanted.
    expect(() => parseTextCategories(body(mine), 'text/plain')).toThrow(/class=/);
  });

  it('reads an update without a kind', () => {
    expect(
      parseTextEntityUpdate(
        body('Category: m2-large; scheme="http://cloud.example.org/occi/resource_tpl#"; class="mixin"'),
        'text/plain',
      ),
    ).toEqual({ mixins: ['http://cloud.example.org/occi/resource_tpl#m2-large'], attributes: new Map(), links: [] });
  });

  it('keeps locations as given, relative or absolute, repeated or comma-joined', () => {
    expect(
      parseTextLocationList(
        body('X-OCCI-Location: /compute/1, compute/2\nX-OCCI-Location: https://example.org:8787/compute/3?x=1;y=2'),
        'text/plain',
      ),
    ).toEqual({ locations: ['/compute/1', 'compute/2', 'https://example.org:8787/compute/3?x=1;y=2'] });
  });

  it('reads text/uri-list with LF or CRLF, skipping comments and blank lines', () => {
    expect(
      parseUriList('# compute\n/compute/1\n\n  /compute/2  \r\n#/compute/3\r\nhttps://example.org/compute/4'),
    ).toEqual({
      locations: ['/compute/1', '/compute/2', 'https://example.org/compute/4'],
    });
  });
});
