/**
 * Answers of ooi 1.2.1 and pyssf 0.4.8 as they came over the wire (test-support/captures/real-ooi
 * and real-pyssf), each parsed to what the server meant.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, Resource } from './model.ts';
import { parseMessage, type Structure, type StructureModels } from './renderings.ts';
import { readHttpCapture } from './test-support/fixtures.ts';
import * as wellKnown from './well-known.ts';

const { ATTR, COMPUTE, STORAGELINK } = wellKnown;
const OOI = 'http://127.0.0.1:9001';
const OOI_VM = `${OOI}/compute/925b8b02-157c-4802-a8f1-87710bb53f57`;
const OOI_VOLUME = `${OOI}/storage/d20286ac-0cb2-421c-bde5-82c174295a6d`;
const OS = 'http://schemas.openstack.org/template/os#';
const FLAVOUR = 'http://schemas.openstack.org/template/resource#';

function parsed<S extends Structure>(structure: S, name: string): StructureModels[S] {
  const capture = readHttpCapture(name);
  return parseMessage(structure, {
    contentType: capture.contentType,
    headers: new Headers(capture.headers),
    body: capture.body,
  });
}

function resource(entity: Entity): Resource {
  if (entity.entityType !== 'resource') throw new Error('not a resource');
  return entity;
}

describe('ooi 1.2.1', () => {
  it.each(['real-ooi/discovery-text-plain.http', 'real-ooi/discovery-text-occi.http', 'real-ooi/discovery-json.http'])(
    '%s: kinds and templates at absolute locations',
    (name) => {
      const categories = parsed('categories', name);
      expect(categories.kinds.find((k) => k.scheme + k.term === COMPUTE)?.location).toBe(`${OOI}/compute/`);
      const templates = categories.mixins.filter((m) => m.scheme === OS || m.scheme === FLAVOUR);
      expect(templates.map((m) => m.term).sort()).toEqual(['SmartOS', 'cirros', 'm1.medium', 'm1.small', 'm1.tiny']);
      expect(templates.find((m) => m.term === 'cirros')?.location).toBe(`${OOI}/os_tpl/cirros`);
    },
  );

  it('says what a compute is only in JSON: its text query interface has no attributes= nor actions=', () => {
    const compute = (name: string) => parsed('categories', name).kinds.find((k) => k.scheme + k.term === COMPUTE);
    expect(compute('real-ooi/discovery-text-plain.http')?.attributes).toEqual([]);
    expect(compute('real-ooi/discovery-text-plain.http')?.actions).toEqual([]);
    expect(compute('real-ooi/discovery-json.http')?.attributes.map((a) => a.name)).toContain('occi.compute.cores');
    expect(compute('real-ooi/discovery-json.http')?.actions).toHaveLength(5);
  });

  it('lists absolute locations in text and uri-list, and names entities only in JSON', () => {
    for (const name of ['real-ooi/compute-text-plain.http', 'real-ooi/compute-uri-list.http']) {
      expect(parsed('entity-collection', name).locations).toEqual([OOI_VM]);
    }
    const [entry] = parsed('entity-collection', 'real-ooi/compute-json.http').resources;
    expect(entry?.mixins).toEqual([]);
    expect([...(entry?.attributes.keys() ?? [])].sort()).toEqual([ATTR.id, ATTR.title]);
  });

  it('answers a create with the new location in the body (text/plain), 200 and no Location', () => {
    const capture = readHttpCapture('real-ooi/create-compute-text-plain.http');
    expect(capture.status).toBe(200);
    expect(capture.headers.some(([name]) => name.toLowerCase() === 'location')).toBe(false);
    expect(parsed('location-list', 'real-ooi/create-compute-text-plain.http').locations).toEqual([OOI_VM]);
  });

  it.each(['real-ooi/vm-text-plain.http', 'real-ooi/vm-text-occi.http', 'real-ooi/vm-json.http'])(
    '%s: a VM with its templates, numbers as numbers and memory in MiB',
    (name) => {
      const vm = resource(parsed('entity', name));
      expect(vm.kind).toBe(COMPUTE);
      expect(vm.mixins).toEqual([`${OS}cirros`, `${FLAVOUR}m1.tiny`]);
      expect(vm.attributes.get('occi.compute.memory')).toBe(512);
      expect(vm.attributes.get('occi.compute.cores')).toBe(1);
      expect(vm.actions.map((a) => a.action.slice(a.action.indexOf('#') + 1))).toEqual([
        'start',
        'stop',
        'restart',
        'suspend',
        'save',
      ]);
    },
  );

  it('writes a link with its own location in <…> and its target as an attribute', () => {
    const vm = resource(parsed('entity', 'real-ooi/vm-linked-text-plain.http'));
    const volume = vm.links.find((link) => link.kind === STORAGELINK);
    expect(volume?.attributes.get(ATTR.target)).toBe(OOI_VOLUME);
    expect(volume?.attributes.get(ATTR.source)).toBe(OOI_VM);
    expect(volume?.location).toMatch(new RegExp(`^${OOI}/storagelink/`));
    expect(volume?.attributes.get('occi.storagelink.deviceid')).toBe('/dev/vdb');
  });

  it('refuses in plain words: no templates, POST without an action, a PUT that is no resize', () => {
    const said = (name: string) => readHttpCapture(name);
    expect(said('real-ooi/create-compute-no-templates.http')).toMatchObject({
      status: 400,
      body: "Missing OCCI types: 'http://schemas.openstack.org/template/os#'.",
    });
    expect(said('real-ooi/update-post-400.http').body).toContain('Invalid action None provided.');
    expect(said('real-ooi/rebuild-put-400.http').status).toBe(400);
    expect(said('real-ooi/resize-put.http').status).toBe(200);
    expect(resource(parsed('entity', 'real-ooi/resize-put.http')).mixins).toContain(`${FLAVOUR}m1.medium`);
  });
});

describe('pyssf 0.4.8', () => {
  it.each([
    'real-pyssf/discovery-text-plain.http',
    'real-pyssf/discovery-text-occi.http',
    'real-pyssf/discovery-json.http',
  ])('%s: no core kinds, compute with its attributes and actions', (name) => {
    const categories = parsed('categories', name);
    expect(categories.kinds.map((k) => k.term)).not.toContain('resource');
    const compute = categories.kinds.find((k) => k.scheme + k.term === COMPUTE);
    expect(compute?.location).toMatch(/\/compute\/$/);
    expect(compute?.attributes.find((a) => a.name === 'occi.compute.state')?.mutable).toBe(false);
    expect(compute?.actions).toHaveLength(4);
  });

  it('starts text/plain with an empty line and a uri-list with a comment, and lists absolute URLs', () => {
    expect(readHttpCapture('real-pyssf/vm-text-plain.http').body.startsWith('\n')).toBe(true);
    expect(readHttpCapture('real-pyssf/compute-uri-list.http').body.startsWith('# uri:/compute/')).toBe(true);
    for (const name of ['real-pyssf/compute-text-plain.http', 'real-pyssf/compute-uri-list.http']) {
      const { locations } = parsed('entity-collection', name);
      expect(locations).toHaveLength(3);
      for (const location of locations) expect(location).toMatch(/^http:\/\/127\.0\.0\.1:9002\/compute\//);
    }
  });

  it.each(['real-pyssf/vm-text-plain.http', 'real-pyssf/vm-text-occi.http', 'real-pyssf/vm-json.http'])(
    '%s: a new VM inactive, its path as its id, only start offered',
    (name) => {
      const vm = resource(parsed('entity', name));
      expect(vm.attributes.get(ATTR.id)).toBe('/compute/e6224f1e-04e5-4cea-82eb-7b8a6777da89');
      expect(vm.attributes.get('occi.compute.state')).toBe('inactive');
      expect(vm.actions.map((a) => a.href)).toEqual(['/compute/e6224f1e-04e5-4cea-82eb-7b8a6777da89?action=start']);
    },
  );

  it('answers an action with the entity, and an action that does not apply with 400', () => {
    expect(resource(parsed('entity', 'real-pyssf/action-start.http')).attributes.get('occi.compute.state')).toBe(
      'active',
    );
    expect(readHttpCapture('real-pyssf/action-stop-inactive-400.http').status).toBe(400);
  });

  it('lists JSON collections without ids: an entry is known by its action links only', () => {
    const { resources } = parsed('entity-collection', 'real-pyssf/compute-json.http');
    expect(resources).toHaveLength(3);
    for (const entry of resources) {
      expect(entry.attributes.has(ATTR.id)).toBe(false);
      expect(entry.actions[0]?.href).toMatch(/^\/compute\/[0-9a-f-]{36}\?action=/);
    }
  });

  it('has no JSON parser: a JSON create is 500; a path without its trailing slash is 404', () => {
    expect(readHttpCapture('real-pyssf/create-json-500.http').status).toBe(500);
    expect(readHttpCapture('real-pyssf/no-trailing-slash-404.http').status).toBe(404);
    const created = readHttpCapture('real-pyssf/create-compute-text-occi.http');
    expect(created.status).toBe(201);
    expect(created.body).toBe('OK');
  });
});
