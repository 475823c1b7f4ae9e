// Installs the project's npm packages when they are missing or older than the lockfile, so the
// README's two commands work on a fresh clone with nothing installed by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const lock = 'package-lock.json';

const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
if (stale) {
  // Optional dependencies carry the native binaries of rolldown, esbuild and Biome: never omit them.
  const args = existsSync(lock) ? ['ci', '--include=optional'] : ['install'];
  console.log(`Installing npm packages (npm ${args.join(' ')}) ...`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm could not install the packages; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
