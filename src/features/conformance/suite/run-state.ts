/**
 * What the checks of one run learn and hand on: the query interface, the entities read, what was
 * created (for the checks that work on it, and for the clean-up at the end).
 */
import type { CategoryCollection, Entity, OcciMediaType, QueryInterface, TypeId } from '../../../occi/index.ts';
import type { ProbeResponse } from './conformance-types.ts';

/** The query interface as one rendering gave it. */
export interface Discovery {
  readonly rendering: OcciMediaType;
  readonly response: ProbeResponse;
  readonly categories: CategoryCollection;
}

/** An entity read in text/plain, where the server wrote it. */
export interface ReadEntity {
  readonly location: string;
  readonly response: ProbeResponse;
  readonly entity: Entity;
}

/** Something the suite made, to be removed at the end. */
export interface Created {
  /** The server's URL for it, as the server wrote it; for a user mixin its type id. */
  readonly location: string;
  readonly what: 'entity' | 'user-mixin';
  readonly kind?: TypeId;
  /** For a user mixin: the Category to send in the DELETE to `/-/`. */
  readonly category?: string;
  /** False when the server did not say where it is: it cannot be removed. */
  readonly known: boolean;
  /** Removed already by a check (CORE/DELETE/001). */
  removed?: boolean;
}

export type FixtureName = 'compute' | 'storage' | 'network';

export class RunState {
  /** GET /-/ in text/plain (OCCI/CORE/DISCOVERY/001). */
  textDiscovery: Discovery | undefined;
  /** GET /-/ asked in OCCI JSON, whatever the answer (discovery.renderings). */
  jsonAnswer: ProbeResponse | undefined;
  /** GET /-/ in OCCI JSON, when the server offers it. */
  jsonDiscovery: Discovery | undefined;
  /** The richest query interface: OCCI JSON when offered, else text. */
  model: QueryInterface | undefined;
  modelRendering: OcciMediaType | undefined;
  /** The compute collection as listed in text/plain (OCCI/CORE/READ/001). */
  computeLocations: readonly string[] | undefined;
  computeCollection: ProbeResponse | undefined;
  /** The computes read in text/plain (OCCI/CORE/READ/007). */
  computes: readonly ReadEntity[] | undefined;
  /** Every answer so far, for the Server header check. */
  readonly answers: ProbeResponse[] = [];
  /** In the order made. */
  readonly created: Created[] = [];
  /** The resources the change checks work on, by role. */
  readonly fixtures = new Map<FixtureName, string>();
  /** The compute created bare by OCCI/CORE/CREATE/001, for OCCI/CORE/DELETE/001. */
  bareCompute: string | undefined;
  /** What the action check saw, for the check that compares actions before and after. */
  actionRun: ActionRun | undefined;
}

export interface ActionRun {
  readonly location: string;
  readonly action: TypeId;
  readonly stateBefore: string | undefined;
  readonly actionsBefore: readonly TypeId[];
  readonly before: ProbeResponse;
}
