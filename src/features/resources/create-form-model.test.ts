import { describe, expect, it } from 'vitest';
import {
  demoCategories,
  FLAVORS,
  flavorId,
  OS_IMAGES,
  osImageId,
  USER_TAGS,
  userTagId,
} from '../../mocks/demo-model.ts';
import {
  type CategoryCollection,
  createQueryInterface,
  type Kind,
  type Mixin,
  type TypeId,
  typeId,
  wellKnown,
} from '../../occi/index.ts';
import {
  initialTemplates,
  kindChoices,
  linkKindFor,
  linkMixins,
  mixinsInUse,
  newResource,
} from './create-form-model.ts';

const qi = createQueryInterface(demoCategories);
const { COMPUTE, STORAGE, NETWORK, STORAGELINK, NETWORKINTERFACE, SSH_KEY, USER_DATA, OS_TPL, RESOURCE_TPL } =
  wellKnown;

const ids = (mixins: readonly Mixin[]) => mixins.map((m) => typeId(m.scheme, m.term));

describe('kindChoices', () => {
  const choices = kindChoices(qi, COMPUTE);

  it('offers the demo cloud’s images and flavours for a compute, in the server’s order', () => {
    expect(ids(choices.osTemplates)).toEqual(OS_IMAGES.map((image) => osImageId(image.term)));
    expect(ids(choices.resourceTemplates)).toEqual(FLAVORS.map((flavor) => flavorId(flavor.term)));
  });

  it('offers contextualization and tags as other mixins, and neither templates nor their roots', () => {
    expect(ids(choices.otherMixins)).toEqual([SSH_KEY, USER_DATA, ...USER_TAGS.map((tag) => userTagId(tag.term))]);
    expect(ids(choices.otherMixins)).not.toContain(OS_TPL);
    expect(ids(choices.otherMixins)).not.toContain(RESOURCE_TPL);
  });

  it('offers no templates for a storage, only what applies to it', () => {
    const storage = kindChoices(qi, STORAGE);
    expect(storage.osTemplates).toEqual([]);
    expect(storage.resourceTemplates).toEqual([]);
    expect(ids(storage.otherMixins)).toEqual(USER_TAGS.map((tag) => userTagId(tag.term)));
  });

  it('offers IP networking for a network', () => {
    expect(ids(kindChoices(qi, NETWORK).otherMixins)).toContain(wellKnown.IPNETWORK);
  });
});

describe('initialTemplates', () => {
  it('picks the first image and the smallest flavour on the demo cloud', () => {
    expect(initialTemplates(qi, kindChoices(qi, COMPUTE))).toEqual({
      os: osImageId('cirros-0.3.0-x86_64-blank'),
      resource: flavorId('m1.tiny'),
    });
  });

  const RESOURCE = 'http://example.org/template/resource#';
  const flavour = (term: string, defaults: { cores?: number; memory?: number }): Mixin => ({
    class: 'mixin',
    scheme: RESOURCE,
    term,
    depends: [RESOURCE_TPL],
    applies: [COMPUTE],
    attributes: [
      ...(defaults.cores === undefined
        ? []
        : [
            {
              name: 'occi.compute.cores',
              type: 'number' as const,
              mutable: true,
              required: false,
              default: defaults.cores,
            },
          ]),
      ...(defaults.memory === undefined
        ? []
        : [
            {
              name: 'occi.compute.memory',
              type: 'number' as const,
              mutable: true,
              required: false,
              default: defaults.memory,
            },
          ]),
    ],
    actions: [],
  });
  const compute: Kind = {
    class: 'kind',
    scheme: wellKnown.INFRASTRUCTURE,
    term: 'compute',
    attributes: [],
    actions: [],
  };
  const withFlavours = (mixins: Mixin[]): CategoryCollection => ({ kinds: [compute], mixins, actions: [] });

  it('breaks a tie on memory by the fewest cores, and takes a flavour of unknown size last', () => {
    const custom = createQueryInterface(
      withFlavours([
        flavour('unknown', {}),
        flavour('wide', { cores: 4, memory: 2 }),
        flavour('narrow', { cores: 1, memory: 2 }),
        flavour('big', { cores: 1, memory: 8 }),
      ]),
    );
    const choices = kindChoices(custom, COMPUTE);
    expect(initialTemplates(custom, choices)).toEqual({ os: undefined, resource: `${RESOURCE}narrow` });
  });

  it('picks no template where the server offers none', () => {
    expect(initialTemplates(qi, kindChoices(qi, STORAGE))).toEqual({ os: undefined, resource: undefined });
  });
});

describe('linkKindFor', () => {
  it('attaches a storage by a storage link and a network by a network interface', () => {
    expect(linkKindFor(qi, STORAGE)).toBe(STORAGELINK);
    expect(linkKindFor(qi, NETWORK)).toBe(NETWORKINTERFACE);
  });

  it('knows no link to a compute or an unknown kind', () => {
    expect(linkKindFor(qi, COMPUTE)).toBeUndefined();
    expect(linkKindFor(qi, 'http://example.org/occi#thing')).toBeUndefined();
  });

  it('attaches a provider’s own kind of storage as a storage', () => {
    const block: Kind = {
      class: 'kind',
      scheme: 'http://example.org/occi#',
      term: 'block',
      parent: STORAGE,
      attributes: [],
      actions: [],
    };
    const custom = createQueryInterface({ ...demoCategories, kinds: [...demoCategories.kinds, block] });
    expect(linkKindFor(custom, 'http://example.org/occi#block')).toBe(STORAGELINK);
  });
});

describe('newResource', () => {
  const mixins: TypeId[] = [flavorId('m1.tiny'), osImageId('debian-12'), flavorId('m1.tiny'), SSH_KEY];

  it('is a resource of the kind with its mixins once each and the attributes given', () => {
    const attributes = new Map([['occi.core.title', 'web-03']]);
    const resource = newResource(COMPUTE, mixins, attributes, []);
    expect(resource).toEqual({
      entityType: 'resource',
      kind: COMPUTE,
      mixins: [flavorId('m1.tiny'), osImageId('debian-12'), SSH_KEY],
      attributes: new Map([['occi.core.title', 'web-03']]),
      actions: [],
      links: [],
    });
    expect(resource.attributes).not.toBe(attributes);
  });

  it('carries inline links with their target and their own attributes', () => {
    const resource = newResource(COMPUTE, [], new Map(), [
      {
        kind: STORAGELINK,
        target: '/storage/2',
        attributes: new Map([['occi.storagelink.deviceid', 'vdb']]),
      },
      { kind: NETWORKINTERFACE, target: 'http://127.0.0.1:8787/network/private', attributes: new Map() },
    ]);
    expect(resource.links).toEqual([
      {
        entityType: 'link',
        kind: STORAGELINK,
        mixins: [],
        attributes: new Map([
          ['occi.core.target', '/storage/2'],
          ['occi.storagelink.deviceid', 'vdb'],
        ]),
        actions: [],
      },
      {
        entityType: 'link',
        kind: NETWORKINTERFACE,
        mixins: [],
        attributes: new Map([['occi.core.target', 'http://127.0.0.1:8787/network/private']]),
        actions: [],
      },
    ]);
  });
});

describe('linkMixins and mixinsInUse', () => {
  const IP = wellKnown.IPNETWORKINTERFACE;

  it('offers ipnetworkinterface for a network interface, nothing for a storage link', () => {
    expect(linkMixins(qi, NETWORKINTERFACE)).toEqual([IP]);
    expect(linkMixins(qi, STORAGELINK)).toEqual([]);
  });

  it('sends the mixin only when one of its own attributes is set', () => {
    expect(mixinsInUse(qi, [IP], new Map([['occi.networkinterface.mac', '02:00:00:00:00:01']]))).toEqual([]);
    expect(mixinsInUse(qi, [IP], new Map([['occi.networkinterface.address', '10.0.0.9']]))).toEqual([IP]);
  });

  it('puts an inline link’s mixins on the link it sends', () => {
    const vm = newResource(COMPUTE, [], new Map(), [
      {
        kind: NETWORKINTERFACE,
        target: '/network/private',
        mixins: [IP],
        attributes: new Map([['occi.networkinterface.address', '10.0.0.9']]),
      },
    ]);
    expect(vm.links[0]?.mixins).toEqual([IP]);
  });
});
