/** Category fields as clients write them, for request bodies and headers. */
import { splitTypeId, type TypeId, wellKnown } from '../../occi/index.ts';
import {
  COMPUTE_ACTION_SCHEME,
  flavorId,
  NETWORK_ACTION_SCHEME,
  osImageId,
  STORAGE_ACTION_SCHEME,
} from '../demo-categories.ts';

export function category(id: TypeId, cls: 'kind' | 'mixin' | 'action'): string {
  const { scheme, term } = splitTypeId(id);
  return `${term}; scheme="${scheme}"; class="${cls}"`;
}

export const COMPUTE_KIND = category(wellKnown.COMPUTE, 'kind');
export const STORAGE_KIND = category(wellKnown.STORAGE, 'kind');
export const NETWORK_KIND = category(wellKnown.NETWORK, 'kind');
export const STORAGELINK_KIND = category(wellKnown.STORAGELINK, 'kind');
export const NETWORKINTERFACE_KIND = category(wellKnown.NETWORKINTERFACE, 'kind');

export function flavour(term: string): string {
  return category(flavorId(term), 'mixin');
}

export function image(term: string): string {
  return category(osImageId(term), 'mixin');
}

export function computeAction(term: string): string {
  return category(`${COMPUTE_ACTION_SCHEME}${term}`, 'action');
}

export function storageAction(term: string): string {
  return category(`${STORAGE_ACTION_SCHEME}${term}`, 'action');
}

export function networkAction(term: string): string {
  return category(`${NETWORK_ACTION_SCHEME}${term}`, 'action');
}
