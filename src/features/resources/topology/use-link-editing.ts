/**
 * Creating and removing links from the graph. Drawing an edge from a VM to a volume or a network
 * sends `POST <link kind location>` with `occi.core.source` and `occi.core.target` (as the attach
 * dialog does); the edge shows as pending until the server answers, and goes away with the
 * server's words when it refuses. Removing an edge asks first, then sends `DELETE <link>`.
 */
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type Link, type QueryInterface, type TypeId, wellKnown } from '../../../occi/index.ts';
import { useCreateEntity } from '../api/create-entity.ts';
import { useDeleteEntity } from '../api/delete-entity.ts';
import { kindNames } from '../resource-paths.ts';
import type { NodeRole, TopologyEdge, TopologyNode } from './topology-graph.ts';

export interface Refusal {
  /** What was tried, in words: "web-01 was not attached to data-01". */
  readonly context: string;
  readonly title: string;
  readonly detail?: string | undefined;
  readonly hint?: string | undefined;
}

/** The link Kind that joins a VM to a node of this role. */
const LINK_KIND: Readonly<Record<'storage' | 'network', TypeId>> = {
  storage: wellKnown.STORAGELINK,
  network: wellKnown.NETWORKINTERFACE,
};

/** Whether an edge may be drawn between nodes of these roles (either way round). */
export function canLink(a: NodeRole, b: NodeRole): boolean {
  return (a === 'compute') !== (b === 'compute');
}

export interface LinkEditing {
  /** Edges drawn and not yet answered by the server. */
  readonly pending: readonly TopologyEdge[];
  /** Links the server has removed, hidden until the listings no longer have them. */
  readonly removed: ReadonlySet<string>;
  readonly refusal: Refusal | null;
  readonly dismissRefusal: () => void;
  /** Draws an edge: a VM and a volume or a network, in either order. */
  readonly connect: (a: TopologyNode, b: TopologyNode) => Promise<void>;
  /** The edge waiting for the user's confirmation. */
  readonly removing: TopologyEdge | null;
  readonly askRemove: (edge: TopologyEdge) => void;
  readonly cancelRemove: () => void;
  readonly confirmRemove: () => Promise<void>;
  readonly removeBusy: boolean;
}

export function useLinkEditing(endpointId: string, queryInterface: QueryInterface): LinkEditing {
  const client = useOcciClient();
  const create = useCreateEntity(endpointId);
  const remove = useDeleteEntity(endpointId);
  const [pending, setPending] = useState<readonly TopologyEdge[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [removing, setRemoving] = useState<TopologyEdge | null>(null);
  const drawn = useRef(0);
  const serverPath = useCallback((location: string) => client.toServerPath(endpointId, location), [client, endpointId]);

  const connect = useCallback(
    async (a: TopologyNode, b: TopologyNode) => {
      if (!canLink(a.role, b.role)) return;
      const [vm, other] = a.role === 'compute' ? [a, b] : [b, a];
      const role = other.role as 'storage' | 'network';
      const linkKind = queryInterface.kind(LINK_KIND[role]);
      const context = `${vm.name} was not attached to ${other.name}`;
      if (linkKind?.location === undefined) {
        setRefusal({
          context,
          title: `This server offers no ${role === 'storage' ? 'storage links' : 'network interfaces'}.`,
        });
        return;
      }
      drawn.current += 1;
      const id = `pending:${drawn.current}`;
      const link: Link = {
        entityType: 'link',
        kind: LINK_KIND[role],
        mixins: [],
        attributes: new Map([
          ['occi.core.source', serverPath(vm.id)],
          ['occi.core.target', serverPath(other.id)],
        ]),
        actions: [],
      };
      setRefusal(null);
      setPending((edges) => [
        ...edges,
        {
          id,
          source: vm.id,
          target: other.id,
          role,
          label: 'attaching…',
          link,
          location: undefined,
          state: undefined,
          pending: true,
        },
      ]);
      try {
        await create.mutateAsync({
          collection: client.relativePath(endpointId, linkKind.location),
          entity: link,
          purpose: `Attach ${vm.name} to ${other.name} (${kindNames(linkKind).singular})`,
        });
      } catch (error) {
        const described = describeError(error);
        setRefusal({ context, title: described.title, detail: described.detail, hint: described.hint });
      } finally {
        // Confirmed: the listings were read again before the mutation settled, so the real edge is there.
        setPending((edges) => edges.filter((edge) => edge.id !== id));
      }
    },
    [client, create.mutateAsync, endpointId, queryInterface, serverPath],
  );

  const confirmRemove = useCallback(async () => {
    const edge = removing;
    if (edge === null) return;
    if (edge.location === undefined) {
      setRemoving(null);
      setRefusal({
        context: 'The link was not removed',
        title: 'The server gave this link no location, so it cannot be deleted on its own.',
      });
      return;
    }
    try {
      await remove.mutateAsync({ location: edge.location, purpose: `Remove link ${edge.location}` });
      setRemoved((gone) => new Set(gone).add(edge.id));
    } catch (error) {
      const described = describeError(error);
      setRefusal({
        context: 'The link was not removed',
        title: described.title,
        detail: described.detail,
        hint: described.hint,
      });
    } finally {
      setRemoving(null);
    }
  }, [remove.mutateAsync, removing]);

  return {
    pending,
    removed,
    refusal,
    dismissRefusal: useCallback(() => setRefusal(null), []),
    connect,
    removing,
    askRemove: useCallback((edge: TopologyEdge) => {
      setRefusal(null);
      setRemoving(edge);
    }, []),
    cancelRemove: useCallback(() => setRemoving(null), []),
    confirmRemove,
    removeBusy: remove.isPending,
  };
}
