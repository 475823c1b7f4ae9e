/**
 * The position a JavaScript engine's JSON.parse message gives, if any:
 * - V8 (Node 20, Chrome): `... in JSON at position 6`; newer V8 adds `(line 1 column 7)`;
 *   its "Unexpected token" messages give none;
 * - Firefox: `JSON.parse: ... at line 1 column 7 of the JSON data`;
 * - Safari: none.
 * Only a fallback: `findJsonSyntaxError` works the position out itself in every engine.
 */
export type EnginePosition = { readonly offset: number } | { readonly line: number; readonly column: number };

export function engineErrorPosition(message: string): EnginePosition | undefined {
  const lineColumn = /\bline (\d+) column (\d+)/.exec(message);
  if (lineColumn !== null) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /\bat position (\d+)/.exec(message);
  if (position !== null) return { offset: Number(position[1]) };
  return undefined;
}
