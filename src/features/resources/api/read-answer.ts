/**
 * What a write's answer says, read leniently: servers answer a create or an action with the
 * entity, its location (in `Location`, `X-OCCI-Location` or the body), `OK`, or nothing at all
 * (ooi's 204), and any of these is success.
 */
import type { OcciAnswer } from '../../../lib/occi-client.ts';
import { type Entity, parseMessage, type Structure } from '../../../occi/index.ts';

function message(answer: OcciAnswer<Structure>) {
  return { contentType: answer.headers.get('content-type'), headers: answer.headers, body: answer.body };
}

/** The entity the answer carries, or null when it carries none this console can read. */
export function entityOfAnswer(answer: OcciAnswer<Structure>): Entity | null {
  if (answer.body.trim() === '' && !answer.headers.has('category')) return null;
  try {
    const entity = parseMessage('entity', message(answer));
    return entity.kind === '' ? null : entity;
  } catch {
    return null;
  }
}

/** Where a create put the new entity: `Location`, else `X-OCCI-Location`, else the body. */
export function createdLocation(answer: OcciAnswer<Structure>): string | null {
  const header = answer.headers.get('location') ?? answer.headers.get('x-occi-location');
  if (header !== null && header.trim() !== '') return header.split(',')[0]?.trim() ?? null;
  try {
    const list = parseMessage('location-list', message(answer));
    if (list.locations[0] !== undefined) return list.locations[0];
  } catch {
    // Not a location list: perhaps the entity itself (OCCI JSON).
  }
  return null;
}
