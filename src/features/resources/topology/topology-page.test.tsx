// @vitest-environment jsdom
/**
 * The page against the demo cloud (msw). jsdom cannot lay out xyflow, so the canvas is replaced by
 * a stand-in that lists what the page gives it and keeps its callbacks, which the tests call as
 * xyflow would when the user draws an edge, clicks a node or presses Delete on an edge.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpointsHandler } from '../../../lib/test-support/console-api-handlers.ts';
import { renderWithClient } from '../../../lib/test-support/render-with-client.tsx';
import { freshDemoHandlers } from '../../../mocks/demo-model.ts';
import { createDemoServer } from '../../../mocks/node.ts';
import type { TopologyCanvasProps } from './topology-canvas.tsx';
import type { TopologyNode } from './topology-graph.ts';
import { TopologyPage } from './topology-page.tsx';

const canvas = vi.hoisted(() => ({ props: null as TopologyCanvasProps | null }));

vi.mock('./topology-canvas.tsx', () => ({
  TopologyCanvas(props: TopologyCanvasProps) {
    canvas.props = props;
    const name = (id: string) => props.graph.nodes.find((node) => node.id === id)?.name ?? id;
    return (
      <ul aria-label="Edges">
        {[...props.graph.edges, ...props.pending].map((edge) => (
          <li key={edge.id}>
            {`${name(edge.source)} -> ${name(edge.target)} ${edge.label}${edge.pending === true ? ' (pending)' : ''}`}
          </li>
        ))}
      </ul>
    );
  },
}));

const server = createDemoServer({ actionDelayMs: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.resetHandlers(...freshDemoHandlers({ actionDelayMs: 0 }), endpointsHandler()));
afterEach(() => {
  cleanup();
  canvas.props = null;
  server.resetHandlers();
});
afterAll(() => server.close());

const renderPage = () =>
  renderWithClient(
    [{ path: '/endpoints/:endpointId/topology', element: <TopologyPage /> }],
    '/endpoints/demo/topology',
  );

function props(): TopologyCanvasProps {
  if (canvas.props === null) throw new Error('the canvas was not rendered');
  return canvas.props;
}

function nodeNamed(name: string): TopologyNode {
  const found = props().graph.nodes.find((node) => node.name === name);
  if (found === undefined) throw new Error(`no node ${name}`);
  return found;
}

const edgeList = () => within(screen.getByRole('list', { name: 'Edges' }));

async function openPage() {
  const view = renderPage();
  await screen.findByText(/^\d+ nodes, \d+ links/);
  return view;
}

describe('the topology page', () => {
  it("draws the tenant's VMs, volumes and networks, and its links with their addresses and mountpoints", async () => {
    await openPage();
    const roles = new Set(props().graph.nodes.map((node) => `${node.role} ${node.name}`));
    expect(roles).toContain('compute web-01');
    expect(roles).toContain('storage scratch-01');
    expect(roles).toContain('network private');
    expect(edgeList().getByText('app-01 -> app-data /dev/vdb')).toBeInTheDocument();
    expect(edgeList().getByText(/^web-01 -> private 10\.0\.0\.\d+$/)).toBeInTheDocument();
    // Each link once, though the demo cloud lists it inline and in its kind's collection.
    const ids = props().graph.edges.map((edge) => edge.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Laid out: every node has a place, networks left of VMs left of volumes.
    const x = (name: string) => props().layout.positions.get(nodeNamed(name).id)?.x as number;
    expect(x('private')).toBeLessThan(x('web-01'));
    expect(x('web-01')).toBeLessThan(x('app-data'));
  });

  it('shows the selected node beside the graph, with its page and its actions', async () => {
    await openPage();
    act(() => props().onSelect({ kind: 'node', id: nodeNamed('web-01').id }));
    const details = screen.getByRole('complementary', { name: 'Details' });
    expect(within(details).getByRole('heading', { name: 'web-01' })).toBeInTheDocument();
    expect(details).toHaveTextContent(/virtual machine\s*active/);
    expect(within(details).getByRole('link', { name: 'Open its page' })).toHaveAttribute(
      'href',
      `/endpoints/demo/resources/${nodeNamed('web-01').id}`,
    );
    expect(within(details).getByRole('button', { name: 'Stop' })).toBeInTheDocument();
  });

  it('filters by kind and state', async () => {
    await openPage();
    const all = props().graph.nodes.length;
    await userEvent.click(screen.getByRole('checkbox', { name: /^Volumes/ }));
    expect(props().graph.nodes.every((node) => node.role === 'storage')).toBe(true);
    expect(props().graph.nodes.length).toBeLessThan(all);
    expect(props().graph.edges).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^inactive/ }));
    expect(props().graph.nodes.length).toBeGreaterThan(0);
    expect(props().graph.nodes.every((node) => node.state?.value === 'inactive')).toBe(true);
  });

  it('attaches a volume drawn to a VM: pending until the server confirms, then the link it made', async () => {
    const { log } = await openPage();
    const vm = nodeNamed('web-01');
    const volume = nodeNamed('app-data');
    let release: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the request, to see the edge while it waits; then let the demo cloud answer it.
    server.use(http.post('*/occi/demo/storage/link/', async () => void (await answered)));
    act(() => props().onConnect(volume, vm));
    expect(await edgeList().findByText('web-01 -> app-data attaching… (pending)')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('attaching 1…');
    release();
    await waitFor(() => expect(edgeList().queryByText(/\(pending\)/)).toBeNull());
    const sent = log.snapshot().find((exchange) => exchange.method === 'POST');
    expect(sent?.url).toMatch(/\/occi\/demo\/storage\/link\/$/);
    // The demo cloud speaks OCCI JSON: source and target as the server's paths of the VM and the
    // volume (pyssf and rOCCI-server 2 refuse absolute URLs there).
    const body = JSON.parse(sent?.requestBody ?? '{}');
    expect(body.kind).toBe('http://schemas.ogf.org/occi/infrastructure#storagelink');
    expect(body.source.location).toBe(`/${vm.id}`);
    expect(body.target.location).toBe(`/${volume.id}`);
    const made = props().graph.edges.find((edge) => edge.source === vm.id && edge.target === volume.id);
    expect(made?.location).toMatch(/^storage\/link\//);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("rolls a drawn edge back with the server's words when the server refuses it", async () => {
    server.use(http.post('*/occi/demo/network/interface/', () => HttpResponse.text('no', { status: 409 })));
    await openPage();
    const before = props().graph.edges.length;
    await act(() => props().onConnect(nodeNamed('db-01'), nodeNamed('dmz')));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('db-01 was not attached to dmz');
    expect(alert).toHaveTextContent('409');
    expect(alert).toHaveTextContent('The server says: no');
    expect(edgeList().queryByText(/\(pending\)/)).toBeNull();
    expect(props().pending).toEqual([]);
    expect(props().graph.edges).toHaveLength(before);
  });

  it('does not draw an edge between two VMs', async () => {
    const { log } = await openPage();
    await act(() => props().onConnect(nodeNamed('web-01'), nodeNamed('db-01')));
    expect(props().pending).toEqual([]);
    expect(log.snapshot().some((exchange) => exchange.method === 'POST')).toBe(false);
  });

  it('removes a link after a confirmation, with DELETE on its location', async () => {
    const { log } = await openPage();
    const edge = props().graph.edges.find((candidate) => candidate.label === '/dev/vdb');
    if (edge === undefined) throw new Error('no /dev/vdb link');
    // Delete pressed on the selected edge: nothing is sent before the user confirms.
    act(() => props().onRemoveEdge(edge));
    const dialog = screen.getByRole('dialog', { name: 'Remove this link?' });
    expect(dialog).toHaveTextContent(`Detaches app-data from app-01 (/dev/vdb) with DELETE ${edge.location}`);
    expect(log.snapshot().some((exchange) => exchange.method === 'DELETE')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove link' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(log.snapshot().find((exchange) => exchange.method === 'DELETE')?.url).toMatch(
      new RegExp(`/occi/demo/${edge.location}$`),
    );
    await waitFor(() => expect(props().graph.edges.some((candidate) => candidate.id === edge.id)).toBe(false));
    expect(edgeList().queryByText(/\/dev\/vdb/)).toBeNull();
  });

  it('removes the selected link with the Remove link button beside the graph', async () => {
    await openPage();
    const edge = props().graph.edges.find((candidate) => candidate.label === '/dev/vdb');
    if (edge === undefined) throw new Error('no /dev/vdb link');
    act(() => props().onSelect({ kind: 'edge', id: edge.id }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove link' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Remove this link?' })).getByRole('button', { name: 'Remove link' }),
    );
    await waitFor(() => expect(props().graph.edges.some((candidate) => candidate.id === edge.id)).toBe(false));
  });

  it("keeps the link and shows the server's words when the server refuses to remove it", async () => {
    await openPage();
    const edge = props().graph.edges.find((candidate) => candidate.label === '/dev/vdb');
    if (edge === undefined) throw new Error('no /dev/vdb link');
    server.use(http.delete(`*/occi/demo/${edge.location}`, () => HttpResponse.text('volume busy', { status: 409 })));
    act(() => props().onRemoveEdge(edge));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Remove this link?' })).getByRole('button', { name: 'Remove link' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The link was not removed');
    expect(alert).toHaveTextContent('The server says: volume busy');
    expect(props().graph.edges.some((candidate) => candidate.id === edge.id)).toBe(true);
    expect(edgeList().getByText('app-01 -> app-data /dev/vdb')).toBeInTheDocument();
  });

  it('cancels a removal without sending anything', async () => {
    const { log } = await openPage();
    const edge = props().graph.edges[0];
    if (edge === undefined) throw new Error('no edge');
    act(() => props().onRemoveEdge(edge));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(log.snapshot().some((exchange) => exchange.method === 'DELETE')).toBe(false);
  });
});

describe('servers that deviate (the demo cloud in their quirk profiles)', () => {
  it.each(['ooi', 'rocci', 'pyssf'] as const)(
    '%s: draws the same tenant and attaches a drawn volume',
    async (profile) => {
      // ooi names its entities by absolute URL, on the origin the request came to: here the test page's.
      server.resetHandlers(...freshDemoHandlers({ profile, actionDelayMs: 0 }), endpointsHandler());
      await openPage();
      expect(edgeList().getByText('app-01 -> app-data /dev/vdb')).toBeInTheDocument();
      expect(edgeList().getByText(/^web-01 -> private 10\.0\.0\.\d+$/)).toBeInTheDocument();
      const vm = nodeNamed('web-01');
      const volume = nodeNamed('app-data');
      // Each node is at its location relative to the endpoint, whatever form the server gave it in.
      expect(vm.id).toMatch(/^compute\/[^/]+$/);
      expect(volume.id).toMatch(/^storage\/[^/]+$/);
      await act(() => props().onConnect(volume, vm));
      await waitFor(() =>
        expect(
          props().graph.edges.find((edge) => edge.source === vm.id && edge.target === volume.id)?.location,
        ).toMatch(/^storage\/link\/[^/]+$/),
      );
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );
});
