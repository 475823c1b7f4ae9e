/**
 * The console's URLs for resources, and what to call each Kind. A resource's page is at its
 * location on the server (`/endpoints/demo/resources/compute/<id>`), so the address bar reads
 * like the server's URL and every page can be shared and reloaded.
 */
import { type Kind, typeId, wellKnown } from '../../occi/index.ts';

export function resourcePath(endpointId: string, location: string): string {
  return `/endpoints/${encodeURIComponent(endpointId)}/resources/${location.replace(/^\/+/, '')}`;
}

export function createPath(endpointId: string, collection: string): string {
  return `/endpoints/${encodeURIComponent(endpointId)}/create/${collection.replace(/^\/+/, '')}`;
}

const NAMES: ReadonlyMap<string, { plural: string; singular: string }> = new Map([
  [wellKnown.COMPUTE, { plural: 'Virtual machines', singular: 'virtual machine' }],
  [wellKnown.STORAGE, { plural: 'Volumes', singular: 'volume' }],
  [wellKnown.NETWORK, { plural: 'Networks', singular: 'network' }],
  [wellKnown.STORAGELINK, { plural: 'Storage links', singular: 'storage link' }],
  [wellKnown.NETWORKINTERFACE, { plural: 'Network interfaces', singular: 'network interface' }],
]);

/** The spec's kinds by what a tenant calls them; any other by its title, else its term. */
export function kindNames(kind: Kind): { plural: string; singular: string } {
  const known = NAMES.get(typeId(kind.scheme, kind.term));
  if (known !== undefined) return known;
  const name = kind.title?.trim() || kind.term;
  return { plural: name, singular: name };
}

export function kindLabel(kind: Kind): string {
  return kindNames(kind).plural;
}
