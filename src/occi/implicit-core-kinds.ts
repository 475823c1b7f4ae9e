/**
 * The three core Kinds as the spec defines them (spec digest §1.6). A server's query interface
 * may leave them out (pyssf does) while its Kinds still name them as parents, so the query
 * interface falls back on these whenever the server lists no definition of its own.
 */
import type { Kind } from './model.ts';
import { CORE, ENTITY, LINK, RESOURCE } from './well-known.ts';

export const IMPLICIT_CORE_KINDS: readonly Kind[] = [
  {
    class: 'kind',
    scheme: CORE,
    term: 'entity',
    title: 'Entity',
    attributes: [
      { name: 'occi.core.id', mutable: false, required: true },
      { name: 'occi.core.title', mutable: true, required: false },
    ],
    actions: [],
  },
  {
    class: 'kind',
    scheme: CORE,
    term: 'resource',
    title: 'Resource',
    parent: ENTITY,
    attributes: [{ name: 'occi.core.summary', mutable: true, required: false }],
    actions: [],
  },
  {
    class: 'kind',
    scheme: CORE,
    term: 'link',
    title: 'Link',
    parent: ENTITY,
    attributes: [
      { name: 'occi.core.source', mutable: true, required: true },
      { name: 'occi.core.target', mutable: true, required: true },
    ],
    actions: [],
  },
];

/** The spec's parent of a core Kind, for a server that lists `core#resource` without `rel`. */
export function coreParentOf(id: string): string | undefined {
  return id === RESOURCE || id === LINK ? ENTITY : undefined;
}
