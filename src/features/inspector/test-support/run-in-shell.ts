import { spawnSync } from 'node:child_process';

/**
 * Runs a command line in a real POSIX shell with `program` replaced by a function that prints its
 * arguments, NUL-separated: what the shell would hand the program, word for word.
 */
export function argumentsInShell(program: string, commandLine: string, env: Record<string, string> = {}): string[] {
  const script = `${program}() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${commandLine}\n`;
  const result = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', ...env },
  });
  if (result.status !== 0) throw new Error(`sh failed: ${result.stderr}`);
  const words = result.stdout.split('\0');
  words.pop();
  return words;
}
