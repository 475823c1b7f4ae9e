import {
  isOcciMediaTypeError,
  isOcciParseError,
  isOcciRenderError,
  OCCI_MEDIA_TYPES,
  type OcciMediaType,
  parseMessage,
  type RenderedMessage,
  renderMessage,
  type Structure,
  type StructureModels,
} from '../../occi/index.ts';

export type Rendering =
  | { readonly ok: true; readonly message: RenderedMessage }
  | { readonly ok: false; readonly reason: string };

export type Analysis =
  | {
      readonly ok: true;
      readonly model: StructureModels[Structure];
      readonly renderings: ReadonlyMap<OcciMediaType, Rendering>;
    }
  | { readonly ok: false; readonly reason: string; readonly line?: number; readonly column?: number };

/**
 * text/occi lives in HTTP headers; in the lab it is pasted as `Name: value` lines. Blank lines are
 * kept as lines that carry no header, so error line numbers match what the user sees.
 */
function headersOf(text: string): Array<[string, string]> {
  return text.split(/\r\n|\n|\r/).flatMap((line): Array<[string, string]> => {
    const colon = line.indexOf(':');
    return colon < 0 ? [] : [[line.slice(0, colon).trim(), line.slice(colon + 1).trim()]];
  });
}

function errorText(error: unknown): string {
  if (isOcciParseError(error) || isOcciRenderError(error) || isOcciMediaTypeError(error)) return error.message;
  throw error;
}

/** Parses what the user pasted, then renders the model in every rendering that can carry it. */
export function analyseMessage(structure: Structure, mediaType: OcciMediaType, text: string): Analysis {
  let model: StructureModels[Structure];
  try {
    model = parseMessage(structure, {
      contentType: mediaType,
      headers: mediaType === 'text/occi' ? headersOf(text) : [],
      body: text,
    });
  } catch (error) {
    if (isOcciParseError(error)) return { ok: false, reason: error.message, line: error.line, column: error.column };
    return { ok: false, reason: errorText(error) };
  }
  const renderings = new Map<OcciMediaType, Rendering>();
  for (const target of OCCI_MEDIA_TYPES) {
    try {
      renderings.set(target, { ok: true, message: renderMessage(structure, model, target) });
    } catch (error) {
      renderings.set(target, { ok: false, reason: errorText(error) });
    }
  }
  return { ok: true, model, renderings };
}

/**
 * How a rendered message reads on the wire: header lines, a blank line, the body. JSON is sent
 * compact; it is indented here only so that a person can read it.
 */
export function wireText(message: RenderedMessage): string {
  const head = [`Content-Type: ${message.contentType}`, ...message.headers.map(([name, value]) => `${name}: ${value}`)];
  const body =
    message.contentType === 'application/occi+json' ? JSON.stringify(JSON.parse(message.body), null, 2) : message.body;
  return body === '' ? head.join('\n') : `${head.join('\n')}\n\n${body}`;
}
