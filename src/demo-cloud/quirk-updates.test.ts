/**
 * POST and PUT on an entity, and a create's id and first state, as each profile's server was
 * measured doing them (quirk-updates.ts, create-entity.ts).
 */
import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { flavorId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, computeAction, flavour, image } from './test-support/categories.ts';
import { pathOfUrl, send } from './test-support/send.ts';

const { ATTR } = wellKnown;
const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const TITLE = 'X-OCCI-Attribute';
const TEMPLATES = `${COMPUTE_KIND}, ${flavour('m1.tiny')}, ${image('cirros-0.3.0-x86_64-blank')}`;

function cloudOf(profile: 'ooi' | 'rocci' | 'pyssf') {
  return createDemoCloud({ profile, actionDelayMs: 0 });
}

async function read(cloud: ReturnType<typeof cloudOf>, location: string) {
  return (await send(cloud, 'GET', location)).parse('entity');
}

describe('ooi: POST is the action route, PUT a resize', () => {
  it('answers a POST without ?action= with 400 "Invalid action None provided." and changes nothing', async () => {
    const cloud = cloudOf('ooi');
    const answer = await send(cloud, 'POST', WEB, { headers: { [TITLE]: 'occi.core.title="renamed"' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Invalid action None provided.');
    expect((await read(cloud, WEB)).attributes.get(ATTR.title)).not.toBe('renamed');
  });

  it('takes a PUT with one resource_tpl as a resize, ignoring attributes, and answers 200 with the entity', async () => {
    const cloud = cloudOf('ooi');
    const answer = await send(cloud, 'PUT', WEB, {
      headers: { Category: flavour('m1.medium'), [TITLE]: 'occi.core.title="renamed"' },
    });
    expect(answer.status).toBe(200);
    const entity = answer.parse('entity');
    expect(entity.mixins).toContain(flavorId('m1.medium'));
    expect(entity.mixins).not.toContain(flavorId('m1.small'));
    expect(entity.attributes.get(ATTR.title)).not.toBe('renamed');
  });

  it('refuses a PUT with an os_tpl (no rebuild) or without a resource_tpl, in its words', async () => {
    const cloud = cloudOf('ooi');
    const os = await send(cloud, 'PUT', WEB, { headers: { Category: image('SmartOS') } });
    expect(os.status).toBe(400);
    expect(os.body).toContain('Schema does not match');
    const nothing = await send(cloud, 'PUT', WEB, { headers: { [TITLE]: 'occi.core.title="renamed"' } });
    expect(nothing.status).toBe(400);
    expect(nothing.body).toContain('Missing OCCI types');
  });

  it('reads the mixins of a JSON PUT only beside the kind, as its JSON parser does', async () => {
    const cloud = cloudOf('ooi');
    const put = (body: object) =>
      send(cloud, 'PUT', WEB, {
        headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
        body: JSON.stringify(body),
      });
    const medium = flavorId('m1.medium');
    const without = await put({ mixins: [medium], attributes: {} });
    expect(without.status).toBe(400);
    expect(without.body).toContain('Missing OCCI types');
    const withKind = await put({ kind: wellKnown.COMPUTE, mixins: [medium], attributes: {} });
    expect(withKind.status).toBe(200);
    expect(withKind.parse('entity').mixins).toContain(medium);
  });

  it("ignores the client's occi.core.id: the server picks the id", async () => {
    const cloud = cloudOf('ooi');
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { Category: TEMPLATES, [TITLE]: 'occi.core.id="mine"' },
    });
    const [location = ''] = answer.parse('location-list').locations;
    expect(pathOfUrl(location)).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
    expect((await read(cloud, location)).attributes.get(ATTR.id)).not.toBe('mine');
  });
});

describe('rOCCI-server 2: POST adds mixins only, PUT is not implemented', () => {
  it('refuses attributes in a POST with 400 and takes a new resource_tpl', async () => {
    const cloud = cloudOf('rocci');
    const attributes = await send(cloud, 'POST', WEB, { headers: { [TITLE]: 'occi.core.title="renamed"' } });
    expect(attributes.status).toBe(400);
    expect(attributes.body).toContain('occi.core.title');
    const resized = await send(cloud, 'POST', WEB, { headers: { Category: flavour('m1.medium') } });
    expect(resized.status).toBe(200);
    expect(resized.parse('entity').mixins).toContain(flavorId('m1.medium'));
  });

  it('answers every PUT with 501', async () => {
    const answer = await send(cloudOf('rocci'), 'PUT', WEB, { headers: { Category: COMPUTE_KIND } });
    expect(answer.status).toBe(501);
  });
});

describe('pyssf: POST merges attributes, PUT replaces them, neither changes mixins', () => {
  it('takes a POST with a new title and a new template, and keeps the old template', async () => {
    const cloud = cloudOf('pyssf');
    const before = await read(cloud, WEB);
    const answer = await send(cloud, 'POST', WEB, {
      headers: { Category: flavour('m1.medium'), [TITLE]: 'occi.core.title="renamed"' },
    });
    expect(answer.status).toBe(200);
    const after = await read(cloud, WEB);
    expect(after.attributes.get(ATTR.title)).toBe('renamed');
    expect(after.mixins).toEqual(before.mixins);
  });

  it('needs the kind in a PUT, and drops the attributes it leaves out', async () => {
    const cloud = cloudOf('pyssf');
    const without = await send(cloud, 'PUT', WEB, { headers: { [TITLE]: 'occi.core.title="renamed"' } });
    expect(without.status).toBe(400);
    // The VM's ssh_key mixin stays, so its key must come along.
    const replaced = await send(cloud, 'PUT', WEB, {
      headers: [
        ['Category', COMPUTE_KIND],
        [TITLE, 'occi.core.title="renamed"'],
        [TITLE, 'occi.credentials.ssh.publickey="ssh-ed25519 AAAA"'],
      ],
    });
    expect(replaced.status).toBe(200);
    const after = await read(cloud, WEB);
    expect(after.attributes.get(ATTR.title)).toBe('renamed');
    expect(after.attributes.has('occi.core.summary')).toBe(false);
  });

  it('leaves a new VM inactive, where only start applies; stop is 400', async () => {
    const cloud = cloudOf('pyssf');
    const created = await send(cloud, 'POST', '/compute/', { headers: { Category: TEMPLATES } });
    const location = created.headers.get('location') ?? '';
    expect((await read(cloud, location)).attributes.get('occi.compute.state')).toBe('inactive');
    const stop = await send(cloud, 'POST', `${location}?action=stop`, { headers: { Category: computeAction('stop') } });
    expect(stop.status).toBe(400);
    const start = await send(cloud, 'POST', `${location}?action=start`, {
      headers: { Category: computeAction('start') },
    });
    expect(start.status).toBe(200);
  });

  it("keeps a client's occi.core.id as the attribute, under a URL of the server's", async () => {
    const cloud = cloudOf('pyssf');
    const created = await send(cloud, 'POST', '/compute/', {
      headers: { Category: TEMPLATES, [TITLE]: 'occi.core.id="mine"' },
    });
    const location = created.headers.get('location') ?? '';
    expect(pathOfUrl(location)).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
    expect((await read(cloud, location)).attributes.get(ATTR.id)).toBe('mine');
  });
});
