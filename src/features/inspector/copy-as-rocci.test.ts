import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../lib/exchange.ts';
import { copyAsRocci } from './copy-as-rocci.ts';
import { argumentsInShell } from './test-support/run-in-shell.ts';

type Sent = Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>;
const endpoint = 'https://cloud.example.org:11443/';

function sent(method: string, url: string, body = '', headers: Array<[string, string]> = []): Sent {
  return { method, url, requestHeaders: [['Accept', 'text/plain'], ...headers], requestBody: body };
}

function rocciArgs(exchange: Sent): string[] {
  const command = copyAsRocci(exchange, endpoint);
  if (command === undefined) throw new Error('no command');
  return argumentsInShell('occi', command.command);
}

const createBody =
  'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
  'Category: cirros-0.3.0-x86_64-blank; scheme="http://schemas.openstack.org/template/os#"; class="mixin"\n' +
  'Category: m1.tiny; scheme="http://schemas.openstack.org/template/resource#"; class="mixin"\n' +
  'X-OCCI-Attribute: occi.core.title="web-01"\n';

describe('copyAsRocci', () => {
  it('lists a collection by its kind term', () => {
    expect(rocciArgs(sent('GET', '/occi/demo/compute/'))).toEqual([
      '--endpoint',
      'https://cloud.example.org:11443',
      '--action',
      'list',
      '--resource',
      'compute',
    ]);
  });

  it('describes one resource by its path', () => {
    expect(rocciArgs(sent('GET', '/occi/demo/compute/42'))).toEqual([
      '--endpoint',
      'https://cloud.example.org:11443',
      '--action',
      'describe',
      '--resource',
      '/compute/42',
    ]);
  });

  it('dumps the model for the query interface', () => {
    expect(rocciArgs(sent('GET', '/occi/demo/-/'))).toEqual([
      '--endpoint',
      'https://cloud.example.org:11443',
      '--dump-model',
    ]);
    expect(rocciArgs(sent('GET', '/occi/demo/.well-known/org/ogf/occi/-/'))).toContain('--dump-model');
  });

  it('creates from a text/plain body: kind, templates as TYPE#NAME, attributes', () => {
    const args = rocciArgs(sent('POST', '/occi/demo/compute/', createBody, [['Content-Type', 'text/plain']]));
    expect(args).toEqual([
      '--endpoint',
      'https://cloud.example.org:11443',
      '--action',
      'create',
      '--resource',
      'compute',
      '--mixin',
      'os_tpl#cirros-0.3.0-x86_64-blank',
      '--mixin',
      'resource_tpl#m1.tiny',
      '--attribute',
      'occi.core.title=web-01',
    ]);
  });

  it('creates from text/occi headers the same way', () => {
    const headers: Array<[string, string]> = [
      ['Content-Type', 'text/occi'],
      ['Category', 'storage; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"'],
      ['X-OCCI-Attribute', 'occi.storage.size=1.0, occi.core.title="vol-1"'],
    ];
    const args = rocciArgs(sent('POST', '/occi/demo/storage/', '', headers));
    expect(args.slice(2)).toEqual([
      '--action',
      'create',
      '--resource',
      'storage',
      '--attribute',
      'occi.storage.size=1',
      '--attribute',
      'occi.core.title=vol-1',
    ]);
  });

  it('keeps other mixins as full type identifiers', () => {
    const body = `${createBody}Category: ssh_key; scheme="http://schemas.openstack.org/instance/credentials#"; class="mixin"\n`;
    const args = rocciArgs(sent('POST', '/occi/demo/compute/', body, [['Content-Type', 'text/plain']]));
    expect(args).toContain('http://schemas.openstack.org/instance/credentials#ssh_key');
  });

  it('keeps hostile attribute values inside one shell word', () => {
    const body =
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
      'X-OCCI-Attribute: occi.core.title="it\'s $(reboot) `id` ; rm -rf ~"\n';
    const args = rocciArgs(sent('POST', '/occi/demo/compute/', body, [['Content-Type', 'text/plain']]));
    expect(args.at(-1)).toBe("occi.core.title=it's $(reboot) `id` ; rm -rf ~");
  });

  it('leaves out a value with a comma, which rOCCI-cli would split, and says so', () => {
    const body =
      'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
      'X-OCCI-Attribute: occi.core.title="a, b"\n';
    const command = copyAsRocci(sent('POST', '/occi/demo/compute/', body, [['Content-Type', 'text/plain']]), endpoint);
    expect(command?.command).not.toContain('occi.core.title');
    expect(command?.caveats.join(' ')).toContain('occi.core.title is left out');
  });

  it('triggers an action on a resource', () => {
    expect(rocciArgs(sent('POST', '/occi/demo/compute/42?action=stop')).slice(2)).toEqual([
      '--action',
      'trigger',
      '--resource',
      '/compute/42',
      '--trigger-action',
      'stop',
    ]);
  });

  it('deletes a resource', () => {
    expect(rocciArgs(sent('DELETE', '/occi/demo/compute/42')).slice(2)).toEqual([
      '--action',
      'delete',
      '--resource',
      '/compute/42',
    ]);
  });

  it('has no command where rOCCI-cli has none', () => {
    expect(copyAsRocci(sent('PUT', '/occi/demo/compute/42', createBody), endpoint)).toBeUndefined();
    expect(
      copyAsRocci(sent('POST', '/occi/demo/compute/', 'not occi', [['Content-Type', 'text/plain']]), endpoint),
    ).toBeUndefined();
    expect(copyAsRocci(sent('HEAD', '/occi/demo/compute/'), endpoint)).toBeUndefined();
    expect(copyAsRocci(sent('GET', '/api/endpoints'), endpoint)).toBeUndefined();
    expect(copyAsRocci(sent('POST', '/occi/demo/compute/?action=stop'), endpoint)).toBeUndefined();
  });

  it('always reminds that authentication options are to be added', () => {
    expect(copyAsRocci(sent('GET', '/occi/demo/compute/'), endpoint)?.caveats[0]).toMatch(/authentication/);
  });
});
