import { THEME_CHOICES, type ThemeChoice } from './theme.ts';
import { useTheme } from './use-theme.ts';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The header's theme switch: the system's theme, or always light, or always dark. */
export function ThemeToggle() {
  const [choice, setChoice] = useTheme();
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((option) => (
        <button key={option} type="button" aria-pressed={choice === option} onClick={() => setChoice(option)}>
          {LABELS[option]}
        </button>
      ))}
    </fieldset>
  );
}
