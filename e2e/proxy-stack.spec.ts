import { expect, test } from '@playwright/test';

// The whole stack a tenant gets from `npm start`: the built console, the proxy, the demo cloud.
test.describe('the console behind its proxy', () => {
  test('serves the console with a strict Content-Security-Policy', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible();
  });

  test('offers the embedded demo cloud as an endpoint, and reaches it same-origin', async ({ page }) => {
    await page.goto('/');
    const answer = await page.evaluate(async () => {
      const endpoints = (await (await fetch('/api/endpoints')).json()) as Array<{ id: string; auth: string }>;
      const discovery = await fetch('/occi/demo/-/', { headers: { Accept: 'text/plain' } });
      return {
        endpoints,
        status: discovery.status,
        server: discovery.headers.get('server'),
        body: await discovery.text(),
      };
    });
    expect(answer.endpoints).toEqual([expect.objectContaining({ id: 'demo', auth: 'none' })]);
    expect(answer.status).toBe(200);
    expect(answer.server).toContain('OCCI/1.2');
    expect(answer.body).toContain(
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
    );
  });

  test('creates a virtual machine through the proxy with the seed walkthrough request', async ({ page }) => {
    await page.goto('/');
    const created = await page.evaluate(async () => {
      const response = await fetch('/occi/demo/compute/', {
        method: 'POST',
        headers: {
          'Content-Type': 'text/occi',
          Category: [
            'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"',
            'm1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"',
            'cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"',
          ].join(', '),
        },
      });
      return { status: response.status, location: response.headers.get('location') };
    });
    expect(created.status).toBe(201);
    // Absolute on the cloud, as the demo cloud writes every location it lists or creates.
    expect(new URL(created.location ?? '', 'http://cloud.invalid').pathname).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
  });
});
