import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { standardProfile } from './standard-profile.ts';

/**
 * pyssf (and occi-os on top of it, the seed document's server): every attribute value quoted,
 * numbers too (`occi.compute.cores="2"`); text/occi values comma-folded into one header per name
 * with the body `OK`; the entity's path as its `occi.core.id`; a create answers 201 + `Location`
 * with the body `OK`.
 */
export const pyssfProfile: QuirkBehaviour = {
  ...standardProfile,
  profile: 'pyssf',
  createBodyOk: true,
  idIsPath: true,
  quoteAllValues: true,
};
