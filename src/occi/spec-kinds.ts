/**
 * What OCCI Infrastructure (GFD.224) defines for its five Kinds: their attributes and actions.
 * A server whose query interface names a Kind but leaves its definition out (ooi's text/plain
 * and text/occi discovery have no `attributes=` and no `actions=`) still serves that Kind as the
 * spec defines it, so the query interface uses these where the server says nothing.
 *
 * Only what a client may rely on is marked required: a Kind's state (the server always sets it)
 * and a volume's size. The spec's multiplicity of 1 for a network interface's MAC and a storage
 * link's device id is left out: every server assigns them, and a form that insisted on them
 * would block creates the server accepts.
 */
import type { AttributeDefinition, Kind, TypeId } from './model.ts';
import { COMPUTE, NETWORK, NETWORKINTERFACE, STORAGE, STORAGELINK } from './well-known.ts';

const ACTION = 'http://schemas.ogf.org/occi/infrastructure/';

function attributes(...names: readonly string[]): AttributeDefinition[] {
  return names.map((spec) => {
    const [name = '', flags = ''] = spec.split(' ');
    return { name, mutable: !flags.includes('immutable'), required: flags.includes('required') };
  });
}

function actions(kind: string, ...terms: readonly string[]): TypeId[] {
  return terms.map((term) => `${ACTION}${kind}/action#${term}`);
}

const SPEC_KINDS: ReadonlyMap<TypeId, Pick<Kind, 'attributes' | 'actions'>> = new Map([
  [
    COMPUTE,
    {
      attributes: attributes(
        'occi.compute.architecture',
        'occi.compute.cores',
        'occi.compute.hostname',
        'occi.compute.share',
        'occi.compute.memory',
        'occi.compute.state immutable,required',
        'occi.compute.state.message immutable',
      ),
      actions: actions('compute', 'start', 'stop', 'restart', 'suspend', 'save'),
    },
  ],
  [
    STORAGE,
    {
      attributes: attributes(
        'occi.storage.size required',
        'occi.storage.state immutable,required',
        'occi.storage.state.message immutable',
      ),
      actions: actions('storage', 'online', 'offline'),
    },
  ],
  [
    NETWORK,
    {
      attributes: attributes(
        'occi.network.vlan',
        'occi.network.label',
        'occi.network.state immutable,required',
        'occi.network.state.message immutable',
      ),
      actions: actions('network', 'up', 'down'),
    },
  ],
  [
    NETWORKINTERFACE,
    {
      attributes: attributes(
        'occi.networkinterface.interface immutable',
        'occi.networkinterface.mac',
        'occi.networkinterface.state immutable,required',
        'occi.networkinterface.state.message immutable',
      ),
      actions: [],
    },
  ],
  [
    STORAGELINK,
    {
      attributes: attributes(
        'occi.storagelink.deviceid',
        'occi.storagelink.mountpoint',
        'occi.storagelink.state immutable,required',
        'occi.storagelink.state.message immutable',
      ),
      actions: [],
    },
  ],
]);

/** What of a Kind's definition came from the spec because the server gave none. */
export interface SpecFilled {
  readonly attributes: boolean;
  readonly actions: boolean;
}

/**
 * The Kind with the spec's attributes and actions where the discovery says nothing of them, and
 * what was filled in; a Kind the spec does not define comes back as it is. `thin` says which of
 * the two the whole query interface leaves out: a server that defines attributes or actions for
 * any Kind means what it says of every Kind, and a Kind it gives no actions has none.
 */
export function withSpecDefinition(
  kind: Kind,
  id: TypeId,
  thin: SpecFilled,
): { readonly kind: Kind; readonly filled: SpecFilled } {
  const spec = SPEC_KINDS.get(id);
  const attributesMissing =
    thin.attributes && spec !== undefined && kind.attributes.length === 0 && spec.attributes.length > 0;
  const actionsMissing = thin.actions && spec !== undefined && kind.actions.length === 0 && spec.actions.length > 0;
  if (!attributesMissing && !actionsMissing) return { kind, filled: { attributes: false, actions: false } };
  return {
    kind: {
      ...kind,
      ...(attributesMissing && { attributes: spec.attributes }),
      ...(actionsMissing && { actions: spec.actions }),
    },
    filled: { attributes: attributesMissing, actions: actionsMissing },
  };
}
