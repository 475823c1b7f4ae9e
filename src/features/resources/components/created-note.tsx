/**
 * On a new entity's page: what the server did not keep of the create, and how the create had to
 * be sent, in words. Shown while the page is the one the create led to.
 */
import { useLocation } from 'react-router';
import type { Entity, QueryInterface } from '../../../occi/index.ts';
import { readCreatedState, sentAsUpdate } from '../created-state.ts';
import { mixinLabel } from '../list-view.ts';
import { ignoredChanges } from '../update-outcome.ts';
import { OutcomeNote } from './outcome-note.tsx';

export function CreatedNote({ entity, queryInterface }: { entity: Entity; queryInterface: QueryInterface }) {
  const created = readCreatedState(useLocation().state);
  if (created === undefined) return null;
  const ignored = ignoredChanges(sentAsUpdate(created), [], entity, queryInterface, (id) =>
    mixinLabel(queryInterface, id),
  );
  return (
    <OutcomeNote
      outcome={{ fallback: created.renderingFallback ?? null, ignored }}
      lead="The server made it, but did not keep all that was sent:"
    />
  );
}
