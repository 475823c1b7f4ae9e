// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCategories, flavorId } from '../../../mocks/demo-model.ts';
import { createQueryInterface, type Mixin, type TypeId, wellKnown } from '../../../occi/index.ts';
import { TemplatePicker, templateFacts } from './template-picker.tsx';

afterEach(cleanup);

const OS_SCHEME = 'http://schemas.openstack.org/template/os#';
/** The demo's images and four more, enough for the picker to offer a search. */
const extraImages: Mixin[] = ['fedora-40', 'rocky-9', 'opensuse-15', 'ubuntu-24.04'].map((term) => ({
  class: 'mixin',
  scheme: OS_SCHEME,
  term,
  title: `Image: ${term}`,
  depends: [wellKnown.OS_TPL],
  applies: [wellKnown.COMPUTE],
  attributes: [],
  actions: [],
}));
const qi = createQueryInterface({ ...demoCategories, mixins: [...demoCategories.mixins, ...extraImages] });

function Picker({ templates, initial }: { templates: readonly Mixin[]; initial?: TypeId }) {
  const [value, setValue] = useState<TypeId | undefined>(initial);
  return (
    <>
      <TemplatePicker
        legend="Operating system"
        templates={templates}
        queryInterface={qi}
        value={value}
        optional
        onChange={setValue}
      />
      <output aria-label="chosen">{value ?? 'none'}</output>
    </>
  );
}

describe('the template picker', () => {
  it('says what a flavour brings', () => {
    expect(templateFacts(qi, flavorId('m1.medium'))).toBe('2 cores, 4 GiB memory');
    expect(templateFacts(qi, `${OS_SCHEME}debian-12` as TypeId)).toBe('');
  });

  it('offers no search for a short list', () => {
    render(<Picker templates={qi.resourceTemplates()} />);
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(6);
  });

  it('searches a long list by title and term, keeping the chosen one in sight', async () => {
    const images = qi.osTemplates();
    expect(images.length).toBeGreaterThanOrEqual(8);
    render(<Picker templates={images} initial={`${OS_SCHEME}debian-12` as TypeId} />);
    const group = screen.getByRole('group', { name: 'Operating system' });
    await userEvent.type(within(group).getByRole('searchbox', { name: 'Search operating system' }), 'ubuntu');
    const shown = within(group)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(shown).toEqual([
      'None',
      expect.stringMatching(/Ubuntu 22\.04/),
      expect.stringMatching(/Debian 12/),
      'ubuntu-24.04',
    ]);
    await userEvent.click(within(group).getByRole('radio', { name: 'ubuntu-24.04' }));
    expect(screen.getByRole('status', { name: 'chosen' })).toHaveTextContent(`${OS_SCHEME}ubuntu-24.04`);

    await userEvent.clear(within(group).getByRole('searchbox'));
    await userEvent.type(within(group).getByRole('searchbox'), 'windows');
    expect(within(group).getByText('Nothing matches “windows”.')).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'ubuntu-24.04' })).toBeChecked();
  });
});
