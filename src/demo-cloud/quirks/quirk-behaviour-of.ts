import type { QuirkProfile } from '../demo-cloud-options.ts';
import { ooiProfile } from './ooi-profile.ts';
import { pyssfProfile } from './pyssf-profile.ts';
import type { QuirkBehaviour } from './quirk-behaviour.ts';
import { rocciProfile } from './rocci-profile.ts';
import { standardProfile } from './standard-profile.ts';

const BEHAVIOURS: { readonly [P in QuirkProfile]: QuirkBehaviour } = {
  standard: standardProfile,
  ooi: ooiProfile,
  rocci: rocciProfile,
  pyssf: pyssfProfile,
};

export function quirkBehaviourOf(profile: QuirkProfile): QuirkBehaviour {
  return BEHAVIOURS[profile];
}
