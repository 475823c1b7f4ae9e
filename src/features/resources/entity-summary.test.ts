import { describe, expect, it } from 'vitest';
import { type AttributeValue, type Entity, wellKnown } from '../../occi/index.ts';
import {
  type EntityState,
  entityId,
  entityName,
  isTransitional,
  locationInCollection,
  stateOf,
  stateTone,
} from './entity-summary.ts';

function entity(kind: string, attributes: Record<string, AttributeValue>, location?: string): Entity {
  return {
    entityType: 'resource',
    kind,
    mixins: [],
    attributes: new Map(Object.entries(attributes)),
    actions: [],
    links: [],
    ...(location !== undefined && { location }),
  };
}

const vm = (attributes: Record<string, AttributeValue>, location?: string) =>
  entity(wellKnown.COMPUTE, attributes, location);

describe('entityId', () => {
  it('is occi.core.id when the entity carries one, trimmed', () => {
    expect(entityId(vm({ 'occi.core.id': ' 8d2c ' }, 'compute/other'))).toBe('8d2c');
  });

  it('reads a numeric id as text', () => {
    expect(entityId(vm({ 'occi.core.id': 42 }))).toBe('42');
  });

  it('falls back to the last segment of the location, without query, fragment or trailing slash', () => {
    expect(entityId(vm({}, 'compute/abc'))).toBe('abc');
    expect(entityId(vm({}, 'http://host:8787/occi1.2/compute/uuid-1/'))).toBe('uuid-1');
    expect(entityId(vm({}, '/compute/x?action=start#top'))).toBe('x');
  });

  it('falls back to the location when occi.core.id is blank', () => {
    expect(entityId(vm({ 'occi.core.id': '   ' }, 'compute/from-path'))).toBe('from-path');
  });

  it('says so when there is neither', () => {
    expect(entityId(vm({}))).toBe('(no id)');
  });
});

describe('locationInCollection', () => {
  it('is the location the rendering gave', () => {
    expect(locationInCollection('compute/', vm({ 'occi.core.id': 'a' }, 'compute/b'))).toBe('compute/b');
  });

  it('is the collection plus the id when the id is a name', () => {
    expect(locationInCollection('compute/', vm({ 'occi.core.id': 'd54b' }))).toBe('compute/d54b');
  });

  it('is the id when the id is a path (pyssf) or a URL', () => {
    expect(locationInCollection('compute/', vm({ 'occi.core.id': '/compute/d54b' }))).toBe('/compute/d54b');
    expect(locationInCollection('compute/', vm({ 'occi.core.id': 'http://host:8787/compute/d54b' }))).toBe(
      'http://host:8787/compute/d54b',
    );
  });

  it('is the path of its action links when it has no id (pyssf JSON collections)', () => {
    const listed = {
      ...vm({ 'occi.compute.state': 'inactive' }),
      actions: [{ action: 'x#start', href: '/compute/e622?action=start' }],
    };
    expect(locationInCollection('compute/', listed)).toBe('/compute/e622');
  });
});

describe('entityName', () => {
  it('prefers the title', () => {
    expect(entityName(vm({ 'occi.core.title': 'web-01', 'occi.compute.hostname': 'host', 'occi.core.id': '1' }))).toBe(
      'web-01',
    );
  });

  it('uses the host name when the title is missing or blank', () => {
    expect(entityName(vm({ 'occi.compute.hostname': 'db-01', 'occi.core.id': '1' }))).toBe('db-01');
    expect(entityName(vm({ 'occi.core.title': ' ', 'occi.compute.hostname': 'db-01' }))).toBe('db-01');
  });

  it('uses the id when there is neither', () => {
    expect(entityName(vm({ 'occi.core.id': '1' }))).toBe('1');
    expect(entityName(vm({}, 'compute/7'))).toBe('7');
  });
});

describe('stateOf', () => {
  it('reads the state of the entity’s own kind, with its message', () => {
    expect(stateOf(vm({ 'occi.compute.state': 'inactive', 'occi.compute.state.message': 'booting' }))).toEqual({
      attribute: 'occi.compute.state',
      value: 'inactive',
      message: 'booting',
    });
  });

  it('prefers the own kind’s state to another listed first', () => {
    const storage = entity(wellKnown.STORAGE, { 'occi.other.state': 'weird', 'occi.storage.state': 'online' });
    expect(stateOf(storage)).toEqual({ attribute: 'occi.storage.state', value: 'online' });
  });

  it('has no message property when the server gives none or a blank one', () => {
    const state = stateOf(vm({ 'occi.compute.state': 'active', 'occi.compute.state.message': '' }));
    expect(state).toStrictEqual({ attribute: 'occi.compute.state', value: 'active' });
  });

  it('finds any occi.*.state on a provider’s own kind', () => {
    const own = entity('http://example.org/occi#vm', {
      'occi.core.title': 'x',
      'occi.compute.state': 'suspended',
      'occi.compute.state.message': 'paused by the operator',
    });
    expect(stateOf(own)).toEqual({
      attribute: 'occi.compute.state',
      value: 'suspended',
      message: 'paused by the operator',
    });
  });

  it('does not take a state message or a provider attribute for the state', () => {
    const own = entity('http://example.org/occi#vm', {
      'occi.compute.state.message': 'booting',
      'org.opennebula.compute.state': 'RUNNING',
    });
    expect(stateOf(own)).toBeUndefined();
  });

  it('is undefined without a state or with a blank one', () => {
    expect(stateOf(vm({ 'occi.core.title': 'x' }))).toBeUndefined();
    expect(stateOf(vm({ 'occi.compute.state': '  ' }))).toBeUndefined();
  });
});

const state = (value: string, message?: string): EntityState => ({
  attribute: 'occi.compute.state',
  value,
  ...(message !== undefined && { message }),
});

describe('isTransitional', () => {
  it.each([
    ['inactive', 'booting'],
    ['inactive', 'starting'],
    ['active', 'stopping'],
    ['active', 'restarting'],
    ['active', 'saving'],
    ['offline', 'coming online'],
    ['online', 'going offline'],
    ['online', 'taking a snapshot'],
    ['online', 'backing up'],
    ['inactive', 'coming up'],
    ['inactive', 'rebuilding'],
  ])('follows the demo cloud: %s while “%s”', (value, message) => {
    expect(isTransitional(state(value, message))).toBe(true);
  });

  it.each(['backup', 'snapshot', 'resize', 'waiting', 'pending', 'BUILD'])(
    'takes the state %s as on its way, message or not',
    (value) => {
      expect(isTransitional(state(value))).toBe(true);
      expect(isTransitional(state(value, value))).toBe(true);
    },
  );

  it.each([
    ['active', 'active'],
    ['active', 'ACTIVE'],
    ['Inactive', 'inactive'],
  ])('is settled when the message repeats the state (%s / %s)', (value, message) => {
    expect(isTransitional(state(value, message))).toBe(false);
  });

  it('is settled with no message, or a message that names nothing under way', () => {
    expect(isTransitional(state('active'))).toBe(false);
    expect(isTransitional(state('inactive', 'SHUTOFF'))).toBe(false);
    expect(isTransitional(state('active', 'No valid host was found. There are not enough hosts available.'))).toBe(
      false,
    );
  });

  it('is settled when the message describes a settled state (OpenNebula’s RUNNING)', () => {
    expect(isTransitional(state('active', 'RUNNING'))).toBe(false);
    expect(isTransitional(state('active', 'instance is running'))).toBe(false);
  });

  it('follows nova’s statuses as ooi reports them in the message', () => {
    expect(isTransitional(state('inactive', 'BUILD'))).toBe(true);
    expect(isTransitional(state('active', 'REBOOT'))).toBe(true);
    expect(isTransitional(state('active', 'HARD_REBOOT'))).toBe(true);
    expect(isTransitional(state('inactive', 'REBUILD'))).toBe(true);
    expect(isTransitional(state('active', 'RESIZE'))).toBe(true);
    expect(isTransitional(state('active', 'MIGRATING'))).toBe(true);
    expect(isTransitional(state('suspended', 'SUSPENDED'))).toBe(false);
  });

  it('never takes error for on its way, whatever the message says', () => {
    expect(isTransitional(state('error', 'Build of instance aborted: Failure prepping block device.'))).toBe(false);
    expect(isTransitional(state('ERROR', 'rebuilding'))).toBe(false);
  });

  it('is false without a state', () => {
    expect(isTransitional(undefined)).toBe(false);
  });
});

describe('stateTone', () => {
  it.each([
    [undefined, 'neutral'],
    [state('inactive', 'booting'), 'info'],
    [state('backup'), 'info'],
    [state('active'), 'ok'],
    [state('ACTIVE', 'active'), 'ok'],
    [state('online'), 'ok'],
    [state('up'), 'ok'],
    [state('error', 'No valid host was found.'), 'error'],
    [state('failed'), 'error'],
    [state('degraded'), 'error'],
    [state('suspended'), 'warn'],
    [state('inactive'), 'neutral'],
    [state('offline'), 'neutral'],
  ] as const)('%o is %s', (value, tone) => {
    expect(stateTone(value)).toBe(tone);
  });
});
