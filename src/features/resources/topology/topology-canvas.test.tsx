// @vitest-environment jsdom
/**
 * The real xyflow canvas in jsdom, which lays nothing out: with the stand-ins xyflow's own
 * testing guide gives (ResizeObserver, DOMMatrixReadOnly, element sizes, getBBox), it still renders the
 * nodes and edges the page gives it, so the mapping from graph to flow is checked here.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { wellKnown } from '../../../occi/index.ts';
import { layoutTopology } from './layout-topology.ts';
import { TopologyCanvas } from './topology-canvas.tsx';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './topology-graph.ts';

class StubResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

const sizes = { offsetWidth: 800, offsetHeight: 600 };
const saved: PropertyDescriptor[] = [];
beforeAll(() => {
  vi.stubGlobal('ResizeObserver', StubResizeObserver);
  vi.stubGlobal(
    'DOMMatrixReadOnly',
    class {
      m22: number;
      constructor(transform: string) {
        this.m22 = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
      }
    },
  );
  // Edge labels measure their text.
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 40, height: 12 }) as DOMRect;
  for (const [name, value] of Object.entries(sizes)) {
    saved.push(Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) as PropertyDescriptor);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
});
afterEach(cleanup);
afterAll(() => {
  vi.unstubAllGlobals();
  for (const [index, name] of Object.keys(sizes).entries())
    Object.defineProperty(HTMLElement.prototype, name, saved[index] as PropertyDescriptor);
  delete (SVGElement.prototype as unknown as { getBBox?: unknown }).getBBox;
});

const node = (id: string, role: TopologyNode['role'], name: string, state: string) =>
  ({
    id,
    role,
    name,
    mixins: [],
    entity: {
      entityType: 'resource',
      kind: wellKnown.COMPUTE,
      mixins: [],
      attributes: new Map(),
      actions: [],
      links: [],
    },
    state: { attribute: `occi.${role}.state`, value: state },
  }) as TopologyNode;
const edge = (id: string, source: string, target: string, role: TopologyEdge['role'], label: string) =>
  ({ id, source, target, role, label, location: id, state: undefined }) as unknown as TopologyEdge;

const graph: TopologyGraph = {
  nodes: [
    node('network/private', 'network', 'private', 'active'),
    node('compute/1', 'compute', 'web-01', 'error'),
    node('storage/1', 'storage', 'scratch-01', 'online'),
  ],
  edges: [
    edge('network/interface/1', 'compute/1', 'network/private', 'network', '10.0.0.4'),
    edge('storage/link/1', 'compute/1', 'storage/1', 'storage', '/dev/vdb'),
  ],
  dangling: 0,
};

describe('TopologyCanvas', () => {
  it('draws each node with its name, kind and state, and each edge with its label; a drawn edge dashed', async () => {
    const pending = { ...edge('pending:1', 'compute/1', 'storage/1', 'storage', 'attaching…'), pending: true };
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <TopologyCanvas
          graph={graph}
          pending={[pending]}
          layout={layoutTopology(graph)}
          selection={{ kind: 'node', id: 'compute/1' }}
          onSelect={() => {}}
          onConnect={() => {}}
          onRemoveEdge={() => {}}
        />
      </div>,
    );
    const vm = screen.getByRole('group', { name: 'web-01, virtual machine, error' });
    expect(vm).toHaveTextContent('web-01VMerror');
    expect(vm.querySelector('.topology-node')).toHaveClass('tone-error');
    expect(vm).toHaveClass('selected');
    expect(screen.getByRole('group', { name: 'scratch-01, volume, online' })).toBeInTheDocument();
    // Edges follow once xyflow has measured the handles.
    const link = await screen.findByTestId('rf__edge-storage/link/1');
    expect(link).toHaveTextContent('/dev/vdb');
    expect(link).toHaveClass('tone-neutral');
    expect(link).not.toHaveClass('pending');
    expect(screen.getByTestId('rf__edge-network/interface/1')).toHaveTextContent('10.0.0.4');
    expect(screen.getByTestId('rf__edge-pending:1')).toHaveClass('pending');
    expect(container.querySelector('.react-flow__minimap')).not.toBeNull();
  });
});
