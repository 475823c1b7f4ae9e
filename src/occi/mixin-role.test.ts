import { describe, expect, it } from 'vitest';
import { CRTP_SCHEME, isTemplateRoot, type MixinRole, mixinRole } from './mixin-role.ts';
import type { Mixin, TypeId } from './model.ts';
import {
  IPNETWORK,
  IPNETWORKINTERFACE,
  OPENSTACK_PUBLIC_KEY,
  OPENSTACK_USER_DATA,
  OS_TPL,
  RESOURCE_TPL,
  SSH_KEY,
  USER_DATA,
} from './well-known.ts';

function mixin(id: TypeId, options: Partial<Pick<Mixin, 'attributes' | 'actions' | 'depends'>> = {}): Mixin {
  const cut = id.lastIndexOf('#') + 1;
  return {
    class: 'mixin',
    scheme: id.slice(0, cut),
    term: id.slice(cut),
    attributes: options.attributes ?? [],
    actions: options.actions ?? [],
    depends: options.depends ?? [],
    applies: [],
  };
}

const ATTRIBUTE = [{ name: 'org.example.x', mutable: true, required: false }];

describe('mixinRole', () => {
  it.each<[string, Mixin, TypeId[], MixinRole]>([
    [
      'an image depending on os_tpl',
      mixin('http://cloud.example.org/img#ubuntu', { depends: [OS_TPL] }),
      [OS_TPL],
      'os-template',
    ],
    [
      'an image depending on os_tpl through a family',
      mixin('http://cloud.example.org/img#ubuntu', { depends: ['http://cloud.example.org/img#linux'] }),
      ['http://cloud.example.org/img#linux', OS_TPL],
      'os-template',
    ],
    ['os_tpl itself', mixin(OS_TPL), [], 'os-template'],
    [
      'an image by its rOCCI scheme alone',
      mixin('http://occi.example.org/occi/infrastructure/os_tpl#debian6', { attributes: ATTRIBUTE }),
      [],
      'os-template',
    ],
    [
      'an image by its OpenStack scheme alone',
      mixin('http://schemas.openstack.org/template/os#SmartOS'),
      [],
      'os-template',
    ],
    [
      'a flavour depending on resource_tpl',
      mixin('http://cloud.example.org/flavour#m2', { depends: [RESOURCE_TPL] }),
      [RESOURCE_TPL],
      'resource-template',
    ],
    ['resource_tpl itself', mixin(RESOURCE_TPL), [], 'resource-template'],
    ['a CRTP flavour by its scheme', mixin(`${CRTP_SCHEME}small`), [], 'resource-template'],
    [
      'a flavour by its rOCCI scheme',
      mixin('http://schemas.fedcloud.egi.eu/occi/infrastructure/resource_tpl#goliath'),
      [],
      'resource-template',
    ],
    [
      'a flavour by its OpenStack scheme',
      mixin('http://schemas.openstack.org/template/resource#m1.tiny'),
      [],
      'resource-template',
    ],
    ['OGF ssh_key', mixin(SSH_KEY, { attributes: ATTRIBUTE }), [], 'contextualization'],
    ['OGF user_data', mixin(USER_DATA, { attributes: ATTRIBUTE }), [], 'contextualization'],
    ["OpenStack's public_key", mixin(OPENSTACK_PUBLIC_KEY, { attributes: ATTRIBUTE }), [], 'contextualization'],
    ["OpenStack's user_data", mixin(OPENSTACK_USER_DATA, { attributes: ATTRIBUTE }), [], 'contextualization'],
    [
      'a provider mixin extending ssh_key',
      mixin('http://x.org/ctx#keys', { depends: [SSH_KEY] }),
      [SSH_KEY],
      'contextualization',
    ],
    ['ipnetwork', mixin(IPNETWORK, { attributes: ATTRIBUTE }), [], 'network'],
    ['ipnetworkinterface', mixin(IPNETWORKINTERFACE, { attributes: ATTRIBUTE }), [], 'network'],
    ['an empty mixin is a tag', mixin('http://example.org/users/alice/tags#webtier'), [], 'tag'],
    ['a mixin with attributes is no tag', mixin('http://x.org/ext#gpu', { attributes: ATTRIBUTE }), [], 'provider'],
    [
      'a mixin with actions is no tag',
      mixin('http://x.org/ext#snap', { actions: ['http://x.org/ext/action#snap'] }),
      [],
      'provider',
    ],
    [
      'a mixin with depends is no tag',
      mixin('http://x.org/az#one', { depends: ['http://x.org/az#zone'] }),
      ['http://x.org/az#zone'],
      'provider',
    ],
    // Templates first: an image that also carries contextualization is still an image.
    [
      'an image depending on user_data too',
      mixin('http://x.org/img#a', { depends: [OS_TPL, USER_DATA] }),
      [OS_TPL, USER_DATA],
      'os-template',
    ],
    [
      'os beats resource',
      mixin('http://x.org/odd#both', { depends: [OS_TPL, RESOURCE_TPL] }),
      [OS_TPL, RESOURCE_TPL],
      'os-template',
    ],
    // A scheme that merely contains the word is not a template scheme.
    ['a scheme ending otherwise', mixin('http://x.org/os_tpl_extras#a'), [], 'tag'],
  ])('%s', (_name, subject, closure, expected) => {
    expect(mixinRole(subject, closure)).toBe(expected);
  });

  it('judges tags by the effective dependencies when given', () => {
    const subject = mixin('http://x.org/az#cerit', { depends: ['http://schemas.ogf.org/occi/infrastructure#compute'] });
    expect(mixinRole(subject, [], [])).toBe('tag');
    expect(mixinRole(subject, [])).toBe('provider');
  });
});

describe('isTemplateRoot', () => {
  it.each([
    [OS_TPL, true],
    [RESOURCE_TPL, true],
    ['http://schemas.openstack.org/template/os#SmartOS', false],
    [SSH_KEY, false],
  ])('%s: %s', (id, expected) => {
    expect(isTemplateRoot(id)).toBe(expected);
  });
});
