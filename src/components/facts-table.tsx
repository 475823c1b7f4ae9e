import type { ReactNode } from 'react';

export interface FactsRow {
  /** Unique within the table. */
  readonly key: string;
  /** The row's name, shown as its header cell. */
  readonly name: ReactNode;
  readonly cells: readonly ReactNode[];
  readonly className?: string;
}

/**
 * A table of named rows: the first column names each row (a row header, so a screen reader reads
 * "occi.core.title, web-01"), the others hold its values.
 */
export function FactsTable({
  caption,
  columns,
  rows,
  empty = 'None.',
  cellClasses = [],
}: {
  caption: ReactNode;
  /** Column titles, the first one for the row names. */
  columns: readonly string[];
  rows: readonly FactsRow[];
  empty?: string;
  /** A class for the value cells of each column after the first (`['', 'muted']`). */
  cellClasses?: readonly string[];
}) {
  return (
    <table className="facts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key} className={row.className}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, index) => (
                // Cells have no identity beyond their column.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <td key={index} className={cellClasses[index] || undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Name/value pairs (HTTP headers, say) as a two-column FactsTable; repeated names stay separate rows. */
export function KeyValueTable({
  caption,
  entries,
  keyLabel = 'Name',
  valueLabel = 'Value',
  empty,
}: {
  caption: ReactNode;
  entries: ReadonlyArray<readonly [string, string]>;
  keyLabel?: string;
  valueLabel?: string;
  empty?: string;
}) {
  return (
    <FactsTable
      caption={caption}
      columns={[keyLabel, valueLabel]}
      rows={entries.map(([name, value], index) => ({
        key: `${index}:${name}`,
        name: <code>{name}</code>,
        cells: [<code key="value">{value}</code>],
      }))}
      {...(empty === undefined ? {} : { empty })}
    />
  );
}
