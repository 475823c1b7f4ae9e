/**
 * The colour theme: the system's (`prefers-color-scheme`), or light or dark as the user chose in
 * the header. A choice is kept in localStorage and shown as `data-theme` on the root element, which
 * app.css reads; "system" removes the attribute so the media query decides.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'occi-console.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** localStorage, or undefined where reading it throws (storage disabled, sandboxed frame). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The remembered choice; "system" when there is none or it is not one of ours. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = storage()?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers a choice; "system" forgets it. A full or disabled storage only loses the memory. */
export function storeThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage()?.removeItem(THEME_STORAGE_KEY);
    else storage()?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // The choice still applies to this page.
  }
}

/** Shows a choice on the root element, where app.css picks the colours from it. */
export function applyThemeChoice(
  choice: ThemeChoice,
  root: HTMLElement | undefined = globalThis.document?.documentElement,
): void {
  if (root === undefined) return;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Reads a stored value as a choice, for the `storage` event of another tab. */
export function themeChoiceOf(value: string | null): ThemeChoice {
  return isThemeChoice(value) ? value : 'system';
}
