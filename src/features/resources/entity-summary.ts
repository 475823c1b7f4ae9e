/**
 * What a list row or a page title needs to know of an entity, whatever its kind: a name a tenant
 * recognises, its state, and whether that state is on its way somewhere else (so it is polled).
 */
import { type Entity, termOf } from '../../occi/index.ts';

export interface EntityState {
  /** The attribute it was read from: `occi.compute.state`. */
  readonly attribute: string;
  readonly value: string;
  /** `occi.<kind>.state.message`, when the server gives one ("booting"). */
  readonly message?: string;
}

/** States that are on their way to another (GFD.224's storage backup, snapshot, resize, and what servers add). */
const TRANSITIONAL = new Set([
  'waiting',
  'pending',
  'build',
  'building',
  'booting',
  'creating',
  'starting',
  'stopping',
  'rebooting',
  'restarting',
  // nova's REBOOT, HARD_REBOOT and REBUILD statuses, which ooi passes on in the state message.
  'reboot',
  'rebuild',
  'suspending',
  'resuming',
  'migrating',
  'updating',
  'deleting',
  'attaching',
  'detaching',
  'backup',
  'snapshot',
  'resize',
  'resizing',
]);

/**
 * Words ending in -ing that describe a settled state, not something under way: OpenNebula's
 * `RUNNING`, "instance is running", "nothing to do".
 */
const SETTLED_WORDS = new Set([
  'running',
  'nothing',
  'something',
  'missing',
  'existing',
  'remaining',
  'during',
  'warning',
]);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The entity's id: `occi.core.id`, else the last segment of its location. */
export function entityId(entity: Entity): string {
  const id = text(entity.attributes.get('occi.core.id'));
  if (id !== undefined) return id;
  const segments = (entity.location ?? '').split(/[?#]/)[0]?.split('/').filter(Boolean) ?? [];
  return segments.at(-1) ?? '(no id)';
}

/**
 * An entity that carries nothing beyond its name: ooi lists each VM in OCCI JSON, and answers a
 * JSON create, with kind, id, title and actions only, no state, no mixins, no other attribute.
 * Such an entity is read in full before it is shown; a page would otherwise show no state and no
 * templates until a reload.
 */
export function isNameOnly(entity: Entity): boolean {
  for (const name of entity.attributes.keys()) if (!name.startsWith('occi.core.')) return false;
  return entity.mixins.length === 0;
}

/**
 * Where an entity that came without its location (an OCCI JSON collection, a create answered with
 * the entity only) lives: the collection's location plus its id, unless the id is a path itself,
 * as pyssf makes it (`/compute/<uuid>`), or a URL.
 */
export function locationInCollection(collection: string, entity: Entity): string {
  if (entity.location !== undefined) return entity.location;
  const id = text(entity.attributes.get('occi.core.id'));
  if (id !== undefined) return id.includes('/') ? id : `${collection}${id}`;
  // pyssf's JSON collections give no id: an action link names the entity (`/compute/<uuid>?action=start`).
  const href = entity.actions.find((action) => action.href !== undefined)?.href?.split(/[?#]/)[0];
  return href !== undefined && href !== '' ? href : `${collection}${entityId(entity)}`;
}

/** What to call it: its title, else its host name, else its id. */
export function entityName(entity: Entity): string {
  return (
    text(entity.attributes.get('occi.core.title')) ??
    text(entity.attributes.get('occi.compute.hostname')) ??
    entityId(entity)
  );
}

/**
 * `occi.<kind term>.state` (and its message). A kind of a provider's own is matched by the
 * `.state` attribute of its parent's shape: the first `occi.*.state` the entity carries.
 */
export function stateOf(entity: Entity): EntityState | undefined {
  const own = `occi.${termOf(entity.kind)}.state`;
  let attribute = entity.attributes.has(own) ? own : undefined;
  if (attribute === undefined) {
    for (const name of entity.attributes.keys()) {
      if (/^occi\.[a-z_]+\.state$/.test(name)) {
        attribute = name;
        break;
      }
    }
  }
  if (attribute === undefined) return undefined;
  const value = text(entity.attributes.get(attribute));
  if (value === undefined) return undefined;
  const message = text(entity.attributes.get(`${attribute}.message`));
  return { attribute, value, ...(message !== undefined && { message }) };
}

/**
 * Whether the entity is on its way to another state: a transitional state, or a state message
 * that says something else than the state and names something under way ("booting",
 * "coming online" while `offline`). A server that repeats the state in its message (`active` /
 * `ACTIVE`), or describes a settled state, is settled.
 */
export function isTransitional(state: EntityState | undefined): boolean {
  if (state === undefined) return false;
  const value = state.value.toLowerCase();
  if (TRANSITIONAL.has(value)) return true;
  if (value === 'error' || state.message === undefined) return false;
  const message = state.message.toLowerCase();
  if (message === value) return false;
  return message
    .split(/[^a-z]+/)
    .some((word) => TRANSITIONAL.has(word) || (word.length > 4 && word.endsWith('ing') && !SETTLED_WORDS.has(word)));
}

/** The badge tone of a state. */
export function stateTone(state: EntityState | undefined): 'ok' | 'warn' | 'error' | 'info' | 'neutral' {
  if (state === undefined) return 'neutral';
  if (isTransitional(state)) return 'info';
  const value = state.value.toLowerCase();
  if (value === 'active' || value === 'online' || value === 'up') return 'ok';
  if (value === 'error' || value === 'failed' || value === 'degraded') return 'error';
  if (value === 'suspended') return 'warn';
  return 'neutral';
}
