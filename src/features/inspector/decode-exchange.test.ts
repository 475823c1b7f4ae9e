import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../lib/exchange.ts';
import type { ActionInvocation } from '../../occi/index.ts';
import { decodeRequest, decodeResponse, requestStructuresFor, structuresFor } from './decode-exchange.ts';
import { QUERY_INTERFACE_BODY } from './test-support/recorded-session.ts';

function answered(method: string, url: string, contentType: string | undefined, body: string, status = 200): Exchange {
  return {
    id: 1,
    endpoint: 'demo',
    purpose: 'test',
    method,
    url,
    requestHeaders: [],
    requestBody: '',
    startedAt: 0,
    response: {
      status,
      statusText: '',
      headers: contentType === undefined ? [] : [['Content-Type', contentType]],
      body,
      truncated: false,
      durationMs: 1,
    },
  };
}

describe('structuresFor', () => {
  it.each([
    ['GET', '/occi/demo/-/', ['categories']],
    ['GET', '/occi/demo/.well-known/org/ogf/occi/-/', ['categories']],
    ['GET', '/occi/demo/compute/', ['entity-collection']],
    ['GET', '/occi/demo/compute/42', ['entity']],
    ['POST', '/occi/demo/compute/', ['entity', 'location-list']],
    ['POST', '/occi/demo/compute/42?action=stop', ['entity', 'location-list']],
  ])('%s %s holds %j', (method, url, structures) => {
    expect(structuresFor({ method, url })).toEqual(structures);
  });
});

describe('decodeResponse', () => {
  it('reads the query interface at /-/', () => {
    const decoded = decodeResponse(answered('GET', '/occi/demo/-/', 'text/plain', QUERY_INTERFACE_BODY));
    expect(decoded.kind === 'model' && decoded.structure).toBe('categories');
  });

  it('reads a collection listing by location', () => {
    const decoded = decodeResponse(answered('GET', '/occi/demo/compute/', 'text/uri-list', '/compute/1\n/compute/2\n'));
    expect(decoded).toMatchObject({
      kind: 'model',
      structure: 'entity-collection',
      model: { locations: ['/compute/1', '/compute/2'] },
    });
  });

  it('falls back to a location list when a create answers with the location only', () => {
    const decoded = decodeResponse(
      answered('POST', '/occi/demo/compute/', 'text/plain', 'X-OCCI-Location: /compute/9\n'),
    );
    expect(decoded).toMatchObject({ kind: 'model' });
  });

  it('points at the position of a malformed body', () => {
    const decoded = decodeResponse(answered('GET', '/occi/demo/compute/1', 'application/occi+json', '{"kind": '));
    expect(decoded).toMatchObject({ kind: 'malformed', structure: 'entity', line: 1 });
  });

  it("decodes nothing from the console's own API, even in JSON", () => {
    const decoded = decodeResponse(answered('GET', '/api/endpoints', 'application/json', '[{"id":"demo"}]'));
    expect(decoded).toMatchObject({ kind: 'none' });
  });

  it('decodes nothing from an error answer, an empty body or a non-OCCI type', () => {
    expect(decodeResponse(answered('GET', '/occi/demo/compute/1', 'text/plain', 'gone', 404)).kind).toBe('none');
    expect(decodeResponse(answered('DELETE', '/occi/demo/compute/1', 'text/plain', '')).kind).toBe('none');
    expect(decodeResponse(answered('GET', '/occi/demo/compute/1', 'text/html', '<html>')).kind).toBe('none');
    expect(decodeResponse(answered('GET', '/occi/demo/compute/1', undefined, 'x')).kind).toBe('none');
  });
});

describe('decodeRequest', () => {
  it.each([
    ['GET', '/occi/demo/compute/', []],
    ['DELETE', '/occi/demo/compute/1', []],
    ['POST', '/occi/demo/compute/', ['entity']],
    ['POST', '/occi/demo/compute/1', ['entity-update']],
    ['POST', '/occi/demo/compute/1?action=stop', ['action-invocation']],
    ['PUT', '/occi/demo/compute/1', ['entity', 'entity-update']],
  ])('%s %s sends %j', (method, url, structures) => {
    expect(requestStructuresFor({ method, url })).toEqual(structures);
  });

  it('reads an action invocation sent as text/plain', () => {
    const exchange: Exchange = {
      ...answered('POST', '/occi/demo/compute/1?action=stop', 'text/plain', ''),
      requestHeaders: [['Content-Type', 'text/plain']],
      requestBody:
        'Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"\n' +
        'X-OCCI-Attribute: method="graceful"\n',
    };
    const decoded = decodeRequest(exchange);
    expect(decoded).toMatchObject({ kind: 'model', structure: 'action-invocation' });
    expect(decoded?.kind === 'model' && (decoded.model as ActionInvocation).attributes.get('method')).toBe('graceful');
  });

  it('has nothing to decode for a read', () => {
    expect(decodeRequest(answered('GET', '/occi/demo/compute/1', 'text/plain', ''))).toBeUndefined();
  });
});
