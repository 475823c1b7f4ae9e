/**
 * The topology view's journeys (issue 6): attach a volume to a VM by drawing an edge from the VM
 * to the volume, see the edge pending and then confirmed and the link on the VM's page; detach it
 * by selecting the edge and removing it after the confirmation; and the draws that are refused.
 *
 * The demo cloud behind the proxy is shared by every test of the run, and other tests make VMs
 * while these run, so each test makes its own VMs and volumes under names no other test uses and
 * finds their nodes by those names. The graph is narrowed to the VMs and volumes, and its nodes are
 * brought into view as a user would (dragging the background, turning the mouse wheel) before their
 * handles are used. No response is made up: the pending edge is seen by holding the real POST for a
 * moment, and the server's refusal is provoked by deleting the volume while the edge is drawn.
 */
import { expect, type Page, type Request, test } from '@playwright/test';
import { createVm, createVolume, EntityPage, occiPath, uniqueName } from './support/console-pages.ts';
import { expectAccessible } from './support/expect-accessible.ts';
import { TopologyPage } from './support/topology-page.ts';

/** The link Kind's collection: where a drawn edge is POSTed. */
const STORAGE_LINKS = /\/occi\/demo\/storage\/link\/?$/;

/** The classes of xyflow's connection line over a handle where the edge may, or may not, end. */
const VALID = /(^|\s)valid(\s|$)/;
const INVALID = /(^|\s)invalid(\s|$)/;

function isLinkCreation(request: Request): boolean {
  return request.method() === 'POST' && STORAGE_LINKS.test(new URL(request.url()).pathname);
}

/** Opens the topology from the endpoint's tab and narrows it to the VMs and the volumes. */
async function openTopology(page: Page): Promise<TopologyPage> {
  await page.getByRole('link', { name: 'Topology', exact: true }).click();
  const topology = new TopologyPage(page);
  await topology.expectLoaded();
  await topology.showOnly('Virtual machines', 'Volumes');
  return topology;
}

test('attach a volume by drawing an edge, then detach it by removing the edge', async ({ page }) => {
  // A journey of two creates, two state changes and two page visits; beside the rest of the suite
  // the shared demo cloud's graph has grown, so it takes longer than one step's 30 s.
  test.setTimeout(90_000);
  const name = uniqueName('topo-draw');
  const volumeName = `${name}-vol`;
  await page.emulateMedia({ colorScheme: 'light' });

  let volumePath = '';
  let vmPath = '';
  const vm = new EntityPage(page);
  await test.step('make a volume and a VM through the forms', async () => {
    volumePath = await createVolume(page, volumeName);
    await createVm(page, name);
    vmPath = new URL(page.url()).pathname;
  });
  const volume = occiPath(volumePath);
  const topology = await test.step('open the topology, VMs and volumes only', () => openTopology(page));
  const vmNode = topology.node(name, 'virtual machine');
  const volumeNode = topology.node(volumeName, 'volume');

  let linkLocation = '';
  await test.step('draw an edge from the VM to the volume: pending, then confirmed', async () => {
    await topology.frame([vmNode, volumeNode]);
    // The POST is held until the dashed edge has been seen, then goes on to the server unchanged.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(STORAGE_LINKS, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await topology.drawEdge(vmNode, volumeNode, async () => {
      // Over the volume's handle, xyflow marks the line it draws as a valid connection.
      await expect(topology.connectionLine).toHaveClass(VALID);
    });
    await expect(topology.pendingEdges).toHaveCount(1);
    await expect(topology.pendingEdges).toHaveAttribute('aria-label', /^Storage link attaching…$/);
    await expect(topology.summary).toContainText('attaching 1…');
    await topology.screen('pending');
    release();
    await expect(topology.pendingEdges).toHaveCount(0);
    await expect(topology.summary).not.toContainText('attaching');
    await page.unroute(STORAGE_LINKS);
    await expect(topology.refusal(name, volumeName)).toHaveCount(0);
  });

  await test.step("the VM's page lists the storage link", async () => {
    await vmNode.click();
    await expect(topology.details.getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(topology.details.getByRole('definition').last()).toHaveText('1');
    await topology.details.getByRole('link', { name: 'Open its page' }).click();
    await expect(page).toHaveURL(vmPath);
    const row = vm.linkRow(volume);
    await expect(row).toContainText(/storage link/i);
    // Attaching for 1.5 s in the demo cloud; the page may show either (it polls with a back-off).
    await expect(vm.linkState(row)).toHaveText(/^(inactive · attaching|active)$/);
    const href = await row.getByRole('cell').nth(4).getByRole('link').getAttribute('href');
    expect(href).toMatch(/\/resources\/storage\/link\/[^/]+$/);
    linkLocation = occiPath(href ?? '');
  });

  await test.step('the graph shows the confirmed edge', async () => {
    await page.goBack();
    await topology.expectLoaded();
    await topology.showOnly('Virtual machines', 'Volumes');
    await topology.frame([vmNode, volumeNode]);
    const edge = topology.edge(linkLocation);
    await expect(edge).toBeVisible();
    await expect(edge).toHaveAttribute('aria-label', /^Storage link vd[b-z]$/);
    await topology.screen('attached');
    await expectAccessible(page, 'the topology with a drawn link (light)');
  });

  await test.step('select the edge and remove the link', async () => {
    const edge = topology.edge(linkLocation);
    await topology.selectEdge(edge);
    await expect(topology.details).toContainText(`${name} → ${volumeName}`);
    const dialog = await topology.openRemoveLink();
    await expect(dialog).toContainText(`Detaches ${volumeName} from ${name}`);
    await expect(dialog).toContainText(`DELETE ${linkLocation}`);
    await dialog.getByRole('button', { name: 'Remove link', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(edge).toHaveCount(0);
    await expect(topology.details.getByRole('heading', { level: 2 })).toHaveCount(0);
    await topology.screen('detached');
  });

  await test.step("the VM's page no longer lists it", async () => {
    await vmNode.click();
    await topology.details.getByRole('link', { name: 'Open its page' }).click();
    await expect(page).toHaveURL(vmPath);
    await expect(vm.links).toBeVisible();
    await expect(vm.linkRow(volume)).toHaveCount(0);
  });
});

test.describe('refused draws', () => {
  test('VM to VM is refused without a request; VM to a volume the server no longer has is rolled back with its words', async ({
    page,
    request,
  }) => {
    // Three creates and a graph of the shared cloud, grown beside the rest of the suite: more than 30 s.
    test.setTimeout(60_000);
    const name = uniqueName('topo-refuse');
    const otherName = `${name}-other`;
    const volumeName = `${name}-vol`;
    let volume = '';
    await test.step('make a volume and two VMs through the forms', async () => {
      volume = occiPath(await createVolume(page, volumeName));
      await createVm(page, name);
      await createVm(page, otherName);
    });
    const topology = await test.step('open the topology, VMs and volumes only', () => openTopology(page));
    const vmNode = topology.node(name, 'virtual machine');
    const otherNode = topology.node(otherName, 'virtual machine');
    const volumeNode = topology.node(volumeName, 'volume');
    const posted: Request[] = [];
    page.on('request', (sent) => {
      if (isLinkCreation(sent)) posted.push(sent);
    });

    await test.step('VM to VM: xyflow does not take the edge, and nothing is sent', async () => {
      await topology.frame([vmNode, otherNode, volumeNode], 120);
      await topology.drawEdge(vmNode, otherNode, async () => {
        await expect(topology.connectionLine).toHaveClass(INVALID);
      });
      await expect(topology.connectionLine).toHaveCount(0);
      await expect(topology.pendingEdges).toHaveCount(0);
      await expect(topology.summary).not.toContainText('attaching');
      await expect(topology.refusal(name, otherName)).toHaveCount(0);
      // The line is drawn as invalid while dragging; the help beside the graph says what links what.
      await expect(topology.details).toContainText("Drag from a VM's right edge to a volume to attach it");
      expect(posted, 'no link was POSTed for a VM-to-VM edge').toHaveLength(0);
    });

    await test.step('VM to a volume deleted meanwhile: the server refuses, the edge goes, the page says why', async () => {
      await topology.drawEdge(vmNode, volumeNode, async () => {
        await expect(topology.connectionLine).toHaveClass(VALID);
        // Someone else deletes the volume while the edge is being drawn (the graph still shows it).
        const deleted = await request.delete(`/occi/demo/${volume}`);
        expect(deleted.ok(), `DELETE ${volume} answered ${deleted.status()}`).toBe(true);
      });
      const refusal = topology.refusal(name, volumeName);
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText('400');
      await expect(refusal).toContainText(`names no resource in this cloud`);
      await expect(topology.pendingEdges).toHaveCount(0);
      await expect(topology.summary).not.toContainText('attaching');
      // The one POST of this test is this draw's: the VM-to-VM one sent none.
      expect(posted).toHaveLength(1);
      await topology.screen('refused');
      await vmNode.click();
      await expect(topology.details.getByRole('heading', { level: 2 })).toHaveText(name);
      await expect(topology.details.getByRole('definition').last()).toHaveText('0');
    });
  });
});
