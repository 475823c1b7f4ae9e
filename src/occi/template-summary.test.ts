import { describe, expect, it } from 'vitest';
import type { AttributeDefinition } from './model.ts';
import { resolveAttribute } from './resolve-attribute.ts';
import { parseTemplateTitle, templateSummary } from './template-summary.ts';

describe('parseTemplateTitle', () => {
  it.each([
    // Titles as rOCCI-server 1 sites send them (pOCCI and rOCCI-core captures).
    ['t1.micro - 1 core and 0.613 GB RAM', { cores: 1, memory: 0.613 }],
    ['m1.small - 1 core and 1.7 GB RAM', { cores: 1, memory: 1.7 }],
    ['Large Instance - 2 cores and 7.5 GB of RAM', { cores: 2, memory: 7.5 }],
    ['Goliath Instance - 16 cores and 64 GB RAM', { cores: 16, memory: 64 }],
    ['hs1.8xlarge - 16 cores and 117 GB RAM', { cores: 16, memory: 117 }],
    ['Universe Instance - 40 cores and 232 GB RAM', { cores: 40, memory: 232 }],
    ['Small Instance - 1 core and 512 MB RAM', { cores: 1, memory: 0.5 }],
    ['tiny - 1 core and 2 GiB memory', { cores: 1, memory: 2 }],
    ['Small  Instance -  1 core  and 2 GB RAM', { cores: 1, memory: 2 }],
  ])('%j', (title, expected) => {
    expect(parseTemplateTitle(title)).toEqual(expected);
  });

  it.each([
    'Flavor: m1.tiny',
    'Odd one: 4 GB, 2 cores',
    '2 cores',
    '4 GB RAM',
    '0 cores and 1 GB RAM',
    'm1.x1core and 2 GB RAM',
    'Small Instance - 1 core and lots of RAM',
    '',
  ])('%j is not read', (title) => {
    expect(parseTemplateTitle(title)).toBeNull();
  });
});

const TPL = 'http://schemas.openstack.org/template/resource#m1.tiny';

function defaults(entries: [string, AttributeDefinition['default']][]) {
  return entries.map(([name, value]) =>
    resolveAttribute({ name, mutable: false, required: false, ...(value !== undefined && { default: value }) }, TPL),
  );
}

describe('templateSummary', () => {
  it('reads the figures from defaults, typing quoted numbers', () => {
    const summary = templateSummary(
      defaults([
        ['occi.compute.cores', '2'],
        ['occi.compute.memory', 4],
        ['occi.compute.speed', '2.4'],
        ['occi.compute.architecture', 'x64'],
        ['occi.compute.ephemeral_storage.size', 20],
        ['org.openstack.flavor.disk', 1],
        ['occi.core.title', undefined],
      ]),
      'Flavor: m1.medium - 9 cores and 99 GB RAM',
    );
    expect(summary).toMatchObject({
      cores: 2,
      memory: 4,
      speed: 2.4,
      architecture: 'x64',
      ephemeralStorage: 20,
      from: 'defaults',
    });
    expect([...summary.defaults.keys()]).toEqual([
      'occi.compute.cores',
      'occi.compute.memory',
      'occi.compute.speed',
      'occi.compute.architecture',
      'occi.compute.ephemeral_storage.size',
      'org.openstack.flavor.disk',
    ]);
  });

  it("converts ooi's MiB", () => {
    expect(templateSummary(defaults([['occi.compute.memory', 2048]]), undefined, 'ooi')).toMatchObject({
      memory: 2,
      from: 'defaults',
    });
  });

  it('falls back on the title when no defaults size the template', () => {
    expect(
      templateSummary(defaults([['org.openstack.flavor.disk', 1]]), 'm1.small - 1 core and 1.7 GB RAM'),
    ).toMatchObject({
      cores: 1,
      memory: 1.7,
      from: 'title',
    });
  });

  it('says none when neither helps', () => {
    const summary = templateSummary([], 'Flavor: m1.tiny');
    expect(summary).toEqual({ defaults: new Map(), from: 'none' });
    expect(templateSummary([], undefined).from).toBe('none');
  });
});
