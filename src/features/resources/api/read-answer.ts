/**
 * What a write's answer says, read leniently: servers answer a create or an action with the
 * entity, its location (in `Location`, `X-OCCI-Location` or the body), `OK`, or nothing at all
 * (ooi's 204), and any of these is success.
 */
import type { OcciAnswer } from '../../../lib/occi-client.ts';
import { type Entity, parseMessage, type Structure } from '../../../occi/index.ts';
import { locationInCollection } from '../entity-summary.ts';

/** What these functions read of an answer: also what an exchange in the log keeps. */
type AnswerText = Pick<OcciAnswer<Structure>, 'headers' | 'body'>;

function message(answer: AnswerText) {
  return { contentType: answer.headers.get('content-type'), headers: answer.headers, body: answer.body };
}

/** The entity the answer carries, or null when it carries none this console can read. */
export function entityOfAnswer(answer: AnswerText): Entity | null {
  // text/occi carries the entity in headers (ooi: empty body); rOCCI-server 2 names them X-OCCI-Category.
  const inHeaders = answer.headers.has('category') || answer.headers.has('x-occi-category');
  if (answer.body.trim() === '' && !inHeaders) return null;
  try {
    const entity = parseMessage('entity', message(answer));
    return entity.kind === '' ? null : entity;
  } catch {
    return null;
  }
}

/** Where a create put the new entity: `Location`, else `X-OCCI-Location`, else the body. */
export function createdLocation(answer: AnswerText): string | null {
  for (const name of ['location', 'x-occi-location']) {
    // rOCCI-server 1 comma-joins a list in `Location`; the first is the new entity.
    const first = answer.headers.get(name)?.split(',')[0]?.trim();
    if (first !== undefined && first !== '') return first;
  }
  try {
    const list = parseMessage('location-list', message(answer));
    if (list.locations[0] !== undefined) return list.locations[0];
  } catch {
    // Not a location list: perhaps the entity itself (OCCI JSON).
  }
  return null;
}

/**
 * Where a create posted to `collection` put the new entity: where the answer says, else, for an
 * answer with the entity only (ooi's OCCI JSON names it by id), its id in the collection.
 */
export function newEntityLocation(answer: AnswerText, collection: string): string | null {
  const said = createdLocation(answer);
  if (said !== null) return said;
  const entity = entityOfAnswer(answer);
  return entity === null ? null : locationInCollection(collection, entity);
}
