import { describe, expect, it } from 'vitest';
import { layoutTopology, NODE_HEIGHT, NODE_WIDTH } from './layout-topology.ts';
import type { NodeRole } from './topology-graph.ts';

function overlaps(positions: ReadonlyMap<string, { x: number; y: number }>): string[] {
  const boxes = [...positions];
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i] as [string, { x: number; y: number }];
      const [b, q] = boxes[j] as [string, { x: number; y: number }];
      if (Math.abs(p.x - q.x) < NODE_WIDTH && Math.abs(p.y - q.y) < NODE_HEIGHT) found.push(`${a}/${b}`);
    }
  return found;
}

describe('layoutTopology', () => {
  it('puts networks left of the VMs and volumes right of them, attached or not', () => {
    const layout = layoutTopology({
      nodes: [
        { id: 'v-loose', role: 'storage' },
        { id: 'vm1', role: 'compute' },
        { id: 'vm2', role: 'compute' },
        { id: 'net', role: 'network' },
        { id: 'v1', role: 'storage' },
        { id: 'net-loose', role: 'network' },
      ],
      edges: [
        { source: 'vm1', target: 'net' },
        { source: 'vm1', target: 'v1' },
        { source: 'vm2', target: 'net' },
      ],
    });
    const x = (id: string) => layout.positions.get(id)?.x as number;
    expect(x('net')).toBe(x('net-loose'));
    expect(x('vm1')).toBe(x('vm2'));
    expect(x('v1')).toBe(x('v-loose'));
    expect(x('net')).toBeLessThan(x('vm1'));
    expect(x('vm1') + NODE_WIDTH).toBeLessThan(x('v1'));
    expect(overlaps(layout.positions)).toEqual([]);
    expect(layout.width).toBeGreaterThanOrEqual(x('v1') + NODE_WIDTH);
  });

  it('orders a column to keep edges from crossing', () => {
    // vm-a uses volume a, vm-b volume b: whatever the input order, the lines run straight.
    const layout = layoutTopology({
      nodes: [
        { id: 'vm-a', role: 'compute' },
        { id: 'vm-b', role: 'compute' },
        { id: 'b', role: 'storage' },
        { id: 'a', role: 'storage' },
      ],
      edges: [
        { source: 'vm-a', target: 'a' },
        { source: 'vm-b', target: 'b' },
      ],
    });
    const y = (id: string) => layout.positions.get(id)?.y as number;
    expect(Math.sign(y('vm-a') - y('vm-b'))).toBe(Math.sign(y('a') - y('b')));
  });

  it('lays out 500 nodes and 1,000 edges without overlaps, the same way every time', { timeout: 60_000 }, () => {
    const nodes: { id: string; role: NodeRole }[] = [];
    for (let i = 0; i < 60; i++) nodes.push({ id: `n${i}`, role: 'network' });
    for (let i = 0; i < 240; i++) nodes.push({ id: `c${i}`, role: 'compute' });
    for (let i = 0; i < 200; i++) nodes.push({ id: `s${i}`, role: 'storage' });
    const edges: { source: string; target: string }[] = [];
    for (let i = 0; edges.length < 1000; i++) {
      const vm = `c${i % 240}`;
      edges.push(
        i % 2 === 0 ? { source: vm, target: `n${(i * 7) % 60}` } : { source: vm, target: `s${(i * 13) % 200}` },
      );
    }
    const first = layoutTopology({ nodes, edges });
    expect(first.positions.size).toBe(500);
    expect(overlaps(first.positions)).toEqual([]);
    // Folded into bands side by side, near a screen's shape rather than a sliver twenty times taller than wide.
    expect(first.height / first.width).toBeLessThan(1.5);
    expect(first.width / first.height).toBeLessThan(4);
    for (const { x, y } of first.positions.values()) {
      expect(x + NODE_WIDTH).toBeLessThanOrEqual(first.width + 1);
      expect(y + NODE_HEIGHT).toBeLessThanOrEqual(first.height + 1);
    }
    expect(layoutTopology({ nodes, edges }).positions).toEqual(first.positions);
  });
});
