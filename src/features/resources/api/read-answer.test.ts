import { describe, expect, it } from 'vitest';
import type { OcciAnswer } from '../../../lib/occi-client.ts';
import {
  type OcciMediaType,
  type Resource,
  renderingOf,
  renderMessage,
  type Structure,
  wellKnown,
} from '../../../occi/index.ts';
import { createdLocation, entityOfAnswer } from './read-answer.ts';

/** An answer as the occi client hands it to a write that asked for no structure: the body as sent. */
function answer(status: number, headers: ReadonlyArray<readonly [string, string]>, body = ''): OcciAnswer<Structure> {
  const all = new Headers(headers.map(([name, value]) => [name, value] as [string, string]));
  return { model: null, status, headers: all, rendering: renderingOf(all.get('content-type')), body };
}

const VM: Resource = {
  entityType: 'resource',
  kind: wellKnown.COMPUTE,
  mixins: ['http://schemas.openstack.org/template/resource#m1.tiny'],
  attributes: new Map<string, string | number>([
    ['occi.core.id', 'f0e1'],
    ['occi.core.title', 'web-03'],
    ['occi.compute.state', 'inactive'],
    ['occi.compute.state.message', 'booting'],
    ['occi.compute.cores', 1],
  ]),
  actions: [],
  links: [],
};

/** The entity rendered as a server would answer a create with it. */
function rendered(mediaType: OcciMediaType, extra: ReadonlyArray<readonly [string, string]> = []) {
  const message = renderMessage('entity', VM, mediaType);
  return answer(201, [['Content-Type', message.contentType], ...message.headers, ...extra], message.body);
}

describe('entityOfAnswer', () => {
  it.each(['text/plain', 'application/occi+json'] as const)('reads the entity in the body (%s)', (mediaType) => {
    const entity = entityOfAnswer(rendered(mediaType));
    expect(entity?.kind).toBe(wellKnown.COMPUTE);
    expect(entity?.mixins).toEqual(VM.mixins);
    expect(entity?.attributes.get('occi.core.title')).toBe('web-03');
    expect(entity?.attributes.get('occi.compute.state.message')).toBe('booting');
  });

  it('reads the entity in text/occi headers, with an empty body (ooi) or the body OK (pyssf)', () => {
    const message = renderMessage('entity', VM, 'text/occi');
    for (const body of ['', 'OK', 'OK\n']) {
      const entity = entityOfAnswer(answer(200, [['Content-Type', 'text/occi'], ...message.headers], body));
      expect(entity?.attributes.get('occi.core.id'), JSON.stringify(body)).toBe('f0e1');
    }
  });

  it('reads rOCCI-server 2’s X-OCCI-Category header with an empty body', () => {
    const message = renderMessage('entity', VM, 'text/occi');
    const headers = message.headers.map(([name, value]): [string, string] => [
      name.toLowerCase() === 'category' ? 'X-OCCI-Category' : name,
      value,
    ]);
    const entity = entityOfAnswer(answer(200, [['Content-Type', 'text/occi'], ...headers]));
    expect(entity?.kind).toBe(wellKnown.COMPUTE);
  });

  it('finds no entity in an empty 204, nor in a 200 with no body', () => {
    expect(entityOfAnswer(answer(204, []))).toBeNull();
    expect(entityOfAnswer(answer(200, [['Content-Type', 'text/plain']]))).toBeNull();
  });

  it('finds no entity in OK', () => {
    expect(entityOfAnswer(answer(200, [['Content-Type', 'text/plain']], 'OK'))).toBeNull();
    expect(entityOfAnswer(answer(200, [['Content-Type', 'text/occi']], 'OK'))).toBeNull();
  });

  it('finds no entity in a body that only says where the new one is', () => {
    const body = 'X-OCCI-Location: http://127.0.0.1:8787/compute/f0e1\n';
    expect(entityOfAnswer(answer(201, [['Content-Type', 'text/plain']], body))).toBeNull();
    expect(entityOfAnswer(answer(200, [['Content-Type', 'text/uri-list']], 'http://h/compute/f0e1\n'))).toBeNull();
  });

  it('finds no entity in what is no OCCI rendering or does not parse', () => {
    expect(entityOfAnswer(answer(200, [['Content-Type', 'text/html']], '<html><title>Hi</title></html>'))).toBeNull();
    expect(entityOfAnswer(answer(200, [['Content-Type', 'application/occi+json']], '{"kind": '))).toBeNull();
    expect(entityOfAnswer(answer(200, [], 'Category: compute'))).toBeNull();
  });
});

describe('createdLocation', () => {
  it('takes the Location header first', () => {
    const created = answer(201, [
      ['Location', 'http://127.0.0.1:8787/compute/a'],
      ['X-OCCI-Location', 'http://127.0.0.1:8787/compute/b'],
    ]);
    expect(createdLocation(created)).toBe('http://127.0.0.1:8787/compute/a');
  });

  it('takes X-OCCI-Location when there is no Location (ooi’s 200)', () => {
    const created = answer(200, [
      ['Content-Type', 'text/plain'],
      ['X-OCCI-Location', 'http://127.0.0.1:8787/occi1.2/compute/b'],
    ]);
    expect(createdLocation(created)).toBe('http://127.0.0.1:8787/occi1.2/compute/b');
  });

  it('takes X-OCCI-Location when Location is there but empty', () => {
    const created = answer(201, [
      ['Location', ' '],
      ['X-OCCI-Location', '/compute/b'],
    ]);
    expect(createdLocation(created)).toBe('/compute/b');
  });

  it('takes the first of a comma-joined list (rOCCI-server 1)', () => {
    expect(createdLocation(answer(201, [['Location', ' /compute/a , /compute/b']]))).toBe('/compute/a');
  });

  it('reads the location in a text/plain body (rOCCI-server 1)', () => {
    const body = 'X-OCCI-Location: http://127.0.0.1:8787/compute/f0e1\n';
    expect(createdLocation(answer(201, [['Content-Type', 'text/plain; charset=utf-8']], body))).toBe(
      'http://127.0.0.1:8787/compute/f0e1',
    );
  });

  it('reads a uri-list body', () => {
    const body = '# created\nhttp://127.0.0.1:8787/compute/f0e1\n';
    expect(createdLocation(answer(201, [['Content-Type', 'text/uri-list']], body))).toBe(
      'http://127.0.0.1:8787/compute/f0e1',
    );
  });

  it('reads rOCCI’s JSON array of locations', () => {
    const body = '["http://127.0.0.1:8787/compute/f0e1"]';
    expect(createdLocation(answer(201, [['Content-Type', 'application/occi+json']], body))).toBe(
      'http://127.0.0.1:8787/compute/f0e1',
    );
  });

  it('finds none in an entity answered without a location, an empty 204, or OK', () => {
    expect(createdLocation(rendered('application/occi+json'))).toBeNull();
    expect(createdLocation(rendered('text/plain'))).toBeNull();
    expect(createdLocation(answer(204, []))).toBeNull();
    expect(createdLocation(answer(201, [['Content-Type', 'text/plain']], 'OK'))).toBeNull();
    expect(createdLocation(answer(201, [['Content-Type', 'text/html']], '<p>Created</p>'))).toBeNull();
  });
});
