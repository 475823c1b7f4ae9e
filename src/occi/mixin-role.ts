/**
 * What a mixin is for, so screens can put it in the right place: an image picker, a flavour
 * picker, contextualization fields, network settings, tag chips, or a generic extras section.
 */
import type { Mixin, TypeId } from './model.ts';
import { splitTypeId, typeId } from './type-id.ts';
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

export type MixinRole = 'os-template' | 'resource-template' | 'contextualization' | 'network' | 'tag' | 'provider';

/** The CRTP profile's standard flavours (rOCCI-server 2, `OCCI-CRTP/1.1`). */
export const CRTP_SCHEME = 'http://schemas.ogf.org/occi/infrastructure/compute/template/1.1#';

const CONTEXTUALIZATION: ReadonlySet<TypeId> = new Set([SSH_KEY, USER_DATA, OPENSTACK_PUBLIC_KEY, OPENSTACK_USER_DATA]);
const NETWORK: ReadonlySet<TypeId> = new Set([IPNETWORK, IPNETWORKINTERFACE]);

/**
 * Schemes that mark a template even when the mixin does not say what it depends on. rOCCI-server
 * 1 names its image and flavour schemes `.../os_tpl#` and `.../resource_tpl#` (OpenNebula, EC2
 * and FedCloud sites alike); ooi and occi-os use `.../template/os#` and `.../template/resource#`.
 */
function isOsTemplateScheme(scheme: string): boolean {
  return /\/os_tpl#$/.test(scheme) || /\/template\/os#$/.test(scheme);
}

function isResourceTemplateScheme(scheme: string): boolean {
  return scheme === CRTP_SCHEME || /\/resource_tpl#$/.test(scheme) || /\/template\/resource#$/.test(scheme);
}

function isOsTemplateId(id: TypeId): boolean {
  return id === OS_TPL || isOsTemplateScheme(splitTypeId(id).scheme);
}

function isResourceTemplateId(id: TypeId): boolean {
  return id === RESOURCE_TPL || isResourceTemplateScheme(splitTypeId(id).scheme);
}

/** The abstract parents every template depends on; not templates a user can pick. */
export function isTemplateRoot(id: TypeId): boolean {
  return id === OS_TPL || id === RESOURCE_TPL;
}

/**
 * The role of a mixin, given its dependency closure (the mixin's own id and every mixin it depends
 * on, transitively, known to the server or not). Checked in this order, first match wins:
 * os-template, resource-template, contextualization, network, tag, provider.
 *
 * `dependsOn` is the mixin's own (effective) dependency list: a tag is a mixin with no
 * attributes, no actions and no dependencies that is not a template.
 */
export function mixinRole(
  mixin: Mixin,
  closure: readonly TypeId[],
  dependsOn: readonly TypeId[] = mixin.depends,
): MixinRole {
  const ids = [typeId(mixin.scheme, mixin.term), ...closure];
  if (ids.some(isOsTemplateId)) return 'os-template';
  if (ids.some(isResourceTemplateId)) return 'resource-template';
  if (ids.some((id) => CONTEXTUALIZATION.has(id))) return 'contextualization';
  if (ids.some((id) => NETWORK.has(id))) return 'network';
  if (mixin.attributes.length === 0 && mixin.actions.length === 0 && dependsOn.length === 0) return 'tag';
  return 'provider';
}
