/** Request bodies rendered by the protocol library, as a client built on it would send them. */
import { type OcciMediaType, renderMessage, type Structure, type StructureModels } from '../../occi/index.ts';
import type { SendOptions } from './send.ts';

export type RequestRendering = Exclude<OcciMediaType, 'text/uri-list'>;

export const RENDERINGS: readonly RequestRendering[] = ['text/plain', 'text/occi', 'application/occi+json'];

/** The model in one rendering, asking for the same rendering back. */
export function occiRequest<S extends Structure>(
  structure: S,
  model: StructureModels[S],
  mediaType: RequestRendering,
): SendOptions {
  const rendered = renderMessage(structure, model, mediaType);
  return {
    headers: [['Content-Type', mediaType], ['Accept', mediaType], ...rendered.headers],
    ...(rendered.body === '' ? {} : { body: rendered.body }),
  };
}
