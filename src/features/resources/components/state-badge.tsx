import { type EntityState, isTransitional, stateTone } from '../entity-summary.ts';

/** An entity's state as a coloured badge; a state on its way somewhere says so and what. */
export function StateBadge({ state }: { state: EntityState | undefined }) {
  if (state === undefined) return <span className="badge neutral">no state</span>;
  const moving = isTransitional(state);
  return (
    <span className={`badge ${stateTone(state)}`} title={state.message ?? state.attribute}>
      {moving ? <span className="spinner" aria-hidden="true" /> : null}
      {state.value}
      {moving && state.message !== undefined && state.message.toLowerCase() !== state.value.toLowerCase()
        ? ` · ${state.message}`
        : ''}
    </span>
  );
}
