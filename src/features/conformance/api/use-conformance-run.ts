import { useSyncExternalStore } from 'react';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { type ConformanceRun, conformanceRuns } from './conformance-runs.ts';

export interface ConformanceRunControls {
  readonly run: ConformanceRun;
  readonly start: (allowChanges: boolean) => void;
  readonly cancel: () => void;
}

/** The endpoint's conformance run, as it goes: its results as they come, and Run and Cancel. */
export function useConformanceRun(endpointId: string): ConformanceRunControls {
  const runs = conformanceRuns(useOcciClient());
  const run = useSyncExternalStore(runs.subscribe, () => runs.get(endpointId));
  return {
    run,
    start: (allowChanges) => runs.start(endpointId, allowChanges),
    cancel: () => runs.cancel(endpointId),
  };
}
