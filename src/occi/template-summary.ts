/**
 * What a resource template sets, for a flavour picker ("2 cores, 4 GiB").
 */
import { coerceAttributeValue, memoryInGiB } from './attribute-typing.ts';
import type { Attributes, AttributeValue } from './model.ts';
import type { ResolvedAttribute } from './resolve-attribute.ts';
import type { ServerProfile } from './server-profile.ts';

export interface TemplateSummary {
  readonly cores?: number;
  /** GiB, as the spec defines occi.compute.memory (ooi's MiB converted). */
  readonly memory?: number;
  /** GHz (1.1; rOCCI and the CRTP templates still set it). */
  readonly speed?: number;
  readonly architecture?: string;
  /** occi.compute.ephemeral_storage.size (CRTP, ooi), GB. */
  readonly ephemeralStorage?: number;
  /** Every attribute default the template and the mixins it depends on set, typed. */
  readonly defaults: Attributes;
  /**
   * `defaults`: the figures come from attribute defaults (OCCI 1.2 templates). `title`: the
   * template has no defaults (1.1) and its title reads like rOCCI-server 1's
   * "m1.small - 1 core and 1.7 GB RAM". `none`: nothing to show.
   */
  readonly from: 'defaults' | 'title' | 'none';
}

/**
 * rOCCI-server 1 (OpenNebula, EC2 and FedCloud sites alike) writes every flavour title as
 * "<name> - <n> core(s) and <x> GB [of] RAM". Only that shape is read: a title that merely
 * mentions numbers is not taken as sizing.
 */
const TITLE =
  /(?:^|[\s(,;:-])(\d{1,4}) (?:v?cpus?|cores?) and (\d{1,7}(?:\.\d{1,6})?) ?(GB|GiB|MB|MiB) (?:of )?(?:RAM|memory)\b/i;

export function parseTemplateTitle(title: string): { readonly cores: number; readonly memory: number } | null {
  const match = TITLE.exec(title.replace(/\s+/g, ' '));
  if (match === null) return null;
  const [, cores, amount, unit] = match;
  const memory = Number(amount) / (unit?.toUpperCase().startsWith('M') ? 1024 : 1);
  const count = Number(cores);
  if (!Number.isFinite(memory) || !Number.isInteger(count) || count === 0) return null;
  return { cores: count, memory };
}

function numberOf(value: AttributeValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  const coerced = coerceAttributeValue(value, { type: 'number' });
  return typeof coerced === 'number' ? coerced : undefined;
}

/**
 * Summarises a template from its resolved attribute definitions (its own and those of the mixins
 * it depends on) and, failing defaults, from its title.
 */
export function templateSummary(
  attributes: readonly ResolvedAttribute[],
  title: string | undefined,
  serverProfile: ServerProfile = 'generic',
): TemplateSummary {
  const defaults = new Map<string, AttributeValue>();
  for (const attribute of attributes) {
    if (attribute.default !== undefined) {
      defaults.set(attribute.name, coerceAttributeValue(attribute.default, attribute));
    }
  }
  const cores = numberOf(defaults.get('occi.compute.cores'));
  const memory = memoryInGiB(defaults.get('occi.compute.memory'), serverProfile) ?? undefined;
  const speed = numberOf(defaults.get('occi.compute.speed'));
  const architecture = defaults.get('occi.compute.architecture');
  const ephemeralStorage = numberOf(defaults.get('occi.compute.ephemeral_storage.size'));
  if (cores !== undefined || memory !== undefined) {
    return {
      ...(cores !== undefined && { cores }),
      ...(memory !== undefined && { memory }),
      ...(speed !== undefined && { speed }),
      ...(typeof architecture === 'string' && { architecture }),
      ...(ephemeralStorage !== undefined && { ephemeralStorage }),
      defaults,
      from: 'defaults',
    };
  }
  const parsed = title === undefined ? null : parseTemplateTitle(title);
  if (parsed !== null) return { cores: parsed.cores, memory: parsed.memory, defaults, from: 'title' };
  return { defaults, from: 'none' };
}
