/**
 * Strict out: renderings emit only what the grammar of GFD.229 (spec digest §4.2) allows, and
 * nothing in a model can add a line or a header.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOcciRenderError, type OcciRenderError } from '../errors.ts';
import type { AttributeValue, CategoryCollection, Entity, Link, Resource } from '../model.ts';
import { plainNumber } from './plain-number.ts';
import {
  parseTextActionInvocation,
  parseTextEntity,
  renderTextActionInvocation,
  renderTextCategories,
  renderTextEntity,
  renderTextEntityCollection,
  renderTextEntityUpdate,
  renderTextLocationList,
  type TextMediaType,
} from './text-renderings.ts';
import { renderUriList } from './uri-list.ts';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

function renderErrorOf(render: () => unknown): OcciRenderError {
  try {
    render();
  } catch (error) {
    if (isOcciRenderError(error)) return error;
    throw error;
  }
  throw new Error('rendered without an error');
}

const COLLECTION: CategoryCollection = {
  kinds: [
    {
      class: 'kind',
      scheme: INFRA,
      term: 'compute',
      title: 'Compute',
      parent: 'http://schemas.ogf.org/occi/core#resource',
      location: '/compute/',
      attributes: [
        { name: 'occi.core.id', mutable: false, required: true },
        { name: 'occi.core.title', mutable: true, required: false },
        { name: 'occi.compute.state', mutable: false, required: false },
        { name: 'occi.compute.cores', mutable: true, required: true, type: 'number', default: 1 },
      ],
      actions: [`${ACTION}start`, `${ACTION}stop`],
    },
  ],
  mixins: [
    {
      class: 'mixin',
      scheme: 'http://cloud.example.org/occi/os_tpl#',
      term: 'ubuntu-22',
      title: 'Ubuntu 22.04',
      depends: [`${INFRA}os_tpl`, 'http://cloud.example.org/occi/os_tpl#linux'],
      applies: [`${INFRA}compute`],
      location: '/mixin/os_tpl/ubuntu-22/',
      attributes: [],
      actions: [],
    },
    {
      class: 'mixin',
      scheme: 'http://example.org/tags#',
      term: 'web',
      depends: [],
      applies: [],
      attributes: [],
      actions: [],
    },
  ],
  actions: [
    {
      class: 'action',
      scheme: ACTION,
      term: 'stop',
      title: 'Stop',
      attributes: [{ name: 'method', mutable: true, required: false }],
    },
  ],
};

const COMPUTE_LINE =
  'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"; title="Compute"; rel="http://schemas.ogf.org/occi/core#resource"; location="/compute/"; attributes="occi.core.id{immutable required} occi.core.title occi.compute.state{immutable} occi.compute.cores{required}"; actions="http://schemas.ogf.org/occi/infrastructure/compute/action#start http://schemas.ogf.org/occi/infrastructure/compute/action#stop"';
const UBUNTU_LINE =
  'ubuntu-22; scheme="http://cloud.example.org/occi/os_tpl#"; class="mixin"; title="Ubuntu 22.04"; rel="http://schemas.ogf.org/occi/infrastructure#os_tpl"; location="/mixin/os_tpl/ubuntu-22/"';
const TAG_LINE = 'web; scheme="http://example.org/tags#"; class="mixin"';
const STOP_LINE =
  'stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"; title="Stop"; attributes="method"';

describe('category collections', () => {
  it('renders one Category line each in text/plain: kind rel = parent, mixin rel = first depends only', () => {
    expect(renderTextCategories(COLLECTION, 'text/plain')).toEqual({
      headers: [],
      body: [COMPUTE_LINE, UBUNTU_LINE, TAG_LINE, STOP_LINE].map((line) => `Category: ${line}`).join('\n'),
    });
  });

  it('renders one comma-joined Category header in text/occi', () => {
    expect(renderTextCategories(COLLECTION, 'text/occi')).toEqual({
      headers: [['Category', [COMPUTE_LINE, UBUNTU_LINE, TAG_LINE, STOP_LINE].join(', ')]],
      body: '',
    });
    expect(renderTextCategories({ kinds: [], mixins: [], actions: [] }, 'text/occi')).toEqual({
      headers: [],
      body: '',
    });
  });
});

const VM: Resource = {
  entityType: 'resource',
  kind: `${INFRA}compute`,
  mixins: ['http://cloud.example.org/occi/os_tpl#ubuntu-22'],
  location: '/compute/42',
  attributes: new Map<string, AttributeValue>([
    ['occi.core.id', 'urn:uuid:42'],
    ['occi.core.title', 'web "01" \\ main'],
    ['occi.compute.cores', 2],
    ['occi.compute.memory', 4.5],
    ['org.example.autostart', true],
    ['org.example.unset', null],
    ['org.example.tags', ['a', 'b']],
    ['org.example.meta', { zone: 'eu-1', n: 2 }],
  ]),
  links: [
    {
      entityType: 'link',
      kind: `${INFRA}networkinterface`,
      mixins: ['http://schemas.ogf.org/occi/infrastructure/networkinterface#ipnetworkinterface'],
      location: '/link/networkinterface/42_7',
      attributes: new Map<string, AttributeValue>([
        ['occi.core.source', '/compute/42'],
        ['occi.core.target', '/network/7'],
        ['occi.core.target.kind', `${INFRA}network`],
        ['occi.networkinterface.interface', 'eth0'],
      ]),
      actions: [],
    },
    {
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: new Map<string, AttributeValue>([['occi.core.target', '/storage/9']]),
      actions: [],
    },
  ],
  actions: [{ action: `${ACTION}stop`, href: '/compute/42?action=stop' }, { action: `${ACTION}restart` }],
};

const VM_LINES = {
  categories: [
    'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
    'ubuntu-22; scheme="http://cloud.example.org/occi/os_tpl#"; class="mixin"',
  ],
  links: [
    '</network/7>; rel="http://schemas.ogf.org/occi/infrastructure#network"; self="/link/networkinterface/42_7"; category="http://schemas.ogf.org/occi/infrastructure#networkinterface http://schemas.ogf.org/occi/infrastructure/networkinterface#ipnetworkinterface"; occi.core.source="/compute/42"; occi.networkinterface.interface="eth0"',
    '</storage/9>; rel="http://schemas.ogf.org/occi/core#resource"; category="http://schemas.ogf.org/occi/infrastructure#storagelink"',
    '</compute/42?action=stop>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#stop"',
    '</compute/42?action=restart>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#restart"',
  ],
  attributes: [
    'occi.core.id="urn:uuid:42"',
    String.raw`occi.core.title="web \"01\" \\ main"`,
    'occi.compute.cores=2',
    'occi.compute.memory=4.5',
    'org.example.autostart=true',
    String.raw`org.example.tags="[\"a\",\"b\"]"`,
    String.raw`org.example.meta="{\"zone\":\"eu-1\",\"n\":2}"`,
  ],
};

describe('entities', () => {
  it('renders kind, mixins, links, action links, then attributes as text/plain lines', () => {
    const lines = [
      ...VM_LINES.categories.map((value) => `Category: ${value}`),
      ...VM_LINES.links.map((value) => `Link: ${value}`),
      ...VM_LINES.attributes.map((value) => `X-OCCI-Attribute: ${value}`),
    ];
    expect(renderTextEntity(VM, 'text/plain')).toEqual({ headers: [], body: lines.join('\n') });
  });

  it('renders the same values as comma-joined text/occi headers with an empty body', () => {
    expect(renderTextEntity(VM, 'text/occi')).toEqual({
      headers: [
        ['Category', VM_LINES.categories.join(', ')],
        ['Link', VM_LINES.links.join(', ')],
        ['X-OCCI-Attribute', VM_LINES.attributes.join(', ')],
      ],
      body: '',
    });
  });

  it('gives arrays and objects back as the JSON strings they were rendered to', () => {
    const again = parseTextEntity(renderTextEntity(VM, 'text/plain'), 'text/plain');
    expect(again.attributes.get('org.example.tags')).toBe('["a","b"]');
    expect(again.attributes.has('org.example.unset')).toBe(false);
  });

  it('builds an action href from the entity location, else relative to the entity', () => {
    const bare: Entity = { ...VM, links: [], attributes: new Map(), actions: [{ action: `${ACTION}start` }] };
    expect(renderTextEntity(bare, 'text/plain').body).toContain(
      'Link: </compute/42?action=start>; rel="http://schemas.ogf.org/occi/infrastructure/compute/action#start"',
    );
    const { location: _, ...nowhere } = bare;
    expect(renderTextEntity(nowhere, 'text/plain').body).toContain('Link: <?action=start>;');
    expect(renderTextEntity({ ...bare, location: '/compute/42?v=2' }, 'text/plain').body).toContain(
      'Link: </compute/42?v=2&action=start>;',
    );
  });

  it('renders a link entity with its source and target as attributes', () => {
    const link: Link = {
      entityType: 'link',
      kind: `${INFRA}storagelink`,
      mixins: [],
      attributes: new Map([
        ['occi.core.source', '/compute/42'],
        ['occi.core.target', '/storage/9'],
        ['occi.storagelink.deviceid', 'vdb'],
      ]),
      actions: [],
    };
    expect(renderTextEntity(link, 'text/plain').body).toBe(
      [
        'Category: storagelink; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
        'X-OCCI-Attribute: occi.core.source="/compute/42"',
        'X-OCCI-Attribute: occi.core.target="/storage/9"',
        'X-OCCI-Attribute: occi.storagelink.deviceid="vdb"',
      ].join('\n'),
    );
  });

  it('renders updates without a kind, and action invocations', () => {
    expect(
      renderTextEntityUpdate(
        {
          mixins: ['http://cloud.example.org/occi/resource_tpl#large'],
          attributes: new Map([['occi.core.title', 'x']]),
          links: [],
        },
        'text/occi',
      ),
    ).toEqual({
      headers: [
        ['Category', 'large; scheme="http://cloud.example.org/occi/resource_tpl#"; class="mixin"'],
        ['X-OCCI-Attribute', 'occi.core.title="x"'],
      ],
      body: '',
    });
    expect(
      renderTextActionInvocation(
        { action: `${ACTION}stop`, attributes: new Map([['method', 'graceful']]) },
        'text/plain',
      ),
    ).toEqual({
      headers: [],
      body: 'Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"\nX-OCCI-Attribute: method="graceful"',
    });
  });
});

describe('numbers', () => {
  it('renders plain decimals, never an exponent', () => {
    expect([0, -0, 2, -3, 4.5, 0.125, 1e21, 1.5e22, 1e-7, -2.5e-8, 123456789.125].map(plainNumber)).toEqual([
      '0',
      '0',
      '2',
      '-3',
      '4.5',
      '0.125',
      '1000000000000000000000',
      '15000000000000000000000',
      '0.0000001',
      '-0.000000025',
      '123456789.125',
    ]);
  });

  it('gives the same number back for any finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses NaN and the infinities', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = renderErrorOf(() =>
        renderTextActionInvocation({ action: `${ACTION}x`, attributes: new Map([['n', value]]) }, 'text/plain'),
      );
      expect(error.field).toBe('n');
    }
  });
});

describe('locations', () => {
  it('renders X-OCCI-Location lines, a comma-joined header, and CRLF-ended uri-list lines', () => {
    const list = { locations: ['/compute/1', 'https://example.org/compute/2'] };
    expect(renderTextLocationList(list, 'text/plain').body).toBe(
      'X-OCCI-Location: /compute/1\nX-OCCI-Location: https://example.org/compute/2',
    );
    expect(renderTextEntityCollection(list, 'text/occi').headers).toEqual([
      ['X-OCCI-Location', '/compute/1, https://example.org/compute/2'],
    ]);
    expect(renderUriList(list)).toBe('/compute/1\r\nhttps://example.org/compute/2\r\n');
  });

  it('refuses what would split or hide a location: a comma in a list, a leading # in uri-list', () => {
    expect(renderErrorOf(() => renderTextLocationList({ locations: ['/a,b'] }, 'text/plain')).field).toBe('locations');
    expect(renderErrorOf(() => renderUriList({ locations: ['#top'] })).field).toBe('locations');
    expect(renderErrorOf(() => renderUriList({ locations: [''] })).field).toBe('locations');
  });
});

/** Characters that could break a text rendering, mixed with everything else up to U+2FFF. */
const RISKY_CHAR = fc.oneof(
  fc.constantFrom(
    '\r',
    '\n',
    '\r\n',
    '"',
    '\\',
    ',',
    ';',
    '=',
    '\t',
    '\u0000',
    '\u007f',
    '\u0085',
    '\u2028',
    '\u2029',
    'é',
  ),
  fc.integer({ min: 0, max: 0x2fff }).map((code) => String.fromCharCode(code)),
);

describe('no model value can add a line or a header', () => {
  const TYPES: readonly TextMediaType[] = ['text/plain', 'text/occi'];

  it.each(TYPES)('refuses a title carrying CR LF and a header (%s)', (type) => {
    const collection: CategoryCollection = {
      kinds: [],
      mixins: [{ ...COLLECTION.mixins[1], title: 'x"\r\nX-Injected: 1' } as CategoryCollection['mixins'][number]],
      actions: [],
    };
    const error = renderErrorOf(() => renderTextCategories(collection, type));
    expect(error.field).toBe('title');
    expect(error.message).toBe('cannot render title: contains the control character U+000D');
  });

  it.each(TYPES)('refuses a location with a line feed, wherever it is rendered (%s)', (type) => {
    const evil = '/compute/1\nX-Injected: 1';
    expect(renderErrorOf(() => renderTextLocationList({ locations: [evil] }, type)).field).toBe('locations');
    expect(renderErrorOf(() => renderUriList({ locations: [evil] })).field).toBe('locations');
    const kind = { ...COLLECTION.kinds[0], location: evil } as CategoryCollection['kinds'][number];
    expect(renderErrorOf(() => renderTextCategories({ kinds: [kind], mixins: [], actions: [] }, type)).field).toBe(
      'location',
    );
    const link = { ...(VM.links[0] as Link), location: evil };
    expect(renderErrorOf(() => renderTextEntity({ ...VM, links: [link] }, type)).field).toBe('location');
    expect(
      renderErrorOf(() =>
        renderTextEntity({ ...VM, actions: [{ action: `${ACTION}stop`, href: `${evil}?action=stop` }] }, type),
      ).field,
    ).toBe('href');
  });

  it.each(TYPES)('refuses control characters and line breaks in any value, name, term or URI (%s)', (type) => {
    const attributes = (name: string, value: AttributeValue) => ({
      ...VM,
      links: [],
      attributes: new Map([[name, value]]),
    });
    const cases: Array<[() => unknown, string]> = [
      [() => renderTextEntity(attributes('occi.core.title', 'a\nb'), type), 'occi.core.title'],
      [() => renderTextEntity(attributes('occi.core.title', 'a\rb'), type), 'occi.core.title'],
      [() => renderTextEntity(attributes('occi.core.title', 'a\u0000b'), type), 'occi.core.title'],
      [() => renderTextEntity(attributes('occi.core.title', 'a\u007fb'), type), 'occi.core.title'],
      // Line breaks to Python's str.splitlines(), which a server may run over a body.
      [() => renderTextEntity(attributes('occi.core.title', 'a\u0085b'), type), 'occi.core.title'],
      [() => renderTextEntity(attributes('occi.core.title', 'a\u2028b'), type), 'occi.core.title'],
      [() => renderTextEntity(attributes('x\nX-Injected', 1), type), 'attribute name'],
      [() => renderTextEntity(attributes('x=1, y', 1), type), 'attribute name'],
      [() => renderTextEntity({ ...VM, kind: `${INFRA}comp ute` }, type), 'kind'],
      [() => renderTextEntity({ ...VM, kind: 'http://x"; class="action#compute' }, type), 'kind'],
      [() => renderTextEntity({ ...VM, mixins: ['http://x#a\r\nb'] }, type), 'mixins'],
      [
        () =>
          renderTextEntity(
            {
              ...VM,
              links: [{ ...(VM.links[1] as Link), attributes: new Map([['occi.core.target', '/s>; rel="x"']]) }],
            },
            type,
          ),
        'occi.core.target',
      ],
      [() => renderTextActionInvocation({ action: 'http://x#st op', attributes: new Map() }, type), 'action'],
    ];
    for (const [render, field] of cases) expect(renderErrorOf(render).field).toBe(field);
  });

  it('refuses non-ASCII in text/occi headers only', () => {
    const vm = { ...VM, links: [], attributes: new Map([['occi.core.title', 'café']]) };
    expect(renderErrorOf(() => renderTextEntity(vm, 'text/occi')).field).toBe('occi.core.title');
    expect(renderTextEntity(vm, 'text/plain').body).toContain('X-OCCI-Attribute: occi.core.title="café"');
  });

  it.each(TYPES)(
    'any string as a value either renders to exactly one line or header and reads back, or is refused (%s)',
    (type) => {
      fc.assert(
        fc.property(fc.string({ unit: RISKY_CHAR, maxLength: 40 }), (value) => {
          const model = {
            action: `${ACTION}stop`,
            attributes: new Map<string, AttributeValue>([
              ['a', value],
              ['b', 1],
            ]),
          };
          let output: ReturnType<typeof renderTextActionInvocation>;
          try {
            output = renderTextActionInvocation(model, type);
          } catch (error) {
            return isOcciRenderError(error);
          }
          // Plain checks, not expect(): this runs hundreds of times.
          const oneLineEach =
            type === 'text/plain'
              ? output.body.split(/\r\n|\r|\n/).length === 3
              : output.headers.length === 2 && output.headers.every(([, text]) => !/[\r\n]/.test(text));
          const back = parseTextActionInvocation(output, type).attributes;
          return oneLineEach && back.size === 2 && back.get('a') === value && back.get('b') === 1;
        }),
        { numRuns: 300 },
      );
    },
  );
});
