/**
 * Where each node of the topology goes: dagre, left to right, networks in the first column, VMs
 * in the second, volumes in the third. The columns are fixed (dagre's ranker is told the ranks),
 * so a volume attached to nothing still sits with the volumes; dagre orders each column to cut
 * crossings and places the nodes; a drawing too tall for a screen is folded into bands side by
 * side. Pure: no React, no DOM, so the benchmark and the tests run it
 * in Node and the page memoises it on the graph's structure.
 */
import dagre, { type Graph } from '@dagrejs/dagre';
import type { NodeRole } from './topology-graph.ts';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 52;

/** Width over height of the drawing a large graph is folded towards: a screen's, roughly. */
const TARGET_ASPECT = 1.6;
/** Graphs taller than this many times their width are folded into bands. */
const FOLD_ABOVE = 2.5;
const BAND_GAP = 160;

export interface LayoutInput {
  readonly nodes: readonly { readonly id: string; readonly role: NodeRole }[];
  readonly edges: readonly { readonly source: string; readonly target: string }[];
}

export interface TopologyLayout {
  /** The top-left corner of each node, as xyflow places them. */
  readonly positions: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly width: number;
  readonly height: number;
}

/** The columns. Every edge joins neighbouring columns, so dagre adds no bend points between them. */
const RANK: Readonly<Record<NodeRole, number>> = { network: 0, compute: 1, storage: 2 };

/**
 * dagre's ranker, given as a function: the ranks are already set on the nodes (the columns).
 * dagre expects every edge to span two ranks (it doubles their length for labels) and so to get
 * its route from the dummy nodes it inserts; ours span one, which is what keeps the ordering fast
 * (no 1,000 dummy nodes in the middle columns), so each edge gets a placeholder route here. The
 * routes are never read: xyflow draws the edges between the placed nodes itself.
 */
function fixedColumns(layoutGraph: Graph): void {
  for (const edge of layoutGraph.edges()) layoutGraph.edge(edge).points = [{ x: -1e6, y: -1e6 }];
}

export function layoutTopology(graph: LayoutInput): TopologyLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'LR',
    // A ranker function is what dagre calls (its types list only the named ones).
    ranker: fixedColumns as unknown as 'none',
    nodesep: 14,
    // dagre halves it, as it makes room for edge labels: this is the gap between the columns.
    ranksep: 360,
    marginx: 20,
    marginy: 20,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const role = new Map<string, NodeRole>();
  for (const node of graph.nodes) {
    role.set(node.id, node.role);
    g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT, rank: RANK[node.role] });
  }
  graph.edges.forEach((edge, index) => {
    const from = role.get(edge.source);
    const to = role.get(edge.target);
    if (from === undefined || to === undefined || RANK[from] === RANK[to]) return;
    // Every edge points to the right for dagre: a network interface is drawn network -> VM.
    const [v, w] = RANK[from] < RANK[to] ? [edge.source, edge.target] : [edge.target, edge.source];
    g.setEdge(v, w, {}, String(index));
  });
  dagre.layout(g);
  const label = g.graph();
  const width = label.width ?? 0;
  const height = label.height ?? 0;
  const bands = bandCount(width, height);
  const bandHeight = Math.ceil(height / bands);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const placed = g.node(node.id);
    const centre = placed.y ?? 0;
    const band = Math.min(bands - 1, Math.floor(centre / bandHeight));
    positions.set(node.id, {
      x: (placed.x ?? 0) - NODE_WIDTH / 2 + band * (width + BAND_GAP),
      y: centre - NODE_HEIGHT / 2 - band * bandHeight,
    });
  }
  return {
    positions,
    width: bands * width + (bands - 1) * BAND_GAP,
    height: bands === 1 ? height : bandHeight + NODE_HEIGHT,
  };
}

/**
 * Three columns of hundreds of nodes make a drawing twenty times taller than wide, which fit to
 * screen shrinks to a sliver. Such a drawing is cut into bands laid side by side (each still
 * networks, VMs, volumes from left to right), as many as bring it near a screen's shape. dagre
 * ordered each column by its neighbours, so most edges stay within their band.
 */
function bandCount(width: number, height: number): number {
  if (width <= 0 || height <= width * FOLD_ABOVE) return 1;
  return Math.max(1, Math.round(Math.sqrt((TARGET_ASPECT * height) / (width + BAND_GAP))));
}
