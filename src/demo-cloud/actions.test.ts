import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { COMPUTE_ACTION_SCHEME, OS_TEMPLATE_SCHEME } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, computeAction, image, networkAction, storageAction } from './test-support/categories.ts';
import { fakeClock, pathsOf, send } from './test-support/send.ts';

const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const RUNNER = `/compute/${SEED_DOCUMENT_IDS.buildRunner}`;
const STAGING = '/compute/5c3d9a7e-21f4-4b6e-a0d8-7e9f13c2b845';
const BROKEN = '/compute/a41f0e62-8d3b-4c97-b5e1-0f6c2d9a7b38';

function invoke(...headers: [string, string][]): { headers: [string, string][] } {
  return { headers: [['Content-Type', 'text/occi'], ...headers] };
}

function stateOf(answer: { parse: (s: 'entity') => { attributes: ReadonlyMap<string, unknown> } }, kind = 'compute') {
  return answer.parse('entity').attributes.get(`occi.${kind}.state`);
}

describe('actions on an entity', () => {
  it('stops an active VM: 200 with the entity, stopping, then inactive after the delay', async () => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ now: clock.now, actionDelayMs: 1500 });
    const answer = await send(cloud, 'POST', `${WEB}?action=stop`, invoke(['Category', computeAction('stop')]));
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    expect(entity.attributes.get('occi.compute.state')).toBe('active');
    expect(entity.attributes.get('occi.compute.state.message')).toBe('stopping');
    expect(entity.actions).toEqual([]);
    const busy = await send(cloud, 'POST', `${WEB}?action=restart`, invoke(['Category', computeAction('restart')]));
    expect(busy.status).toBe(409);
    expect(busy.body).toContain('stopping');
    clock.advance(1500);
    const stopped = await send(cloud, 'GET', WEB);
    expect(stateOf(stopped)).toBe('inactive');
    expect(stopped.parse('entity').actions.map((a) => a.action)).toEqual([`${COMPUTE_ACTION_SCHEME}start`]);
  });

  it.each([
    [RUNNER, 'start', 'active'],
    [WEB, 'suspend', 'suspended'],
    [STAGING, 'start', 'active'],
    [WEB, 'restart', 'active'],
    // The demo lets start recover a VM in error.
    [BROKEN, 'start', 'active'],
  ])('%s ?action=%s reaches %s', async (location, term, state) => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', `${location}?action=${term}`, invoke(['Category', computeAction(term)]));
    expect(answer.status).toBe(200);
    expect(stateOf(answer)).toBe(state);
  });

  it('answers 409 for an action that does not apply now, saying the state and what applies', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', `${RUNNER}?action=stop`, invoke(['Category', computeAction('stop')]));
    expect(answer.status).toBe(409);
    expect(answer.body).toContain('it is inactive');
    expect(answer.body).toContain('what applies now: start');
    const broken = await send(
      cloud,
      'POST',
      `${BROKEN}?action=restart`,
      invoke(['Category', computeAction('restart')]),
    );
    expect(broken.status).toBe(409);
    expect(broken.body).toContain('it is error');
  });

  it.each<[string, string, { headers: [string, string][] }, RegExp]>([
    ['no action category', 'stop', invoke(), /action category/],
    [
      'a category of another term',
      'stop',
      invoke(['Category', computeAction('start')]),
      /does not match \?action=stop/,
    ],
    [
      'two action categories',
      'stop',
      invoke(['Category', `${computeAction('stop')}, ${computeAction('start')}`]),
      /single action/,
    ],
    [
      'a kind beside the action',
      'stop',
      invoke(['Category', `${computeAction('stop')}, ${COMPUTE_KIND}`]),
      /only the action category/,
    ],
    ['an action of another kind', 'up', invoke(['Category', networkAction('up')]), /not defined for/],
    ['an unknown action', 'fly', invoke(['Category', computeAction('fly')]), /unknown action/],
    [
      'a bad parameter value',
      'stop',
      invoke(['Category', computeAction('stop')], ['X-OCCI-Attribute', 'method="yank"']),
      /method must be one of graceful, acpioff, poweroff/,
    ],
    [
      'an unknown parameter',
      'stop',
      invoke(['Category', computeAction('stop')], ['X-OCCI-Attribute', 'force=true']),
      /takes no parameter force/,
    ],
    ['an empty ?action=', '', invoke(['Category', computeAction('stop')]), /names no action/],
  ])('answers 400 for %s', async (_, term, request, reason) => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', `${WEB}?action=${term}`, request);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(reason);
  });

  it('takes the invocation in JSON and text/plain too', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const json = await send(cloud, 'POST', `${WEB}?action=stop`, {
      headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
      body: JSON.stringify({ action: `${COMPUTE_ACTION_SCHEME}stop`, attributes: { method: 'acpioff' } }),
    });
    expect(json.status).toBe(200);
    expect(stateOf(json)).toBe('inactive');
    const plain = await send(cloud, 'POST', `${WEB}?action=start`, {
      headers: { 'Content-Type': 'text/plain' },
      body: `Category: ${computeAction('start')}`,
    });
    expect(plain.status).toBe(200);
    expect(stateOf(plain)).toBe('active');
  });

  it('takes storage through the transient states of OCCI 1.1, and resizes', async () => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ now: clock.now, actionDelayMs: 100 });
    const backup = await send(cloud, 'POST', '/storage/1?action=backup', invoke(['Category', storageAction('backup')]));
    expect(stateOf(backup, 'storage')).toBe('backup');
    clock.advance(100);
    expect(stateOf(await send(cloud, 'GET', '/storage/1'), 'storage')).toBe('online');
    const missing = await send(
      cloud,
      'POST',
      '/storage/1?action=resize',
      invoke(['Category', storageAction('resize')]),
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('size');
    const resize = await send(
      cloud,
      'POST',
      '/storage/1?action=resize',
      invoke(['Category', storageAction('resize')], ['X-OCCI-Attribute', 'size=5']),
    );
    expect(resize.status).toBe(200);
    expect(stateOf(resize, 'storage')).toBe('resize');
    expect(resize.parse('entity').attributes.get('occi.storage.size')).toBe(1);
    clock.advance(100);
    const resized = (await send(cloud, 'GET', '/storage/1')).parse('entity');
    expect(resized.attributes.get('occi.storage.size')).toBe(5);
    expect(resized.attributes.get('occi.storage.state')).toBe('online');
    const offline = await send(
      cloud,
      'POST',
      '/storage/4?action=online',
      invoke(['Category', storageAction('online')]),
    );
    expect(offline.status).toBe(200);
  });

  it('brings a network up and down', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const up = await send(cloud, 'POST', '/network/dmz?action=up', invoke(['Category', networkAction('up')]));
    expect(stateOf(up, 'network')).toBe('active');
    const down = await send(cloud, 'POST', '/network/dmz?action=down', invoke(['Category', networkAction('down')]));
    expect(stateOf(down, 'network')).toBe('inactive');
  });

  it('saves a VM as a new OS template, answered with its category', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      `${WEB}?action=save`,
      invoke(['Category', computeAction('save')], ['X-OCCI-Attribute', 'name="web golden image"']),
    );
    expect(answer.status).toBe(200);
    const [saved] = answer.parse('categories').mixins;
    expect(saved?.scheme).toBe(OS_TEMPLATE_SCHEME);
    expect(saved?.term).toBe('web-golden-image');
    expect(saved?.depends).toEqual([wellKnown.OS_TPL]);
    const discovered = (await send(cloud, 'GET', '/-/')).parse('categories');
    expect(discovered.mixins.some((m) => m.term === 'web-golden-image')).toBe(true);
    // The new template can be used at once.
    const vm = await send(
      cloud,
      'POST',
      '/compute/',
      invoke(['Category', `${COMPUTE_KIND}, ${image('web-golden-image')}`]),
    );
    expect(vm.status).toBe(201);
  });
});

describe('actions on a collection', () => {
  it('runs on every member it applies to, leaves the others, 200 with those it ran on', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/compute/?action=stop', invoke(['Category', computeAction('stop')]));
    expect(answer.status).toBe(200);
    expect(pathsOf(answer)).toHaveLength(3);
    const active = await send(cloud, 'GET', '/compute/', {
      headers: { 'X-OCCI-Attribute': 'occi.compute.state="active"' },
    });
    expect(pathsOf(active)).toEqual([]);
  });

  it('does nothing (409) while a member is busy', async () => {
    const clock = fakeClock();
    const cloud = createDemoCloud({ now: clock.now });
    await send(cloud, 'POST', `${RUNNER}?action=start`, invoke(['Category', computeAction('start')]));
    const answer = await send(cloud, 'POST', '/compute/?action=stop', invoke(['Category', computeAction('stop')]));
    expect(answer.status).toBe(409);
    expect(answer.body).toContain(`${RUNNER} is starting`);
    expect(stateOf(await send(cloud, 'GET', WEB))).toBe('active');
  });

  it('refuses an action the collection does not define (400)', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/storage/?action=stop', invoke(['Category', computeAction('stop')]));
    expect(answer.status).toBe(400);
  });

  it('runs on the members of a mixin collection', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(
      cloud,
      'POST',
      '/tags/production/?action=stop',
      invoke(['Category', computeAction('stop')]),
    );
    expect(answer.status).toBe(200);
    expect(pathsOf(answer).sort()).toEqual([WEB, `/compute/${SEED_DOCUMENT_IDS.db}`].sort());
  });
});
