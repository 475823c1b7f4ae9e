/**
 * The tenant as a graph: its VMs, volumes and networks as nodes, its storage links and network
 * interfaces as edges. Built from what the collections list, whichever way the server renders
 * links: inline in their source resources (`Link` headers, JSON `links`), only in the link kinds'
 * own collections, or both. A link seen both ways is one edge, known by its location (or, inline
 * without one, by its ends and kind until its collection names it).
 */
import type { Entity, Link, TypeId } from '../../../occi/index.ts';
import { textOf } from '../attribute-form.ts';
import { type EntityState, entityName, stateOf } from '../entity-summary.ts';

/** What a node is, and the column it is drawn in (networks, VMs, volumes from left to right). */
export type NodeRole = 'network' | 'compute' | 'storage';

export interface TopologyNode {
  /** Its location, relative to the endpoint (`compute/<id>`). */
  readonly id: string;
  readonly role: NodeRole;
  readonly name: string;
  readonly entity: Entity;
  readonly state: EntityState | undefined;
  readonly mixins: readonly TypeId[];
}

export interface TopologyEdge {
  /** The link's location relative to the endpoint, or a made-up key for an inline link without one. */
  readonly id: string;
  /** The VM. */
  readonly source: string;
  /** The volume or the network. */
  readonly target: string;
  /** A storage link (to a volume) or a network interface (to a network): the role of its target. */
  readonly role: 'storage' | 'network';
  /** Mountpoint (else device) of a storage link, address (else interface) of a network interface. */
  readonly label: string;
  readonly link: Link;
  /** Where to DELETE it; undefined when the server gave an inline link no location. */
  readonly location: string | undefined;
  readonly state: EntityState | undefined;
  /** Drawn by the user, not yet confirmed by the server. */
  readonly pending?: boolean;
}

export interface TopologyGraph {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  /** Links whose source or target is not among the listed resources (not drawn). */
  readonly dangling: number;
}

export interface TopologyInput {
  /** Each listed collection of resources, with the role of its Kind. */
  readonly resources: readonly { readonly role: NodeRole; readonly entities: readonly Entity[] }[];
  /** The entities of the link kinds' collections, for servers that list links there. */
  readonly links: readonly Entity[];
  /** A server URL or path (`occi.core.target`) as a location relative to the endpoint. */
  readonly relative: (url: string) => string;
  /** Where a link lives, relative to the endpoint (see `linkLocation`). */
  readonly locate: (link: Link) => string | undefined;
}

const STORAGE_LABELS = ['occi.storagelink.mountpoint', 'occi.storagelink.deviceid'];
const NETWORK_LABELS = ['occi.networkinterface.address', 'occi.networkinterface.interface'];

/** What an edge says: `/dev/vdb`, `10.0.0.4`; whatever a provider's link calls its mountpoint or address. */
export function edgeLabel(link: Link, role: 'storage' | 'network'): string {
  for (const name of role === 'storage' ? STORAGE_LABELS : NETWORK_LABELS) {
    const text = textOf(link.attributes.get(name)).trim();
    if (text !== '') return text;
  }
  for (const [name, value] of link.attributes) {
    if (/\.(mountpoint|address|deviceid|interface)$/.test(name) && textOf(value).trim() !== '')
      return textOf(value).trim();
  }
  return '';
}

export function buildTopology({ resources, links, relative, locate }: TopologyInput): TopologyGraph {
  const nodes = new Map<string, TopologyNode>();
  for (const { role, entities } of resources) {
    for (const entity of entities) {
      if (entity.entityType !== 'resource' || entity.location === undefined || nodes.has(entity.location)) continue;
      nodes.set(entity.location, {
        id: entity.location,
        role,
        name: entityName(entity),
        entity,
        state: stateOf(entity),
        mixins: entity.mixins,
      });
    }
  }
  const edges = new Map<string, TopologyEdge>();
  const dangling = new Set<string>();
  const add = (link: Link, holder: string | undefined) => {
    const sourceText = textOf(link.attributes.get('occi.core.source'));
    const targetText = textOf(link.attributes.get('occi.core.target'));
    // An inline link may leave out its source: it is the resource that holds it.
    const source = sourceText === '' ? holder : relative(sourceText);
    const target = targetText === '' ? undefined : relative(targetText);
    const location = locate(link);
    const unnamed = `${source ?? '?'} -> ${target ?? '?'} (${link.kind})`;
    const id = location ?? unnamed;
    if (edges.has(id)) return;
    // pyssf names an inline link by nothing: its Kind's collection, read after, says where it is.
    if (location !== undefined) edges.delete(unnamed);
    const from = source === undefined ? undefined : nodes.get(source);
    const to = target === undefined ? undefined : nodes.get(target);
    if (from === undefined || to === undefined || from.role !== 'compute' || to.role === 'compute') {
      dangling.add(id);
      return;
    }
    dangling.delete(id);
    edges.set(id, {
      id,
      source: from.id,
      target: to.id,
      role: to.role,
      label: edgeLabel(link, to.role),
      link,
      location,
      state: stateOf(link),
    });
  };
  for (const node of nodes.values()) {
    if (node.entity.entityType !== 'resource') continue;
    for (const link of node.entity.links) add(link, node.id);
  }
  for (const link of links) if (link.entityType === 'link') add(link, undefined);
  return { nodes: [...nodes.values()], edges: [...edges.values()], dangling: dangling.size };
}

/**
 * What the layout depends on: which nodes there are, in which column, and which edges join
 * them. States, names and labels are left out, so polling that changes a state reuses the layout.
 */
export function structureKey(graph: Pick<TopologyGraph, 'nodes' | 'edges'>): string {
  const nodes = graph.nodes.map((node) => `${node.role[0]}${node.id}`).join('\n');
  const edges = graph.edges.map((edge) => `${edge.source}>${edge.target}`).join('\n');
  return `${nodes}\n#\n${edges}`;
}
