/**
 * The topology view (`/endpoints/demo/topology`) as a user sees and handles it: the graph drawn by
 * xyflow, its nodes found by the names they show, edges drawn with the mouse from handle to handle,
 * the details beside the graph and the filter bar. Each method waits for what a user would wait
 * for (a node drawn, an edge gone), never for a time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

const SCREENS = 'e2e/artifacts/screens';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type NodeKind = 'virtual machine' | 'volume' | 'network';

/** The centre of an element on the screen. */
async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  expect(box, 'the element is on the screen').not.toBeNull();
  const { x, y, width, height } = box ?? { x: 0, y: 0, width: 0, height: 0 };
  return { x: x + width / 2, y: y + height / 2 };
}

export class TopologyPage {
  readonly heading: Locator;
  /** "12 nodes, 7 links · attaching 1…" */
  readonly summary: Locator;
  /** xyflow's wrapper: an `application` with the nodes and edges inside. */
  readonly graph: Locator;
  readonly details: Locator;
  readonly kinds: Locator;
  readonly fitView: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Topology', level: 1 });
    this.summary = page.locator('.topology-head').getByRole('status');
    this.graph = page.locator('.react-flow');
    this.details = page.getByRole('complementary', { name: 'Details' });
    this.kinds = page.getByRole('group', { name: 'Kind' });
    this.fitView = page.getByRole('button', { name: 'Fit View' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/endpoints/demo/topology');
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    // The page shows once the graph is laid out and drawn: 4.4 s for 500 nodes on an idle machine
    // (bench/topology.bench.ts), and the shared cloud's graph grows while the suite runs beside it.
    await expect(this.heading).toBeVisible({ timeout: 15_000 });
    await expect(this.summary).toHaveText(/^\d+ nodes, \d+ links/);
  }

  /** Shows only these kinds ("Virtual machines", "Volumes", "Networks"): a smaller graph, fitted again. */
  async showOnly(...kinds: string[]): Promise<void> {
    for (const kind of kinds) {
      await this.kinds.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(kind)} \\d+$`) }).check();
    }
    await expect(this.summary).toHaveText(/ \(of \d+ nodes\)/);
  }

  /** A node, by the name it shows and what it is: its accessible name is "<name>, <kind>, <state>". */
  node(name: string, kind: NodeKind): Locator {
    return this.graph.getByRole('group', { name: new RegExp(`^${escapeRegExp(name)}, ${kind}, `) });
  }

  /** Where edges start (a VM's right edge) and end (a VM's or a volume's left edge). */
  sourceHandle(node: Locator): Locator {
    return node.locator('.react-flow__handle.source');
  }

  targetHandle(node: Locator): Locator {
    return node.locator('.react-flow__handle.target');
  }

  /** An edge by the link's location relative to the endpoint (`storage/link/<id>`). */
  edge(location: string): Locator {
    return this.graph.getByTestId(`rf__edge-${location}`);
  }

  /**
   * The line xyflow draws from the handle to the pointer while an edge is being drawn; over a
   * handle it is marked `valid` or `invalid` (whether the page's isValidConnection takes that end).
   */
  get connectionLine(): Locator {
    return this.graph.locator('.react-flow__connectionline .react-flow__connection');
  }

  /** Edges drawn and not yet confirmed by the server: dashed, labelled "attaching…". */
  get pendingEdges(): Locator {
    return this.graph.locator('[data-testid^="rf__edge-pending:"]');
  }

  /**
   * Brings nodes into view as a user would, so that their 6-pixel handles can be hit: drags the
   * background until the nodes' middle is at the graph's centre, then turns the mouse wheel there
   * (xyflow zooms about the pointer) while they all stay clear of the graph's edges, the controls
   * and the minimap, until each is drawn `width` pixels wide. A large graph is fitted small at first.
   */
  async frame(nodes: readonly Locator[], width = 150): Promise<void> {
    await this.graph.scrollIntoViewIfNeeded();
    const pane = await this.box(this.graph);
    const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    const middle = async () => {
      const centres = await Promise.all(nodes.map(centreOf));
      return {
        x: centres.reduce((sum, point) => sum + point.x, 0) / centres.length,
        y: centres.reduce((sum, point) => sum + point.y, 0) / centres.length,
      };
    };
    const before = await middle();
    if (Math.hypot(before.x - centre.x, before.y - centre.y) > 40) {
      const grip = await this.emptyPoint();
      await this.page.mouse.move(grip.x, grip.y);
      await this.page.mouse.down();
      await this.page.mouse.move(grip.x + (centre.x - before.x), grip.y + (centre.y - before.y), { steps: 8 });
      await this.page.mouse.up();
      await expect
        .poll(async () => Math.hypot((await middle()).x - centre.x, (await middle()).y - centre.y))
        .toBeLessThan(40);
    }
    // Kept clear: a margin inside the graph, and the controls (bottom left) and minimap (bottom right).
    const clear = {
      left: pane.x + 60,
      top: pane.y + 20,
      right: pane.x + pane.width - 20,
      bottom: pane.y + pane.height - 120,
    };
    const step = 1.25;
    for (let turn = 0; turn < 20; turn++) {
      const boxes = await Promise.all(nodes.map((node) => this.box(node)));
      if (Math.min(...boxes.map((box) => box.width)) >= width) return;
      const at = await middle();
      // Where each node's corners go if the graph grows by `step` about `at`.
      const fits = boxes.every((box) => {
        const left = at.x + (box.x - at.x) * step;
        const top = at.y + (box.y - at.y) * step;
        return (
          left >= clear.left &&
          top >= clear.top &&
          left + box.width * step <= clear.right &&
          top + box.height * step <= clear.bottom
        );
      });
      if (!fits) return;
      const was = boxes[0]?.width ?? 0;
      await this.page.mouse.move(at.x, at.y);
      // d3-zoom: a wheel delta of -d pixels zooms by 2^(d/500); 161 px is 1.25 times.
      await this.page.mouse.wheel(0, -161);
      await expect.poll(async () => (await this.box(nodes[0] as Locator)).width).toBeGreaterThan(was);
    }
  }

  private async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await locator.boundingBox();
    expect(box, 'the element is on the screen').not.toBeNull();
    return box ?? { x: 0, y: 0, width: 0, height: 0 };
  }

  /** A point of the graph's background (no node, edge, control or minimap on it), to drag it by. */
  private async emptyPoint(): Promise<{ x: number; y: number }> {
    const pane = await this.box(this.graph);
    const point = await this.graph.evaluate((graph, { x, y, width, height }) => {
      const background = graph.querySelector('.react-flow__pane');
      for (let row = 1; row < 10; row++) {
        for (let column = 1; column < 10; column++) {
          const at = { x: x + (width * column) / 10, y: y + (height * row) / 10 };
          if (document.elementFromPoint(at.x, at.y) === background) return at;
        }
      }
      return null;
    }, pane);
    expect(point, 'the graph has some empty background to drag').not.toBeNull();
    return point ?? { x: 0, y: 0 };
  }

  /**
   * Draws an edge as a user does: presses on `from`'s right-hand handle, drags across the graph in
   * small steps and lets go on `to`'s left-hand handle. `beforeRelease` runs while the button is held
   * over the target.
   */
  async drawEdge(from: Locator, to: Locator, beforeRelease?: () => Promise<void>): Promise<void> {
    const start = await centreOf(this.sourceHandle(from));
    const end = await centreOf(this.targetHandle(to));
    const mouse = this.page.mouse;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + 20, start.y + 5, { steps: 4 });
    await mouse.move(end.x, end.y, { steps: 12 });
    await beforeRelease?.();
    await mouse.up();
  }

  /**
   * Selects an edge by clicking its label (mountpoint or device, halfway along it), and waits for
   * its details beside the graph. (Its line may be straight, with a box of no height to click.)
   */
  async selectEdge(edge: Locator): Promise<void> {
    await edge.locator('.react-flow__edge-textwrapper').click();
    await expect(this.details.getByRole('heading', { level: 2 })).toHaveText(/^(Storage link|Network interface)$/);
  }

  /** The "Remove link" button's dialog, opened from the selected edge's details. */
  async openRemoveLink(): Promise<Locator> {
    await this.details.getByRole('button', { name: 'Remove link', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Remove this link?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The panel that says why a drawn edge was not made: "<vm> was not attached to <other>: ...". */
  refusal(vm: string, other: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: `${vm} was not attached to ${other}` });
  }

  async screen(step: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENS}/topology-${step}.png`, fullPage: true });
  }
}
