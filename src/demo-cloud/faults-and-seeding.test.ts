import { describe, expect, it } from 'vitest';
import { createDemoCloud } from './create-demo-cloud.ts';
import { pathOfUrl, pathsOf, seededRandom, send } from './test-support/send.ts';

describe('faults on demand', () => {
  it('waits latencyMs before answering, through options.sleep', async () => {
    const waits: number[] = [];
    const cloud = createDemoCloud({
      latencyMs: 250,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect((await send(cloud, 'GET', '/-/')).status).toBe(200);
    expect(waits).toEqual([250]);
  });

  it('waits for real with the default sleep', async () => {
    const cloud = createDemoCloud({ latencyMs: 30 });
    const start = Date.now();
    await send(cloud, 'GET', '/compute/');
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });

  it('fails a share of requests with 500 or 503, rendered as OCCI errors', async () => {
    const cloud = createDemoCloud({ errorRate: 1, random: seededRandom(7) });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const answer = await send(cloud, 'GET', '/compute/', { headers: { Accept: 'application/occi+json' } });
      statuses.add(answer.status);
      const error = JSON.parse(answer.body) as { code: number; message: string };
      expect(error.code).toBe(answer.status);
      expect(error.message).toContain('injected failure');
    }
    expect([...statuses].sort()).toEqual([500, 503]);
  });

  it('fails about the share asked for', async () => {
    const cloud = createDemoCloud({ errorRate: 0.3, random: seededRandom(1) });
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await send(cloud, 'GET', '/network/')).status >= 500) failed++;
    expect(failed).toBeGreaterThan(35);
    expect(failed).toBeLessThan(85);
  });
});

describe('seeding', () => {
  it('seeds the tenant by default', async () => {
    const cloud = createDemoCloud();
    expect(pathsOf(await send(cloud, 'GET', '/compute/'))).toHaveLength(6);
    expect(pathsOf(await send(cloud, 'GET', '/storage/'))).toHaveLength(4);
  });

  it('seeds nothing with empty', async () => {
    const cloud = createDemoCloud({ seed: 'empty' });
    for (const path of ['/compute/', '/storage/', '/network/', '/storage/link/', '/network/interface/']) {
      expect(pathsOf(await send(cloud, 'GET', path))).toEqual([]);
    }
    expect((await send(cloud, 'GET', '/-/')).status).toBe(200);
  });

  it('seeds N resources for scale work', async () => {
    const cloud = createDemoCloud({ seed: { resources: 1000 } });
    const answer = await send(cloud, 'GET', '/compute/');
    expect(pathsOf(answer)).toHaveLength(1000);
    const json = await send(cloud, 'GET', '/compute/?page=2&number=50', {
      headers: { Accept: 'application/occi+json' },
    });
    expect(json.parse('entity-collection').resources).toHaveLength(50);
  });

  it('makes reproducible ids from options.random', async () => {
    const a = createDemoCloud({ seed: 'empty', random: seededRandom(3) });
    const b = createDemoCloud({ seed: 'empty', random: seededRandom(3) });
    const headers = { Category: 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' };
    const first = pathOfUrl((await send(a, 'POST', '/compute/', { headers })).headers.get('location'));
    expect(first).toMatch(/^\/compute\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pathOfUrl((await send(b, 'POST', '/compute/', { headers })).headers.get('location'))).toBe(first);
  });
});
