/** Schemes and type identifiers the specs define, and the ones real servers use widely. */

export const CORE = 'http://schemas.ogf.org/occi/core#';
export const INFRASTRUCTURE = 'http://schemas.ogf.org/occi/infrastructure#';

export const ENTITY = `${CORE}entity`;
export const RESOURCE = `${CORE}resource`;
export const LINK = `${CORE}link`;

export const COMPUTE = `${INFRASTRUCTURE}compute`;
export const STORAGE = `${INFRASTRUCTURE}storage`;
export const NETWORK = `${INFRASTRUCTURE}network`;
export const NETWORKINTERFACE = `${INFRASTRUCTURE}networkinterface`;
export const STORAGELINK = `${INFRASTRUCTURE}storagelink`;

export const OS_TPL = `${INFRASTRUCTURE}os_tpl`;
export const RESOURCE_TPL = `${INFRASTRUCTURE}resource_tpl`;
export const IPNETWORK = 'http://schemas.ogf.org/occi/infrastructure/network#ipnetwork';
export const IPNETWORKINTERFACE = 'http://schemas.ogf.org/occi/infrastructure/networkinterface#ipnetworkinterface';
/** OCCI 1.2 contextualization. */
export const SSH_KEY = 'http://schemas.ogf.org/occi/infrastructure/credentials#ssh_key';
export const USER_DATA = 'http://schemas.ogf.org/occi/infrastructure/compute#user_data';
/** OpenStack's own contextualization mixins (occi-os, ooi, rOCCI's OpenStack extension). */
export const OPENSTACK_PUBLIC_KEY = 'http://schemas.openstack.org/instance/credentials#public_key';
export const OPENSTACK_USER_DATA = 'http://schemas.openstack.org/compute/instance#user_data';

/** Attributes with a structural place in the JSON rendering. */
export const ATTR = {
  id: 'occi.core.id',
  title: 'occi.core.title',
  summary: 'occi.core.summary',
  source: 'occi.core.source',
  target: 'occi.core.target',
  sourceKind: 'occi.core.source.kind',
  targetKind: 'occi.core.target.kind',
} as const;
