import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { userTagId } from './demo-categories.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { category, flavour } from './test-support/categories.ts';
import { pathsOf, send } from './test-support/send.ts';

const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;
const SCHEME = 'http://cloud.example.org/users/alice/tags#';
const WEBTIER = `webtier; scheme="${SCHEME}"; class="mixin"; location="/users/alice/webtier/"`;

function plain(body: string): { headers: Record<string, string>; body: string } {
  return { headers: { 'Content-Type': 'text/plain' }, body };
}

describe('user-defined mixins', () => {
  it('POST /-/ adds one: 200, discoverable, with a working collection', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/-/', plain(`Category: ${WEBTIER}`));
    expect(answer.status).toBe(200);
    expect(answer.parse('categories').mixins.map((m) => m.term)).toEqual(['webtier']);
    const discovered = (await send(cloud, 'GET', '/-/')).parse('categories');
    expect(discovered.mixins.find((m) => m.term === 'webtier')?.location).toBe('/users/alice/webtier/');
    const associate = await send(cloud, 'POST', '/users/alice/webtier/', {
      headers: { 'Content-Type': 'text/occi', 'X-OCCI-Location': WEB },
    });
    expect(associate.status).toBe(200);
    expect(pathsOf(await send(cloud, 'GET', '/users/alice/webtier'))).toEqual([WEB]);
  });

  it('takes a template (rel=resource_tpl) in text/occi headers and in JSON', async () => {
    const cloud = createDemoCloud();
    const text = await send(cloud, 'POST', '/-/', {
      headers: {
        'Content-Type': 'text/occi',
        Category: `extra_large; scheme="http://example.com/occi/my_stuff#"; class="mixin"; location="/mixin/resource_tpl/extra_large/"; rel="${wellKnown.RESOURCE_TPL}"`,
      },
    });
    expect(text.status).toBe(200);
    const json = await send(cloud, 'POST', '/.well-known/org/ogf/occi/-/', {
      headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
      body: JSON.stringify({ mixins: [{ term: 'blue', scheme: SCHEME, location: '/users/alice/blue/' }] }),
    });
    expect(json.status).toBe(200);
    expect(json.parse('categories').mixins[0]?.term).toBe('blue');
  });

  it.each<[string, string, number]>([
    [
      'an existing type id',
      `Category: production; scheme="http://schemas.demo.occi-console.org/tags#"; class="mixin"; location="/t/"`,
      409,
    ],
    ['a taken location', `Category: x; scheme="${SCHEME}"; class="mixin"; location="/tags/production/"`, 409],
    [
      'a location inside a kind collection',
      `Category: x; scheme="${SCHEME}"; class="mixin"; location="/compute/x/"`,
      409,
    ],
    [
      'the reserved OGF scheme',
      'Category: x; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="mixin"; location="/x/"',
      400,
    ],
    ['no location', `Category: x; scheme="${SCHEME}"; class="mixin"`, 400],
    ['a kind', `Category: x; scheme="${SCHEME}"; class="kind"; location="/x/"`, 400],
    [
      'an unknown dependency',
      `Category: x; scheme="${SCHEME}"; class="mixin"; location="/x/"; rel="${SCHEME}nope"`,
      400,
    ],
    ['nothing', '', 400],
  ])('refuses %s (%d)', async (_, body, status) => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/-/', plain(body));
    expect(answer.status).toBe(status);
  });

  it('answers 501 for a user mixin with actions, which the demo cannot run', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/-/', plain(`Category: ${WEBTIER}; actions="${SCHEME}action#deploy"`));
    expect(answer.status).toBe(501);
  });

  it('DELETE /-/ removes a user mixin and its associations: 200', async () => {
    const cloud = createDemoCloud();
    await send(cloud, 'POST', '/-/', plain(`Category: ${WEBTIER}`));
    await send(cloud, 'POST', '/users/alice/webtier/', { headers: { 'X-OCCI-Location': WEB } });
    const answer = await send(cloud, 'DELETE', '/-/', {
      headers: { 'Content-Type': 'text/occi', Category: `webtier; scheme="${SCHEME}"; class="mixin"` },
    });
    expect(answer.status).toBe(200);
    expect((await send(cloud, 'GET', '/users/alice/webtier/')).status).toBe(404);
    expect((await send(cloud, 'GET', WEB)).parse('entity').mixins.some((m) => m.startsWith(SCHEME))).toBe(false);
  });

  it('lets the tenant delete its seeded tags', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'DELETE', '/-/', {
      headers: { Category: category(userTagId('production'), 'mixin') },
    });
    expect(answer.status).toBe(200);
    expect((await send(cloud, 'GET', WEB)).parse('entity').mixins).not.toContain(userTagId('production'));
  });

  it('answers 403 for a provider mixin and 404 for an unknown one', async () => {
    const cloud = createDemoCloud();
    expect((await send(cloud, 'DELETE', '/-/', { headers: { Category: flavour('m1.tiny') } })).status).toBe(403);
    expect(
      (await send(cloud, 'DELETE', '/-/', { headers: { Category: `nope; scheme="${SCHEME}"; class="mixin"` } })).status,
    ).toBe(404);
  });
});
