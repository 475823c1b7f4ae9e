/**
 * Which rendering the client speaks to each endpoint: the one reads worked in (negotiated), the
 * one writes worked in when it differs (a server that renders OCCI JSON but cannot read it), or
 * the user's override for both. Kept in localStorage so a reload does not negotiate again; where
 * storage is missing or refused (private windows, tests), it lives in memory for the session.
 */
import type { OcciMediaType } from '../occi/index.ts';

export interface RenderingStore {
  negotiated(endpointId: string): OcciMediaType | undefined;
  setNegotiated(endpointId: string, mediaType: OcciMediaType): void;
  /** The rendering a write went through in after another was refused. */
  negotiatedWrite(endpointId: string): OcciMediaType | undefined;
  setNegotiatedWrite(endpointId: string, mediaType: OcciMediaType): void;
  override(endpointId: string): OcciMediaType | undefined;
  setOverride(endpointId: string, mediaType: OcciMediaType | undefined): void;
}

const KEY = 'occi-console.renderings';
const RENDERINGS: ReadonlySet<string> = new Set(['application/occi+json', 'text/plain', 'text/occi']);

interface Stored {
  negotiated: Record<string, string>;
  negotiatedWrite: Record<string, string>;
  override: Record<string, string>;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function createRenderingStore(backing: Storage | undefined = storage()): RenderingStore {
  let state: Stored = { negotiated: {}, negotiatedWrite: {}, override: {} };
  try {
    const raw = backing?.getItem(KEY);
    if (raw !== null && raw !== undefined) {
      const parsed = JSON.parse(raw) as Partial<Stored>;
      state = {
        negotiated: { ...parsed.negotiated },
        negotiatedWrite: { ...parsed.negotiatedWrite },
        override: { ...parsed.override },
      };
    }
  } catch {
    // A damaged entry is forgotten: negotiating again costs one request.
  }
  const save = () => {
    try {
      backing?.setItem(KEY, JSON.stringify(state));
    } catch {
      // Storage full or refused: the choice lasts for this session.
    }
  };
  const read = (table: Record<string, string>, id: string): OcciMediaType | undefined => {
    const value = Object.hasOwn(table, id) ? table[id] : undefined;
    return value !== undefined && RENDERINGS.has(value) ? (value as OcciMediaType) : undefined;
  };
  return {
    negotiated: (id) => read(state.negotiated, id),
    setNegotiated(id, mediaType) {
      if (read(state.negotiated, id) === mediaType) return;
      state = { ...state, negotiated: { ...state.negotiated, [id]: mediaType } };
      save();
    },
    negotiatedWrite: (id) => read(state.negotiatedWrite, id),
    setNegotiatedWrite(id, mediaType) {
      if (read(state.negotiatedWrite, id) === mediaType) return;
      state = { ...state, negotiatedWrite: { ...state.negotiatedWrite, [id]: mediaType } };
      save();
    },
    override: (id) => read(state.override, id),
    setOverride(id, mediaType) {
      const next = { ...state.override };
      if (mediaType === undefined) delete next[id];
      else next[id] = mediaType;
      state = { ...state, override: next };
      save();
    },
  };
}
