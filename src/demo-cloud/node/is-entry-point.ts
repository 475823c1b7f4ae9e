import { realpathSync } from 'node:fs';

/**
 * Whether the module at `moduleFile` (its `import.meta.filename`) is the script node was started
 * with, through links and `npx tsx` alike: a command-line module runs its main only then, and its
 * tests can import it without starting it.
 */
export function isEntryPoint(moduleFile: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(moduleFile);
  } catch {
    return false;
  }
}
