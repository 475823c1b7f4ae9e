// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FactsTable, KeyValueTable } from './facts-table.tsx';

afterEach(cleanup);

describe('FactsTable', () => {
  it('names each row by its first cell and puts the values beside it', () => {
    render(
      <FactsTable
        caption="Sizes"
        columns={['Name', 'Size', 'Unit']}
        cellClasses={['', 'muted']}
        rows={[{ key: 'a', name: 'alpha', cells: ['12', 'kB'] }]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Sizes' });
    expect(within(table).getByRole('rowheader', { name: 'alpha' })).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /alpha/ });
    expect(row).toHaveTextContent('alpha12kB');
    expect(within(row).getByText('kB')).toHaveClass('muted');
    expect(within(row).getByText('12')).not.toHaveClass('muted');
  });

  it('says when there are no rows', () => {
    render(<FactsTable caption="Empty" columns={['Name', 'Value']} rows={[]} empty="Nothing here." />);
    expect(screen.getByRole('cell', { name: 'Nothing here.' })).toHaveAttribute('colspan', '2');
  });
});

describe('KeyValueTable', () => {
  it('keeps repeated names as separate rows, in order', () => {
    render(
      <KeyValueTable
        caption="Headers"
        entries={[
          ['Category', 'a'],
          ['Category', 'b'],
        ]}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Headers' })).getAllByRole('row', { name: /Category/ });
    expect(rows.map((row) => row.textContent)).toEqual(['Categorya', 'Categoryb']);
  });
});
