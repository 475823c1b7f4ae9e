/** What a link is known by on screen, and where it lives, whatever the server rendered of it. */
import type { Link, QueryInterface } from '../../occi/index.ts';
import { textOf } from './attribute-form.ts';
import { entityId } from './entity-summary.ts';

/** The attributes a link is known by, in a line: `/dev/vdb`, `eth0 10.0.0.4`. */
const LINK_FACTS = /\.(mountpoint|deviceid|interface|mac|address|gateway|allocation)$/;

export function linkFacts(link: Link): string {
  return [...link.attributes]
    .filter(([name]) => LINK_FACTS.test(name))
    .map(([, value]) => textOf(value))
    .filter((text) => text !== '')
    .join(' · ');
}

/**
 * Where a link lives: its own location (text renderings give `self`), else its Kind's collection
 * and its id (OCCI JSON renders inline links with an id only), or its id when that is a path (rOCCI).
 */
export function linkLocation(link: Link, queryInterface: QueryInterface): string | undefined {
  if (link.location !== undefined) return link.location;
  const id = entityId(link);
  if (id.includes('/')) return id;
  const collection = queryInterface.kind(link.kind)?.location;
  return collection === undefined || id === '(no id)' ? undefined : `${collection.replace(/\/?$/, '/')}${id}`;
}
