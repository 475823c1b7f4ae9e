// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { layoutTopology } from './layout-topology.ts';
import type { TopologyGraph, TopologyNode } from './topology-graph.ts';
import { useTopologyLayout } from './use-topology-layout.ts';

const node = (id: string, role: TopologyNode['role'], state: string) =>
  ({ id, role, name: id, mixins: [], state: { attribute: 'x', value: state } }) as unknown as TopologyNode;
const graph = (vmState: string, linked: boolean): TopologyGraph => ({
  nodes: [node('vm', 'compute', vmState), node('vol', 'storage', 'online')],
  edges: linked ? [{ id: 'l', source: 'vm', target: 'vol' } as TopologyGraph['edges'][number]] : [],
  dangling: 0,
});

describe('useTopologyLayout', () => {
  it('lays out again when nodes or edges change, not when a state does (polling)', () => {
    const layout = vi.fn(layoutTopology);
    const { result, rerender } = renderHook(({ g }) => useTopologyLayout(g, layout), {
      initialProps: { g: graph('booting', true) },
    });
    const first = result.current;
    rerender({ g: graph('active', true) });
    expect(layout).toHaveBeenCalledTimes(1);
    expect(result.current).toBe(first);
    rerender({ g: graph('active', false) });
    expect(layout).toHaveBeenCalledTimes(2);
    expect(result.current).not.toBe(first);
  });
});
