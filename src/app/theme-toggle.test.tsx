// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY } from './theme.ts';

// use-theme.ts applies the remembered choice when it loads: each test loads it afresh.
async function renderToggle() {
  vi.resetModules();
  const { ThemeToggle } = await import('./theme-toggle.tsx');
  render(<ThemeToggle />);
  return screen.getByRole('group', { name: 'Theme' });
}

const root = () => document.documentElement;

describe('the theme toggle', () => {
  beforeEach(() => {
    localStorage.clear();
    root().removeAttribute('data-theme');
  });
  afterEach(cleanup);

  it('follows the system when nothing was chosen', async () => {
    const group = await renderToggle();
    expect(screen.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');
    expect(group).toBeInTheDocument();
    expect(root()).not.toHaveAttribute('data-theme');
  });

  it('applies a remembered choice as soon as it loads', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    vi.resetModules();
    await import('./use-theme.ts');
    expect(root()).toHaveAttribute('data-theme', 'dark');
    await renderToggle();
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('ignores a stored value that is no theme', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    await renderToggle();
    expect(root()).not.toHaveAttribute('data-theme');
    expect(screen.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('sets, remembers and forgets a choice', async () => {
    const user = userEvent.setup();
    await renderToggle();
    await user.click(screen.getByRole('button', { name: 'Dark' }));
    expect(root()).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(screen.getByRole('button', { name: 'Light' }));
    expect(root()).toHaveAttribute('data-theme', 'light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.click(screen.getByRole('button', { name: 'System' }));
    expect(root()).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('follows a choice made in another tab', async () => {
    await renderToggle();
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    });
    expect(root()).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('still switches when the storage refuses to keep the choice', async () => {
    const user = userEvent.setup();
    await renderToggle();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await user.click(screen.getByRole('button', { name: 'Dark' }));
    expect(root()).toHaveAttribute('data-theme', 'dark');
    setItem.mockRestore();
  });
});
