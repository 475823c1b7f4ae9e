// The end-to-end tests drive Debian's Chromium: test tools cannot download their own browser on
// these machines. Installs it with apt when it is missing (the test machines run as root).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  console.log(`${chromiumPath} is missing: installing Debian's chromium with apt-get ...`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(
        `'${args.join(' ')}' failed. Install Chromium yourself (apt-get install chromium) or set CHROMIUM_PATH.`,
      );
      process.exit(1);
    }
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
}
