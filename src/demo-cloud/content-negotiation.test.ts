import { describe, expect, it } from 'vitest';
import { wellKnown } from '../occi/index.ts';
import { createDemoCloud } from './create-demo-cloud.ts';
import { SEED_DOCUMENT_IDS } from './seed-tenant.ts';
import { COMPUTE_KIND, flavour, image } from './test-support/categories.ts';
import { ORIGIN, pathOfUrl, pathsOf, send } from './test-support/send.ts';

const WEB = `/compute/${SEED_DOCUMENT_IDS.web}`;

describe('response rendering from Accept', () => {
  const cloud = createDemoCloud({ actionDelayMs: 0 });

  it.each([
    [undefined, 'text/plain'],
    ['*/*', 'text/plain'],
    ['text/*', 'text/plain'],
    ['text/plain', 'text/plain'],
    ['text/occi', 'text/occi'],
    ['text/occi+plain', 'text/occi+plain'],
    ['application/occi+json', 'application/occi+json'],
    ['application/json', 'application/json'],
    ['text/plain;q=0.5, application/occi+json', 'application/occi+json'],
    ['application/occi+json;q=0.2, text/occi;q=0.9', 'text/occi'],
    ['text/occi, text/plain', 'text/occi'],
    ['image/png, */*;q=0.1', 'text/plain'],
    ['text/uri-list, text/plain;q=0.5', 'text/plain'],
  ])('renders an entity for Accept %s as %s', async (accept, expected) => {
    const answer = await send(cloud, 'GET', WEB, accept === undefined ? {} : { headers: { Accept: accept } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(expected);
    expect(answer.parse('entity').kind).toBe(wellKnown.COMPUTE);
  });

  it('gives text/occi answers the body OK, the rendering in headers', async () => {
    const answer = await send(cloud, 'GET', WEB, { headers: { Accept: 'text/occi' } });
    expect(answer.body).toBe('OK');
    expect(answer.headers.get('x-occi-attribute')).toContain('occi.core.title="web-01"');
  });

  it('lists a collection as text/uri-list when asked', async () => {
    const answer = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'text/uri-list' } });
    expect(answer.headers.get('content-type')).toBe('text/uri-list');
    expect(answer.body.split(/\r?\n/)).toContain(`${ORIGIN}${WEB}`);
    expect(pathsOf(answer)).toContain(WEB);
  });

  it('answers 400 when only text/uri-list is acceptable for something that is no listing (GFD.185)', async () => {
    const answer = await send(cloud, 'GET', WEB, { headers: { Accept: 'text/uri-list' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('text/plain');
    expect(answer.body).toContain('text/uri-list');
  });

  it.each(['image/png', 'application/xml, text/html', 'text/plain;q=0'])(
    'answers Accept %s with 406',
    async (accept) => {
      const answer = await send(cloud, 'GET', '/-/', { headers: { Accept: accept } });
      expect(answer.status).toBe(406);
      expect(answer.headers.get('content-type')).toBe('text/plain');
      expect(answer.body).toContain('text/plain, text/occi, application/occi+json');
    },
  );

  it('sends Server with OCCI/1.2 on every answer', async () => {
    for (const path of ['/-/', '/compute/', WEB, '/nowhere']) {
      const answer = await send(cloud, 'GET', path);
      expect(answer.headers.get('server')).toBe('occi-console-demo/0.1 OCCI/1.2');
    }
  });

  it('answers a client that speaks only a higher OCCI version with 501', async () => {
    const answer = await send(cloud, 'GET', '/-/', { headers: { 'User-Agent': 'future-client/1 OCCI/2.0' } });
    expect(answer.status).toBe(501);
    const ok = await send(cloud, 'GET', '/-/', { headers: { 'User-Agent': 'occi-console/0.1.0 OCCI/1.2' } });
    expect(ok.status).toBe(200);
  });
});

describe('request bodies by Content-Type', () => {
  const textPlainCreate = [
    `Category: ${COMPUTE_KIND}`,
    `Category: ${flavour('m1.small')}`,
    `Category: ${image('SmartOS')}`,
    'X-OCCI-Attribute: occi.core.title="from-text-plain"',
  ].join('\n');

  it('reads text/plain from the body', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/plain' },
      body: textPlainCreate,
    });
    expect(answer.status).toBe(201);
    const created = await send(cloud, 'GET', pathOfUrl(answer.headers.get('location')));
    expect(created.parse('entity').attributes.get('occi.core.title')).toBe('from-text-plain');
  });

  it('reads text/occi+plain as text/plain', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/occi+plain; charset=utf-8' },
      body: textPlainCreate,
    });
    expect(answer.status).toBe(201);
  });

  it('reads text/occi from the headers, repeated and comma-joined alike', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const repeated = await send(cloud, 'POST', '/compute/', {
      headers: [
        ['Content-Type', 'text/occi'],
        ['Category', COMPUTE_KIND],
        ['Category', flavour('m1.tiny')],
        ['X-OCCI-Attribute', 'occi.core.title="a"'],
        ['X-OCCI-Attribute', 'occi.compute.hostname="a.example.org"'],
      ],
    });
    expect(repeated.status).toBe(201);
    // What Chromium sends for repeated headers: one field, joined with ", ".
    const joined = await send(cloud, 'POST', '/compute/', {
      headers: {
        'Content-Type': 'text/occi',
        Category: `${COMPUTE_KIND}, ${flavour('m1.tiny')}`,
        'X-OCCI-Attribute': 'occi.core.title="b, with a comma", occi.compute.hostname="b.example.org"',
      },
    });
    expect(joined.status).toBe(201);
    const entity = (await send(cloud, 'GET', pathOfUrl(joined.headers.get('location')))).parse('entity');
    expect(entity.attributes.get('occi.core.title')).toBe('b, with a comma');
    expect(entity.attributes.get('occi.compute.hostname')).toBe('b.example.org');
  });

  it('reads the headers as text/occi when there is no Content-Type and no body (curl)', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    const answer = await send(cloud, 'POST', '/compute/', { headers: { Category: COMPUTE_KIND } });
    expect(answer.status).toBe(201);
  });

  it('reads application/occi+json and application/json bodies', async () => {
    const cloud = createDemoCloud({ actionDelayMs: 0 });
    for (const type of ['application/occi+json', 'application/json']) {
      const answer = await send(cloud, 'POST', '/compute/', {
        headers: { 'Content-Type': type, Accept: 'application/occi+json' },
        body: JSON.stringify({
          kind: wellKnown.COMPUTE,
          title: `json-${type}`,
          attributes: { 'occi.compute.cores': 2 },
        }),
      });
      expect(answer.status).toBe(201);
      const entity = answer.parse('entity');
      expect(entity.attributes.get('occi.core.title')).toBe(`json-${type}`);
      expect(entity.attributes.get('occi.compute.cores')).toBe(2);
    }
  });

  it('answers a body of an unsupported Content-Type with 415', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(answer.status).toBe(415);
    expect(answer.body).toContain('application/x-www-form-urlencoded');
  });

  it('answers a body without Content-Type with 415', async () => {
    const cloud = createDemoCloud();
    const request = new Request('http://localhost:8787/compute/', { method: 'POST', body: new Uint8Array([67, 58]) });
    const answer = await cloud.handle(request);
    expect(answer.status).toBe(415);
  });

  it('answers text/uri-list where an entity is expected with 415', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/uri-list' },
      body: '/x\n',
    });
    expect(answer.status).toBe(415);
  });

  it('answers a malformed rendering with 400 and the parser position', async () => {
    const cloud = createDemoCloud();
    const plain = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/plain' },
      body: `Category: ${COMPUTE_KIND}\nX-OCCI-Attribute: occi.core.title="unterminated`,
    });
    expect(plain.status).toBe(400);
    expect(plain.body).toMatch(/line 2, column \d+/);
    const json = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'application/occi+json', Accept: 'application/occi+json' },
      body: '{"kind": "x",\n "attributes": [}',
    });
    expect(json.status).toBe(400);
    const error = JSON.parse(json.body) as { code: number; message: string };
    expect(error.code).toBe(400);
    expect(error.message).toMatch(/line 2, column \d+/);
    const occi = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/occi', Category: 'compute' },
    });
    expect(occi.status).toBe(400);
    expect(occi.body).toContain('column');
  });

  it('answers a body larger than a megabyte with 413', async () => {
    const cloud = createDemoCloud();
    const answer = await send(cloud, 'POST', '/compute/', {
      headers: { 'Content-Type': 'text/plain' },
      body: `Category: ${COMPUTE_KIND}\n${'X-OCCI-Attribute: occi.core.title="x"\n'.repeat(40_000)}`,
    });
    expect(answer.status).toBe(413);
  });
});
