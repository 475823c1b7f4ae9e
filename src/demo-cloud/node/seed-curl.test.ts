/**
 * The seed document's curl commands (the OpenStack OCCI guide, ../shared/seed/) run with the
 * real curl against the real HTTP server, as written: only the host and port change (to the test
 * server's), `$KID` becomes a token, and `-s -o - -w '%{http_code}'` is added so the status can be
 * read. Each command meets a freshly seeded cloud, because the guide's steps reuse ids across
 * steps (it changes the OS of the VM it deleted two steps earlier).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoCloud } from '../create-demo-cloud.ts';
import { type ServedDemoCloud, serveDemoCloud } from './serve-demo-cloud.ts';

const run = promisify(execFile);

/** Copied byte for byte from the guide; the first test checks they still match it. */
const SEED_COMMANDS = {
  discover: `curl -v -H 'X-Auth-Token: '$KID -H -X GET 0.0.0.0:8787/-/`,
  createVm: `curl -v -X POST localhost:8787/compute/ -H 'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: m1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"' -H 'Category: cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"'`,
  listVms: `curl -v -X GET localhost:8787/compute/ -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1'`,
  getVm: `curl -v -X GET localhost:8787/compute/d54b4344-16be-486a-9871-2c566ef2263d -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1'`,
  stopVm: `curl -v -X POST localhost:8787/compute/d54b4344-16be-486a-9871-2c566ef2263d?action=stop -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"'`,
  startVm: `curl -v -X POST localhost:8787/compute/888fc64a-4500-4543-bed4-8ddf3938dcb5?action=start -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: start; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"'`,
  deleteVm: `curl -v -X DELETE localhost:8787/compute/d54b4344-16be-486a-9871-2c566ef2263d -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1'`,
  createStorage: `curl -v -X POST localhost:8787/storage/ -H 'Category: storage; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'occi.storage.size = 1.0'`,
  linkStorage: `curl -v -X POST localhost:8787/storage/link/ -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: storagelink; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' -H 'X-OCCI-Attribute: occi.core.source="http://localhost:8787/compute/e7a34bc4-02e7-43e3-a543-8aec630b5364"' -H 'X-OCCI-Attribute: occi.core.target="http://localhost:8787/storage/1"' -H 'X-OCCI-Attribute: occi.storagelink.mountpoint="/dev/vdb"' -H 'Content-Type: text/occi'`,
  unlinkStorage: `curl -v -X DELETE localhost:8787/storage/link/6cb97f63-7d8a-4474-87cb-4d1c9c581de1 -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Content-Type: text/occi'`,
  scaleUp: `curl -v -X POST localhost:8787/compute/2ee26373-db62-4bbf-9325-ff68a81097e3 -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: m1.medium; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"'`,
  changeOs: `curl -v -X POST localhost:8787/compute/d54b4344-16be-486a-9871-2c566ef2263d -H 'Content-Type: text/occi' -H 'X-Auth-Token: '$KID -H 'X-Auth-Project-ID: 1' -H 'Category: SmartOS; scheme="http://schemas.openstack.org/template/os#"; class="mixin"'`,
} as const;

const SEED_FILE = new URL('../../../../shared/seed/occi-openstack-guide.md', import.meta.url);

/** The curl commands of the guide that talk to the OCCI endpoint (not the Keystone one). */
function commandsInGuide(markdown: string): string[] {
  return [...markdown.matchAll(/```(curl [^`]*?)\s*(?:```|$)/gm)]
    .map((match) => (match[1] ?? '').trim())
    .filter((command) => /(?:0\.0\.0\.0|localhost):8787/.test(command));
}

/**
 * Splits a command line as a POSIX shell would, for what the guide uses: single and double
 * quotes, backslashes, and `$NAME` expanded from `variables`, all glued into one word when
 * adjacent (`'X-Auth-Token: '$KID`).
 */
function shellWords(line: string, variables: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const append = (text: string) => {
    word = (word ?? '') + text;
  };
  while (i < line.length) {
    const char = line[i] as string;
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i += 1;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in ${line}`);
      append(line.slice(i + 1, end));
      i = end + 1;
    } else if (char === '"') {
      let text = '';
      i += 1;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i += 1;
        text += line[i];
        i += 1;
      }
      if (i >= line.length) throw new Error(`unclosed " in ${line}`);
      append(text);
      i += 1;
    } else if (char === '\\') {
      append(line[i + 1] ?? '');
      i += 2;
    } else if (char === '$') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1))?.[0] ?? '';
      const value = variables[name];
      if (value === undefined) throw new Error(`no value for $${name}`);
      append(value);
      i += 1 + name.length;
    } else {
      append(char);
      i += 1;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

interface CurlResult {
  /** The body (or bodies) curl wrote, without the status codes. */
  readonly body: string;
  /** One `%{http_code}` per transfer: `000` for one that got no answer. */
  readonly statuses: readonly string[];
}

let served: ServedDemoCloud | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** Runs one of the guide's commands against a freshly seeded demo cloud. */
async function curl(command: string, transfers = 1): Promise<CurlResult> {
  served = await serveDemoCloud(createDemoCloud({ actionDelayMs: 0 }), { port: 0 });
  const hostPort = new URL(served.url).host;
  const line = command.replace(/(?:0\.0\.0\.0|localhost):8787/g, hostPort);
  const words = shellWords(line, { KID: 'any-token-at-all' });
  expect(words[0]).toBe('curl');
  // A marker before each status code, so bodies cannot be mistaken for one.
  const args = [...words.slice(1), '-s', '-o', '-', '-w', '\n@@status=%{http_code}'];
  // No proxy from the environment: the request must reach the test server itself.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)));
  const { stdout } = await run('curl', args, { env, timeout: 10_000 }).catch(
    // curl exits non-zero when one of several transfers failed (the guide's `-H -X GET`).
    (error: { stdout?: string; code?: unknown }) => {
      if (typeof error.stdout === 'string' && error.stdout.includes('@@status=')) return { stdout: error.stdout };
      throw error;
    },
  );
  const statuses = [...stdout.matchAll(/\n@@status=(\d{3})/g)].map((match) => match[1] as string);
  expect(statuses).toHaveLength(transfers);
  return { body: stdout.replace(/\n@@status=\d{3}/g, ''), statuses };
}

describe("the seed guide's curl commands against the real HTTP server", () => {
  it.skipIf(!existsSync(SEED_FILE))('are copied here exactly as the guide writes them', () => {
    expect(commandsInGuide(readFileSync(SEED_FILE, 'utf8'))).toEqual(Object.values(SEED_COMMANDS));
  });

  it('see what can be provisioned (the guide\'s "-H -X GET" makes curl also try a host named GET)', async () => {
    const result = await curl(SEED_COMMANDS.discover, 2);
    // `-H -X` sends no header (no colon), `GET` is a URL of its own that does not resolve, and
    // 0.0.0.0:8787/-/ is the query interface, in text/plain for curl's `Accept: */*`.
    expect(result.statuses).toEqual(['000', '200']);
    expect(result.body).toContain('Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"');
    expect(result.body).toContain('m1.tiny; scheme="http://schemas.openstack.org/template/resource#"');
    expect(result.body).toContain('cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"');
  });

  it('create a VM', async () => {
    const result = await curl(SEED_COMMANDS.createVm);
    expect(result.statuses).toEqual(['201']);
    expect(result.body).toMatch(/^X-OCCI-Location: http:\/\/127\.0\.0\.1:\d+\/compute\/[0-9a-f-]{36}$/);
  });

  it('get a listing of VMs', async () => {
    const result = await curl(SEED_COMMANDS.listVms);
    expect(result.statuses).toEqual(['200']);
    expect(result.body).toContain('/compute/d54b4344-16be-486a-9871-2c566ef2263d');
  });

  it("get an individual VM's details", async () => {
    const result = await curl(SEED_COMMANDS.getVm);
    expect(result.statuses).toEqual(['200']);
    expect(result.body).toContain('occi.core.id="d54b4344-16be-486a-9871-2c566ef2263d"');
  });

  it('execute a stop action upon a VM', async () => {
    const result = await curl(SEED_COMMANDS.stopVm);
    expect(result.statuses).toEqual(['200']);
    // actionDelayMs 0: the VM is inactive as the answer leaves.
    expect(result.body).toContain('occi.compute.state="inactive"');
  });

  it('execute a start action upon a VM', async () => {
    expect((await curl(SEED_COMMANDS.startVm)).statuses).toEqual(['200']);
  });

  it('delete a VM', async () => {
    expect((await curl(SEED_COMMANDS.deleteVm)).statuses).toEqual(['200']);
  });

  it('create a block storage volume: as written, curl drops the bare size header, so 400 names it', async () => {
    const result = await curl(SEED_COMMANDS.createStorage);
    expect(result.statuses).toEqual(['400']);
    expect(result.body).toContain('occi.storage.size is required');
    expect(result.body).toContain("-H 'X-OCCI-Attribute: occi.storage.size=1.0'");
  });

  it('create a block storage volume: with the size as an X-OCCI-Attribute header it is created', async () => {
    const corrected = SEED_COMMANDS.createStorage.replace(
      "-H 'occi.storage.size = 1.0'",
      "-H 'X-OCCI-Attribute: occi.storage.size=1.0'",
    );
    expect(corrected).not.toBe(SEED_COMMANDS.createStorage);
    expect((await curl(corrected)).statuses).toEqual(['201']);
  });

  it('link and associate that volume to the new instance', async () => {
    expect((await curl(SEED_COMMANDS.linkStorage)).statuses).toEqual(['201']);
  });

  it('unlink and disassociate that volume with the new instance', async () => {
    expect((await curl(SEED_COMMANDS.unlinkStorage)).statuses).toEqual(['200']);
  });

  it('update a VM: scale up', async () => {
    const result = await curl(SEED_COMMANDS.scaleUp);
    expect(result.statuses).toEqual(['200']);
    expect(result.body).toContain('m1.medium; scheme="http://schemas.openstack.org/template/resource#"');
    expect(result.body).not.toContain('m1.tiny;');
  });

  it('update a VM: change the OS (of a VM the guide deleted two steps before: here, a fresh tenant)', async () => {
    const result = await curl(SEED_COMMANDS.changeOs);
    expect(result.statuses).toEqual(['200']);
    expect(result.body).toContain('SmartOS; scheme="http://schemas.openstack.org/template/os#"');
    expect(result.body).not.toContain('cirros-0.3.0-x86_64-blank;');
  });
});
