import { describe, expect, it } from 'vitest';
import {
  type Action,
  type AttributeDefinition,
  type Category,
  createQueryInterface,
  type Kind,
  type Mixin,
  parseMessage,
  renderMessage,
  typeId,
  validateAttributeValue,
  wellKnown,
} from '../occi/index.ts';
import {
  COMPUTE_ACTION_SCHEME,
  COMPUTE_ACTIONS,
  demoCategories,
  FLAVORS,
  KIND_LOCATIONS,
  MIXIN_LOCATIONS,
  NETWORK_ACTION_SCHEME,
  NETWORK_ACTIONS,
  OS_TEMPLATE_SCHEME,
  RESOURCE_TEMPLATE_SCHEME,
  STATE_ATTRIBUTES,
  STORAGE_ACTION_SCHEME,
  STORAGE_ACTIONS,
  USER_TAG_SCHEME,
} from './demo-categories.ts';

const W = wellKnown;
const qi = createQueryInterface(demoCategories);

function idOf(category: Category): string {
  return typeId(category.scheme, category.term);
}

function kind(id: string): Kind {
  const found = demoCategories.kinds.find((k) => idOf(k) === id);
  if (found === undefined) throw new Error(`no kind ${id}`);
  return found;
}

function mixin(id: string): Mixin {
  const found = demoCategories.mixins.find((m) => idOf(m) === id);
  if (found === undefined) throw new Error(`no mixin ${id}`);
  return found;
}

function action(id: string): Action {
  const found = demoCategories.actions.find((a) => idOf(a) === id);
  if (found === undefined) throw new Error(`no action ${id}`);
  return found;
}

function definition(category: Category, name: string): AttributeDefinition {
  const found = category.attributes.find((d) => d.name === name);
  if (found === undefined) throw new Error(`${idOf(category)} has no ${name}`);
  return found;
}

function names(category: Category): string[] {
  return category.attributes.map((d) => d.name);
}

/** What a definition allows, in short: the schema's enum, bounds and flags. */
function summary(d: AttributeDefinition) {
  const pattern = typeof d.pattern === 'object' ? d.pattern : {};
  return {
    type: d.type,
    mutable: d.mutable,
    required: d.required,
    default: d.default,
    enum: pattern.enum,
    minimum: pattern.minimum,
    maximum: pattern.maximum,
  };
}

const allCategories: Category[] = [...demoCategories.kinds, ...demoCategories.mixins, ...demoCategories.actions];

describe('demoCategories: kinds', () => {
  it('lists the three core kinds and the five infrastructure kinds, in that order', () => {
    expect(demoCategories.kinds.map(idOf)).toEqual([
      W.ENTITY,
      W.RESOURCE,
      W.LINK,
      W.COMPUTE,
      W.STORAGE,
      W.NETWORK,
      W.NETWORKINTERFACE,
      W.STORAGELINK,
    ]);
  });

  it('binds each instantiable kind to its exact location and the abstract core kinds to none', () => {
    const locations = Object.fromEntries(demoCategories.kinds.map((k) => [k.term, k.location ?? null]));
    expect(locations).toEqual({
      entity: null,
      resource: null,
      link: null,
      compute: '/compute/',
      storage: '/storage/',
      network: '/network/',
      networkinterface: '/network/interface/',
      storagelink: '/storage/link/',
    });
    expect(Object.fromEntries(KIND_LOCATIONS)).toEqual({
      [W.COMPUTE]: '/compute/',
      [W.STORAGE]: '/storage/',
      [W.NETWORK]: '/network/',
      [W.NETWORKINTERFACE]: '/network/interface/',
      [W.STORAGELINK]: '/storage/link/',
    });
    expect(qi.kindForLocation('/network/interface/')?.term).toBe('networkinterface');
    expect(qi.kindForLocation('/storage/link/')?.term).toBe('storagelink');
  });

  it('gives every kind its parent', () => {
    const parents = Object.fromEntries(demoCategories.kinds.map((k) => [k.term, k.parent ?? null]));
    expect(parents).toEqual({
      entity: null,
      resource: W.ENTITY,
      link: W.ENTITY,
      compute: W.RESOURCE,
      storage: W.RESOURCE,
      network: W.RESOURCE,
      networkinterface: W.LINK,
      storagelink: W.LINK,
    });
  });

  it('defines the core attributes as 1.2 does, with the id assigned by the server', () => {
    expect(names(kind(W.ENTITY))).toEqual(['occi.core.id', 'occi.core.title']);
    expect(summary(definition(kind(W.ENTITY), 'occi.core.id'))).toMatchObject({ mutable: false, required: false });
    expect(summary(definition(kind(W.ENTITY), 'occi.core.title'))).toMatchObject({ mutable: true, required: false });
    expect(names(kind(W.RESOURCE))).toEqual(['occi.core.summary']);
    expect(definition(kind(W.RESOURCE), 'occi.core.summary').mutable).toBe(true);
    expect(names(kind(W.LINK))).toEqual(['occi.core.source', 'occi.core.target', 'occi.core.target.kind']);
    for (const name of ['occi.core.source', 'occi.core.target']) {
      expect(summary(definition(kind(W.LINK), name))).toMatchObject({ mutable: true, required: true });
    }
    expect(summary(definition(kind(W.LINK), 'occi.core.target.kind'))).toMatchObject({
      mutable: true,
      required: false,
    });
  });

  it('defines every 1.2 compute attribute', () => {
    const compute = kind(W.COMPUTE);
    expect(names(compute)).toEqual([
      'occi.compute.architecture',
      'occi.compute.cores',
      'occi.compute.hostname',
      'occi.compute.share',
      'occi.compute.memory',
      'occi.compute.state',
      'occi.compute.state.message',
    ]);
    // Any name: pOCCI's CORE/CREATE/001 creates a compute with architecture "arch" and wants 201.
    const architecture = summary(definition(compute, 'occi.compute.architecture'));
    expect(architecture).toMatchObject({ type: 'string', mutable: true });
    expect(architecture.enum).toBeUndefined();
    expect(summary(definition(compute, 'occi.compute.cores'))).toMatchObject({
      type: 'number',
      mutable: true,
      required: false,
      minimum: 1,
    });
    expect(summary(definition(compute, 'occi.compute.share'))).toMatchObject({ type: 'number', minimum: 0 });
    expect(summary(definition(compute, 'occi.compute.memory'))).toMatchObject({ type: 'number', minimum: 0 });
    expect(summary(definition(compute, 'occi.compute.state'))).toEqual({
      type: 'string',
      mutable: false,
      required: false,
      default: 'inactive',
      enum: ['active', 'inactive', 'suspended', 'error'],
      minimum: undefined,
      maximum: undefined,
    });
    expect(summary(definition(compute, 'occi.compute.state.message'))).toMatchObject({ mutable: false });
    expect(compute.actions).toEqual([
      COMPUTE_ACTIONS.start,
      COMPUTE_ACTIONS.stop,
      COMPUTE_ACTIONS.restart,
      COMPUTE_ACTIONS.suspend,
      COMPUTE_ACTIONS.save,
    ]);
  });

  it('makes storage size required and mutable, and shows the 1.1 transitional states', () => {
    const storage = kind(W.STORAGE);
    expect(names(storage)).toEqual(['occi.storage.size', 'occi.storage.state', 'occi.storage.state.message']);
    expect(summary(definition(storage, 'occi.storage.size'))).toMatchObject({
      type: 'number',
      mutable: true,
      required: true,
      minimum: 0,
    });
    expect(summary(definition(storage, 'occi.storage.state'))).toMatchObject({
      mutable: false,
      default: 'offline',
      enum: ['online', 'offline', 'error', 'backup', 'snapshot', 'resize', 'degraded'],
    });
    expect(storage.actions).toEqual(Object.values(STORAGE_ACTIONS));
  });

  it('defines the network, network interface and storage link attributes', () => {
    const network = kind(W.NETWORK);
    expect(names(network)).toEqual([
      'occi.network.vlan',
      'occi.network.label',
      'occi.network.state',
      'occi.network.state.message',
    ]);
    expect(summary(definition(network, 'occi.network.vlan'))).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 4095,
    });
    expect(summary(definition(network, 'occi.network.state'))).toMatchObject({
      mutable: false,
      enum: ['active', 'inactive', 'error'],
    });
    expect(network.actions).toEqual([NETWORK_ACTIONS.up, NETWORK_ACTIONS.down]);

    const nic = kind(W.NETWORKINTERFACE);
    expect(names(nic)).toEqual([
      'occi.networkinterface.interface',
      'occi.networkinterface.mac',
      'occi.networkinterface.state',
      'occi.networkinterface.state.message',
    ]);
    expect(summary(definition(nic, 'occi.networkinterface.interface'))).toMatchObject({
      mutable: false,
      required: false,
    });
    expect(definition(nic, 'occi.networkinterface.mac').mutable).toBe(true);
    expect(nic.actions).toEqual([]);

    const storagelink = kind(W.STORAGELINK);
    expect(names(storagelink)).toEqual([
      'occi.storagelink.deviceid',
      'occi.storagelink.mountpoint',
      'occi.storagelink.state',
      'occi.storagelink.state.message',
    ]);
    // The seed document attaches a volume with a mountpoint only.
    expect(definition(storagelink, 'occi.storagelink.deviceid').required).toBe(false);
    expect(storagelink.actions).toEqual([]);
  });

  it('names each kind’s state attribute', () => {
    for (const [kindId, name] of STATE_ATTRIBUTES) {
      expect(definition(kind(kindId), name).mutable).toBe(false);
    }
    expect(STATE_ATTRIBUTES.size).toBe(5);
  });
});

describe('demoCategories: actions', () => {
  function parameters(id: string) {
    return Object.fromEntries(action(id).attributes.map((d) => [d.name, summary(d)]));
  }

  it('lists every compute, storage and network action under its own scheme', () => {
    expect(demoCategories.actions.map(idOf)).toEqual([
      `${COMPUTE_ACTION_SCHEME}start`,
      `${COMPUTE_ACTION_SCHEME}stop`,
      `${COMPUTE_ACTION_SCHEME}restart`,
      `${COMPUTE_ACTION_SCHEME}suspend`,
      `${COMPUTE_ACTION_SCHEME}save`,
      `${STORAGE_ACTION_SCHEME}online`,
      `${STORAGE_ACTION_SCHEME}offline`,
      `${STORAGE_ACTION_SCHEME}backup`,
      `${STORAGE_ACTION_SCHEME}snapshot`,
      `${STORAGE_ACTION_SCHEME}resize`,
      `${NETWORK_ACTION_SCHEME}up`,
      `${NETWORK_ACTION_SCHEME}down`,
    ]);
    expect(COMPUTE_ACTION_SCHEME).toBe('http://schemas.ogf.org/occi/infrastructure/compute/action#');
    expect(STORAGE_ACTION_SCHEME).toBe('http://schemas.ogf.org/occi/infrastructure/storage/action#');
    expect(NETWORK_ACTION_SCHEME).toBe('http://schemas.ogf.org/occi/infrastructure/network/action#');
    for (const a of demoCategories.actions) expect(a.title).toMatch(/\S/);
  });

  it('gives every compute action its parameters, methods and defaults', () => {
    const optional = { type: 'string', mutable: true, required: false, minimum: undefined, maximum: undefined };
    expect(parameters(COMPUTE_ACTIONS.start)).toEqual({});
    expect(parameters(COMPUTE_ACTIONS.stop)).toEqual({
      method: { ...optional, default: 'graceful', enum: ['graceful', 'acpioff', 'poweroff'] },
    });
    expect(parameters(COMPUTE_ACTIONS.restart)).toEqual({
      method: { ...optional, default: 'graceful', enum: ['graceful', 'warm', 'cold'] },
    });
    expect(parameters(COMPUTE_ACTIONS.suspend)).toEqual({
      method: { ...optional, default: 'suspend', enum: ['hibernate', 'suspend'] },
    });
    expect(parameters(COMPUTE_ACTIONS.save)).toEqual({
      method: { ...optional, default: 'hot', enum: ['hot', 'deferred'] },
      name: { ...optional, default: undefined, enum: undefined },
    });
  });

  it('requires a size for storage resize and takes no parameters elsewhere', () => {
    expect(parameters(STORAGE_ACTIONS.resize)).toEqual({
      size: { type: 'number', mutable: true, required: true, default: undefined, enum: undefined, minimum: 0 },
    });
    for (const id of [STORAGE_ACTIONS.online, STORAGE_ACTIONS.offline, STORAGE_ACTIONS.backup]) {
      expect(action(id).attributes).toEqual([]);
    }
    expect(action(STORAGE_ACTIONS.snapshot).attributes).toEqual([]);
    expect(action(NETWORK_ACTIONS.up).attributes).toEqual([]);
    expect(action(NETWORK_ACTIONS.down).attributes).toEqual([]);
  });

  it('validates action parameters through the query interface', () => {
    const [stopMethod] = qi.attributesOfAction(COMPUTE_ACTIONS.stop);
    expect(stopMethod).toBeDefined();
    if (stopMethod === undefined) return;
    expect(validateAttributeValue('acpioff', stopMethod)).toBeNull();
    expect(validateAttributeValue('hard', stopMethod)).not.toBeNull();
    const [size] = qi.attributesOfAction(STORAGE_ACTIONS.resize);
    if (size === undefined) throw new Error('resize has no size');
    expect(validateAttributeValue(undefined, size)).toBe('is required');
    expect(validateAttributeValue(-1, size)).not.toBeNull();
  });
});

describe('demoCategories: mixins', () => {
  it('defines ipnetwork and ipnetworkinterface with their attributes', () => {
    const ipnetwork = mixin(W.IPNETWORK);
    expect(ipnetwork).toMatchObject({
      scheme: 'http://schemas.ogf.org/occi/infrastructure/network#',
      term: 'ipnetwork',
      applies: [W.NETWORK],
      depends: [],
      location: '/mixin/ipnetwork/',
    });
    expect(names(ipnetwork)).toEqual(['occi.network.address', 'occi.network.gateway', 'occi.network.allocation']);
    expect(summary(definition(ipnetwork, 'occi.network.allocation')).enum).toEqual(['dynamic', 'static']);
    const address = definition(ipnetwork, 'occi.network.address');
    expect(validateAttributeValue('10.0.0.0/24', address)).toBeNull();
    expect(validateAttributeValue('2001:db8::/32', address)).toBeNull();
    expect(validateAttributeValue('10.0.0.0', address)).not.toBeNull();
    expect(validateAttributeValue('10.0.0.0/33', address)).not.toBeNull();
    expect(validateAttributeValue('256.0.0.0/8', address)).not.toBeNull();

    const ipnic = mixin(W.IPNETWORKINTERFACE);
    expect(ipnic).toMatchObject({
      scheme: 'http://schemas.ogf.org/occi/infrastructure/networkinterface#',
      term: 'ipnetworkinterface',
      applies: [W.NETWORKINTERFACE],
      location: '/mixin/ipnetworkinterface/',
    });
    expect(Object.fromEntries(ipnic.attributes.map((d) => [d.name, d.required]))).toEqual({
      'occi.networkinterface.address': true,
      'occi.networkinterface.gateway': false,
      'occi.networkinterface.allocation': true,
    });
  });

  it('checks MAC addresses with a pattern', () => {
    const mac = definition(kind(W.NETWORKINTERFACE), 'occi.networkinterface.mac');
    expect(validateAttributeValue('fa:16:3e:1a:2b:3c', mac)).toBeNull();
    expect(validateAttributeValue('fa:16:3e:1a:2b', mac)).not.toBeNull();
    expect(validateAttributeValue('fa-16-3e-1a-2b-3c', mac)).not.toBeNull();
  });

  it('defines the template roots and the contextualization mixins', () => {
    expect(mixin(W.OS_TPL)).toMatchObject({ applies: [W.COMPUTE], depends: [], location: '/mixin/os_tpl/' });
    expect(mixin(W.RESOURCE_TPL)).toMatchObject({
      applies: [W.COMPUTE],
      depends: [],
      location: '/mixin/resource_tpl/',
    });
    const sshKey = mixin(W.SSH_KEY);
    expect(sshKey).toMatchObject({ applies: [W.COMPUTE], location: '/mixin/ssh_key/' });
    expect(summary(definition(sshKey, 'occi.credentials.ssh.publickey'))).toMatchObject({
      mutable: true,
      required: true,
    });
    const userData = mixin(W.USER_DATA);
    expect(userData).toMatchObject({ applies: [W.COMPUTE], location: '/mixin/user_data/' });
    const userdata = definition(userData, 'occi.compute.userdata');
    expect(userdata.required).toBe(true);
    expect(userdata.description).toMatch(/base64/i);
    expect(userdata.description).toMatch(/cloud-init/);
    expect(qi.mixinRole(W.SSH_KEY)).toBe('contextualization');
    expect(qi.mixinRole(W.USER_DATA)).toBe('contextualization');
  });

  it('offers the five OpenStack flavours with exact cores and memory defaults', () => {
    const expected = {
      'm1.tiny': [1, 0.5],
      'm1.small': [1, 2],
      'm1.medium': [2, 4],
      'm1.large': [4, 8],
      'm1.xlarge': [8, 16],
    };
    expect(qi.resourceTemplates().map((m) => m.term)).toEqual(Object.keys(expected));
    for (const [term, [cores, memory]] of Object.entries(expected)) {
      const id = `${RESOURCE_TEMPLATE_SCHEME}${term}`;
      const flavor = mixin(id);
      expect(flavor).toMatchObject({
        title: `Flavor: ${term}`,
        depends: [W.RESOURCE_TPL],
        applies: [W.COMPUTE],
        location: `/mixin/resource_tpl/${term}/`,
      });
      expect(flavor.attributes.map((d) => [d.name, d.type, d.mutable, d.default])).toEqual([
        ['occi.compute.cores', 'number', true, cores],
        ['occi.compute.memory', 'number', true, memory],
      ]);
      expect(qi.templateSummary(id)).toMatchObject({ cores, memory, from: 'defaults' });
    }
    expect(FLAVORS.map((f) => [f.term, f.cores, f.memory])).toEqual(
      Object.entries(expected).map(([term, [cores, memory]]) => [term, cores, memory]),
    );
  });

  it('applies a flavour’s defaults over the compute kind’s definitions', () => {
    const attributes = qi.attributesFor(W.COMPUTE, [`${RESOURCE_TEMPLATE_SCHEME}m1.tiny`]);
    const cores = attributes.find((a) => a.name === 'occi.compute.cores');
    expect(cores).toMatchObject({ default: 1, integer: true, minimum: 1 });
    expect(attributes.find((a) => a.name === 'occi.compute.memory')?.default).toBe(0.5);
  });

  it('offers the seed document’s images and a few more as OS templates', () => {
    const images = qi.osTemplates();
    expect(images.map((m) => m.term)).toEqual(
      expect.arrayContaining(['cirros-0.3.0-x86_64-blank', 'SmartOS', 'ubuntu-22.04', 'debian-12', 'centos-stream-9']),
    );
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const image of images) {
      expect(image).toMatchObject({
        scheme: OS_TEMPLATE_SCHEME,
        depends: [W.OS_TPL],
        applies: [W.COMPUTE],
        location: `/mixin/os_tpl/${image.term}/`,
      });
      expect(image.title).toMatch(/^Image: /);
    }
    expect(mixin(`${OS_TEMPLATE_SCHEME}cirros-0.3.0-x86_64-blank`).title).toBe('Image: cirros-0.3.0-x86_64-blank');
    expect(OS_TEMPLATE_SCHEME).toBe('http://schemas.openstack.org/template/os#');
    expect(RESOURCE_TEMPLATE_SCHEME).toBe('http://schemas.openstack.org/template/resource#');
  });

  it('has user tags with no capabilities under the user scheme', () => {
    const tags = demoCategories.mixins.filter((m) => m.scheme === USER_TAG_SCHEME);
    expect(tags.map((m) => m.term)).toEqual(['production', 'staging', 'backup-daily']);
    for (const tag of tags) {
      expect(tag).toMatchObject({
        attributes: [],
        actions: [],
        depends: [],
        applies: [],
        location: `/tags/${tag.term}/`,
      });
      expect(qi.mixinRole(idOf(tag))).toBe('tag');
    }
    expect(qi.mixinsWithRole('tag').map((m) => m.scheme)).toEqual(tags.map(() => USER_TAG_SCHEME));
  });

  it('lists every mixin location in MIXIN_LOCATIONS and resolves it back', () => {
    expect(MIXIN_LOCATIONS.size).toBe(demoCategories.mixins.length);
    for (const m of demoCategories.mixins) {
      expect(MIXIN_LOCATIONS.get(idOf(m))).toBe(m.location);
      expect(qi.mixinForLocation(m.location ?? '')).toBe(m);
    }
  });
});

describe('demoCategories: as a whole', () => {
  it('agrees with the protocol library’s well-known type ids', () => {
    for (const id of [
      W.ENTITY,
      W.RESOURCE,
      W.LINK,
      W.COMPUTE,
      W.STORAGE,
      W.NETWORK,
      W.NETWORKINTERFACE,
      W.STORAGELINK,
    ]) {
      expect(qi.kinds().map(idOf)).toContain(id);
    }
    for (const id of [W.IPNETWORK, W.IPNETWORKINTERFACE, W.OS_TPL, W.RESOURCE_TPL, W.SSH_KEY, W.USER_DATA]) {
      expect(qi.mixin(id)).toBeDefined();
    }
  });

  it('describes every attribute fully: type, flags, a JSON Schema pattern of the same type, one sentence', () => {
    for (const category of allCategories) {
      for (const d of category.attributes) {
        const where = `${idOf(category)} ${d.name}`;
        expect(d.type, where).toMatch(/^(string|number|boolean|array|object)$/);
        expect(typeof d.mutable, where).toBe('boolean');
        expect(typeof d.required, where).toBe('boolean');
        expect(typeof d.pattern, where).toBe('object');
        const schemaType = typeof d.pattern === 'object' ? d.pattern.type : undefined;
        expect(schemaType === d.type || (schemaType === 'integer' && d.type === 'number'), where).toBe(true);
        expect(d.description, where).toMatch(/^[A-Z][^\n]*\.$/);
        if (d.default !== undefined) expect(validateAttributeValue(d.default, d), where).toBeNull();
      }
    }
  });

  it('uses unique type ids and locations, and defines every category it refers to', () => {
    const ids = allCategories.map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
    const locations = [...demoCategories.kinds, ...demoCategories.mixins].flatMap((c) =>
      c.location === undefined ? [] : [c.location],
    );
    expect(new Set(locations).size).toBe(locations.length);
    for (const location of locations) expect(location).toMatch(/^\/([A-Za-z0-9._-]+\/)+$/);
    const actionIds = new Set(demoCategories.actions.map(idOf));
    const kindIds = new Set(demoCategories.kinds.map(idOf));
    const mixinIds = new Set(demoCategories.mixins.map(idOf));
    for (const k of demoCategories.kinds) {
      for (const a of k.actions) expect(actionIds.has(a), a).toBe(true);
      if (k.parent !== undefined) expect(kindIds.has(k.parent)).toBe(true);
    }
    for (const m of demoCategories.mixins) {
      for (const id of m.depends) expect(mixinIds.has(id), id).toBe(true);
      for (const id of m.applies) expect(kindIds.has(id), id).toBe(true);
      expect(m.location, idOf(m)).toBeDefined();
    }
    // Every action belongs to exactly one kind.
    const owned = demoCategories.kinds.flatMap((k) => k.actions);
    expect(owned.sort()).toEqual([...actionIds].sort());
  });

  it('round-trips through the OCCI 1.2 JSON rendering unchanged', () => {
    const rendered = renderMessage('categories', demoCategories, 'application/occi+json');
    const parsed = parseMessage('categories', { contentType: rendered.contentType, headers: [], body: rendered.body });
    expect(parsed).toEqual(demoCategories);
  });

  it.each(['text/plain', 'text/occi'] as const)(
    'renders as %s and parses back with ids, locations, relations and attribute flags',
    (mediaType) => {
      const rendered = renderMessage('categories', demoCategories, mediaType);
      const parsed = parseMessage('categories', {
        contentType: mediaType,
        headers: rendered.headers,
        body: rendered.body,
      });
      const shape = (c: Category) => ({
        id: idOf(c),
        class: c.class,
        title: c.title,
        location: c.class === 'action' ? undefined : c.location,
        rel: c.class === 'kind' ? c.parent : c.class === 'mixin' ? c.depends[0] : undefined,
        actions: c.class === 'action' ? undefined : c.actions,
        attributes: c.attributes.map((d) => [d.name, d.mutable, d.required]),
      });
      expect([...parsed.kinds, ...parsed.mixins, ...parsed.actions].map(shape)).toEqual(allCategories.map(shape));
    },
  );
});
