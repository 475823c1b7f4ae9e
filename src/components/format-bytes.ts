/** A byte count for people: `512 B`, `4.2 kB`, `1.3 MB` (decimal units, as browsers' network panels show). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 'B';
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** The UTF-8 size of a text, which is what travels for it on the wire. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
