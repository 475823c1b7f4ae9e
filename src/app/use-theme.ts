import { useSyncExternalStore } from 'react';
import {
  applyThemeChoice,
  readThemeChoice,
  storeThemeChoice,
  THEME_STORAGE_KEY,
  type ThemeChoice,
  themeChoiceOf,
} from './theme.ts';

/*
 * The theme choice of this page, applied as soon as this module loads: the layout imports it, so
 * the remembered theme is on the root element before React first renders. (Earlier would take an
 * inline script in index.html, which the console's Content-Security-Policy forbids; the flash of
 * the system theme this leaves lasts until the main bundle runs.)
 */
let current: ThemeChoice = readThemeChoice();
applyThemeChoice(current);

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Chooses a theme for this page, remembers it, and tells every `useTheme` caller. */
export function setThemeChoice(choice: ThemeChoice): void {
  current = choice;
  storeThemeChoice(choice);
  applyThemeChoice(choice);
  notify();
}

// A choice made in another tab of the console applies here too.
function onStorage(event: StorageEvent): void {
  if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
  current = themeChoiceOf(event.key === null ? null : event.newValue);
  applyThemeChoice(current);
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
  };
}

function snapshot(): ThemeChoice {
  return current;
}

/** The theme choice and the function that changes it. */
export function useTheme(): readonly [ThemeChoice, (choice: ThemeChoice) => void] {
  return [useSyncExternalStore(subscribe, snapshot, snapshot), setThemeChoice];
}
