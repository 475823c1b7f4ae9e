/**
 * The rows of a resource list, virtualised: only the rows in view are in the DOM, so 10,000 VMs
 * scroll as smoothly as ten. A real table with a fixed layout, sortable column headers and a
 * checkbox per row; the rows out of view are two spacer rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Entity } from '../../../occi/index.ts';
import { entityName, stateOf } from '../entity-summary.ts';
import type { Column, ListOrder } from '../list-view.ts';
import { StateBadge } from './state-badge.tsx';

const ROW_HEIGHT = 40;

export interface ResourceTableProps {
  readonly label: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Entity[];
  readonly value: (entity: Entity, columnId: string) => string | number | undefined;
  readonly href: (entity: Entity) => string;
  readonly order: ListOrder;
  readonly onSort: (columnId: string) => void;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (location: string, selected: boolean) => void;
  readonly onSelectAll: (selected: boolean) => void;
}

function formatCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
  return value;
}

export function ResourceTable({
  label,
  columns,
  rows,
  value,
  href,
  order,
  onSort,
  selected,
  onSelect,
  onSelectAll,
}: ResourceTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the first measure (and in tests, which have no layout) assume a screenful.
    initialRect: { width: 1200, height: 640 },
  });
  // The name takes what the others leave; the table scrolls sideways below its minimum width.
  const rems = [
    2.75,
    undefined,
    8,
    ...columns.slice(2).map((column) => (column.id === 'templates' ? 13 : column.numeric ? 6 : 9)),
  ];
  const minWidth = rems.reduce<number>((sum, rem) => sum + (rem ?? 12), 0);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.location ?? ''));
  const items = virtualizer.getVirtualItems();
  // Spacer rows stand for the rows out of view, so the table keeps its real semantics and its scroll height.
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="resource-scroller">
      <table
        className="resource-table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        style={{ minWidth: `${minWidth}rem` }}
      >
        <colgroup>
          {rems.map((rem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
            <col key={index} style={rem === undefined ? undefined : { width: `${rem}rem` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-select">
              <input
                type="checkbox"
                aria-label={allSelected ? 'Clear the selection' : `Select all ${rows.length} shown`}
                checked={allSelected}
                onChange={(event) => onSelectAll(event.target.checked)}
              />
            </th>
            {columns.map((column) => {
              const sorted = order.column === column.id;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={sorted ? (order.descending ? 'descending' : 'ascending') : 'none'}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column.id)}>
                    {column.label}
                    <span aria-hidden="true">{sorted ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it takes focus
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: before }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const entity = rows[item.index] as Entity;
            const location = entity.location ?? '';
            const name = entityName(entity);
            return (
              <tr
                key={location}
                className={selected.has(location) ? 'selected' : undefined}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                <td className="cell-select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${name}`}
                    checked={selected.has(location)}
                    onChange={(event) => onSelect(location, event.target.checked)}
                  />
                </td>
                {columns.map((column) => {
                  if (column.id === 'name')
                    return (
                      <th scope="row" key={column.id} className="cell-name">
                        <Link to={href(entity)} title={location}>
                          {name}
                        </Link>
                      </th>
                    );
                  if (column.id === 'state')
                    return (
                      <td key={column.id}>
                        <StateBadge state={stateOf(entity)} />
                      </td>
                    );
                  const text = formatCell(value(entity, column.id));
                  return (
                    <td key={column.id} className={column.numeric ? 'numeric' : undefined} title={text}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {after > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it takes focus
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: after }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
