import { describe, expect, it } from 'vitest';
import { demoCategories, flavorId } from '../../mocks/demo-model.ts';
import { createQueryInterface, type ResolvedAttribute, type TypeId, wellKnown } from '../../occi/index.ts';
import { formAttributes, initialText, readField, readForm, textOf, withDefaults } from './attribute-form.ts';

const qi = createQueryInterface(demoCategories);
const { COMPUTE, STORAGE, NETWORK, STORAGELINK, SSH_KEY } = wellKnown;

function attributeOf(kind: TypeId, name: string, mixins: readonly TypeId[] = []): ResolvedAttribute {
  const found = qi.attributesFor(kind, mixins).find((a) => a.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

/** A definition written by hand, for cases the demo cloud has none of. */
function attribute(overrides: Partial<ResolvedAttribute> & Pick<ResolvedAttribute, 'name'>): ResolvedAttribute {
  return { mutable: true, required: false, type: 'string', typeSource: 'server', definedBy: COMPUTE, ...overrides };
}

const names = (attributes: readonly ResolvedAttribute[]) => attributes.map((a) => a.name);

describe('formAttributes', () => {
  it('offers what a user may set on a compute, in the kind’s order, leaving out immutable and state attributes', () => {
    expect(names(formAttributes(qi, COMPUTE, []))).toEqual([
      'occi.core.title',
      'occi.core.summary',
      'occi.compute.architecture',
      'occi.compute.cores',
      'occi.compute.hostname',
      'occi.compute.share',
      'occi.compute.memory',
    ]);
  });

  it('adds the attributes of the chosen mixins after the kind’s', () => {
    const fields = names(formAttributes(qi, COMPUTE, [SSH_KEY]));
    expect(fields.at(-1)).toBe('occi.credentials.ssh.publickey');
    expect(fields).toHaveLength(8);
  });

  it('takes the template’s default over the kind’s definition', () => {
    const cores = formAttributes(qi, COMPUTE, [flavorId('m1.large')]).find((a) => a.name === 'occi.compute.cores');
    expect(cores?.default).toBe(4);
  });

  it('leaves out what the server sets on a link, mutable or not', () => {
    expect(names(formAttributes(qi, STORAGELINK, []))).toEqual([
      'occi.core.title',
      'occi.storagelink.deviceid',
      'occi.storagelink.mountpoint',
    ]);
  });
});

describe('textOf', () => {
  it('shows text, numbers and booleans as they are, lists and objects as JSON, nothing as empty', () => {
    expect([textOf('a'), textOf(2.5), textOf(false), textOf([1, 'x']), textOf({ a: 1 }), textOf(null)]).toEqual([
      'a',
      '2.5',
      'false',
      '[1,"x"]',
      '{"a":1}',
      '',
    ]);
    expect(textOf(undefined)).toBe('');
  });
});

describe('readField', () => {
  const cores = attributeOf(COMPUTE, 'occi.compute.cores');
  const memory = attributeOf(COMPUTE, 'occi.compute.memory');

  it('reads a number, trimmed', () => {
    expect(readField(' 4 ', cores)).toEqual({ value: 4 });
    expect(readField('0.25', memory)).toEqual({ value: 0.25 });
  });

  it('refuses what is not cleanly a number', () => {
    expect(readField('four', cores)).toEqual({ error: 'must be a number' });
    expect(readField('Infinity', memory)).toEqual({ error: 'must be a number' });
    expect(readField('0x10', cores)).toEqual({ error: 'must be a number' });
  });

  it('says what the definition asks of a number', () => {
    expect(readField('1.5', cores)).toEqual({ error: 'must be a whole number' });
    expect(readField('0', cores)).toEqual({ error: 'must be at least 1' });
    expect(readField('-1', memory)).toEqual({ error: 'must be at least 0' });
    expect(readField('4096', attributeOf(NETWORK, 'occi.network.vlan'))).toEqual({ error: 'must be at most 4095' });
  });

  it('reads a boolean', () => {
    const flag = attribute({ name: 'org.example.flag', type: 'boolean' });
    expect(readField('true', flag)).toEqual({ value: true });
    expect(readField('false', flag)).toEqual({ value: false });
    expect(readField('TRUE', flag)).toEqual({ value: true });
    expect(readField('maybe', flag)).toEqual({ error: 'must be true or false' });
  });

  it('reads a list or an object as JSON, and says when it is not', () => {
    const list = attribute({ name: 'org.example.list', type: 'array' });
    const object = attribute({ name: 'org.example.object', type: 'object' });
    expect(readField('[1, "a"]', list)).toEqual({ value: [1, 'a'] });
    expect(readField('{"a": {"b": true}}', object)).toEqual({ value: { a: { b: true } } });
    expect(readField('[1,', list)).toEqual({ error: 'must be JSON ([ ... ])' });
    expect(readField('{a: 1}', object)).toEqual({ error: 'must be JSON ({ ... })' });
    expect(readField('{"a": 1}', list)).toEqual({ error: 'must be a list' });
    expect(readField('[1]', object)).toEqual({ error: 'must be an object' });
  });

  it('keeps text as typed and checks it against the enumeration and the pattern', () => {
    expect(readField('x64', attributeOf(COMPUTE, 'occi.compute.architecture'))).toEqual({ value: 'x64' });
    expect(readField('arm', attributeOf(COMPUTE, 'occi.compute.architecture'))).toEqual({
      error: 'must be one of x86, x64',
    });
    const hostname = attributeOf(COMPUTE, 'occi.compute.hostname');
    expect(readField('web-01.example.org', hostname)).toEqual({ value: 'web-01.example.org' });
    const wrong = readField('web 01!', hostname);
    expect(wrong).toEqual({ error: expect.stringMatching(/^does not match the pattern \^\[A-Za-z0-9\]/) });
  });

  it('reads an empty field as no value, unless the attribute is required with no default', () => {
    expect(readField('', memory)).toEqual({ value: undefined });
    expect(readField('   ', attributeOf(STORAGE, 'occi.storage.size'))).toEqual({ error: 'is required' });
    expect(readField('', attribute({ name: 'org.example.zone', required: true, default: 'eu-1' }))).toEqual({
      value: undefined,
    });
  });
});

describe('readForm', () => {
  const attributes = formAttributes(qi, COMPUTE, [flavorId('m1.tiny')]);

  it('sends what the user filled in and leaves out empty fields and values equal to the default', () => {
    const fields = new Map([
      ['occi.core.title', 'web-02'],
      ['occi.core.summary', ''],
      ['occi.compute.cores', '1'],
      ['occi.compute.memory', '2'],
    ]);
    const reading = readForm(fields, attributes);
    expect([...reading.attributes]).toEqual([
      ['occi.core.title', 'web-02'],
      ['occi.compute.memory', 2],
    ]);
    expect(reading.errors.size).toBe(0);
  });

  it('compares with the default by value, not by text', () => {
    const reading = readForm(
      new Map([
        ['occi.compute.cores', ' 1'],
        ['occi.compute.memory', '0.50'],
      ]),
      attributes,
    );
    expect([...reading.attributes]).toEqual([]);
  });

  it('sends a value differing from a quoted default of the same number only when it differs', () => {
    const size = attribute({ name: 'org.example.size', type: 'number', default: '10' });
    expect([...readForm(new Map([['org.example.size', '10']]), [size]).attributes]).toEqual([]);
    expect([...readForm(new Map([['org.example.size', '20']]), [size]).attributes]).toEqual([['org.example.size', 20]]);
  });

  it('collects every error by attribute name and sends none of the wrong values', () => {
    const reading = readForm(
      new Map([
        ['occi.core.title', 'ok'],
        ['occi.compute.cores', 'two'],
        ['occi.compute.architecture', 'arm'],
      ]),
      attributes,
    );
    expect([...reading.errors]).toEqual([
      ['occi.compute.architecture', 'must be one of x86, x64'],
      ['occi.compute.cores', 'must be a number'],
    ]);
    expect([...reading.attributes]).toEqual([['occi.core.title', 'ok']]);
  });

  it('reports a required field left empty', () => {
    const reading = readForm(new Map(), formAttributes(qi, STORAGE, []));
    expect(reading.errors.get('occi.storage.size')).toBe('is required');
  });
});

describe('initialText', () => {
  it('is the default as text', () => {
    expect(initialText(attributeOf(COMPUTE, 'occi.compute.cores', [flavorId('m1.medium')]))).toBe('2');
    expect(initialText(attributeOf(COMPUTE, 'occi.compute.memory', [flavorId('m1.tiny')]))).toBe('0.5');
  });

  it('starts a required number with no default at its minimum, or at 1', () => {
    expect(initialText(attribute({ name: 'org.example.disks', type: 'number', required: true, minimum: 3 }))).toBe('3');
    expect(initialText(attribute({ name: 'org.example.disks', type: 'number', required: true }))).toBe('1');
    // A volume's size: at least 0, but a volume of 0 GiB is no use.
    expect(initialText(attributeOf(STORAGE, 'occi.storage.size'))).toBe('1');
  });

  it('is empty otherwise', () => {
    expect(initialText(attributeOf(COMPUTE, 'occi.compute.cores'))).toBe('');
    expect(initialText(attribute({ name: 'org.example.text', required: true }))).toBe('');
    expect(initialText(attribute({ name: 'org.example.n', type: 'number', default: null }))).toBe('');
  });
});

describe('withDefaults', () => {
  const tiny = formAttributes(qi, COMPUTE, [flavorId('m1.tiny')]);
  const large = formAttributes(qi, COMPUTE, [flavorId('m1.large')]);

  it('fills every field with its default to begin with', () => {
    const fields = withDefaults(new Map(), new Set(), tiny);
    expect(fields.get('occi.compute.cores')).toBe('1');
    expect(fields.get('occi.compute.memory')).toBe('0.5');
    expect(fields.get('occi.core.title')).toBe('');
    expect(fields.size).toBe(tiny.length);
  });

  it('gives untouched fields the new template’s defaults and keeps what the user typed', () => {
    const typed = new Map(withDefaults(new Map(), new Set(), tiny)).set('occi.compute.memory', '3');
    const next = withDefaults(typed, new Set(['occi.compute.memory']), large);
    expect(next.get('occi.compute.cores')).toBe('4');
    expect(next.get('occi.compute.memory')).toBe('3');
  });

  it('keeps the text of fields no longer shown, so a mixin ticked off and on again loses nothing', () => {
    const withKey = formAttributes(qi, COMPUTE, [SSH_KEY]);
    const typed = new Map(withDefaults(new Map(), new Set(), withKey)).set(
      'occi.credentials.ssh.publickey',
      'ssh-ed25519 AAAA me',
    );
    const touched = new Set(['occi.credentials.ssh.publickey']);
    const without = withDefaults(typed, touched, formAttributes(qi, COMPUTE, []));
    expect(without.get('occi.credentials.ssh.publickey')).toBe('ssh-ed25519 AAAA me');
    expect(withDefaults(without, touched, withKey).get('occi.credentials.ssh.publickey')).toBe('ssh-ed25519 AAAA me');
  });

  it('does not change the map it is given', () => {
    const fields = new Map([['occi.compute.cores', '1']]);
    withDefaults(fields, new Set(), large);
    expect([...fields]).toEqual([['occi.compute.cores', '1']]);
  });
});
