import { describe, expect, it } from 'vitest';
import { endpointRelativePath, proxyPath, serverUrl } from './proxy-paths.ts';

describe('server URLs and proxy paths', () => {
  it.each([
    // ooi: absolute URLs under the endpoint's path
    ['http://host:8787/occi1.2/compute/x', 'http://host:8787/occi1.2/', 'compute/x'],
    // rOCCI, the demo cloud: paths from the server's root
    ['/compute/x', 'http://host:8787/', 'compute/x'],
    ['/occi1.2/compute/x', 'http://host:8787/occi1.2', 'compute/x'],
    // a server leaving its own prefix out of locations
    ['/compute/x', 'http://host:8787/occi1.2/', 'compute/x'],
    // already relative to the endpoint
    ['-/', 'http://host:8787/', '-/'],
    ['compute/x?action=start', 'http://host:8787/', 'compute/x?action=start'],
  ])('%s on %s is %s', (url, endpoint, relative) => {
    expect(endpointRelativePath(url, endpoint)).toBe(relative);
  });

  it('takes another loopback name of the same server, on the same scheme and port (rOCCI-server names itself localhost)', () => {
    expect(endpointRelativePath('http://localhost:9003/compute/a', 'http://127.0.0.1:9003/')).toBe('compute/a');
    expect(endpointRelativePath('http://[::1]:9003/compute/a', 'http://localhost:9003/')).toBe('compute/a');
    expect(endpointRelativePath('http://localhost:9004/compute/a', 'http://127.0.0.1:9003/')).toBeNull();
    expect(endpointRelativePath('https://localhost:9003/compute/a', 'http://127.0.0.1:9003/')).toBeNull();
    expect(endpointRelativePath('http://127.0.0.2:9003/compute/a', 'http://127.0.0.1:9003/')).toBeNull();
  });

  it('refuses a URL on another server', () => {
    expect(endpointRelativePath('http://elsewhere:8787/compute/x', 'http://host:8787/')).toBeNull();
  });

  it('maps back to the server’s own URL', () => {
    expect(proxyPath('demo', 'compute/x')).toBe('/occi/demo/compute/x');
    expect(serverUrl('demo', '/occi/demo/compute/x', 'http://host:8787/occi1.2/')).toBe(
      'http://host:8787/occi1.2/compute/x',
    );
    expect(serverUrl('demo', 'compute/', 'http://host:8787/occi1.2')).toBe('http://host:8787/occi1.2/compute/');
  });
});
