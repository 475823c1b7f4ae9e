import { describe, expect, it } from 'vitest';
import { type Kind, wellKnown } from '../../occi/index.ts';
import { createPath, kindLabel, kindNames, resourcePath } from './resource-paths.ts';

const kind = (scheme: string, term: string, title?: string): Kind => ({
  class: 'kind',
  scheme,
  term,
  ...(title !== undefined && { title }),
  attributes: [],
  actions: [],
});

describe('resourcePath and createPath', () => {
  it('put the location relative to the endpoint under the endpoint’s pages', () => {
    expect(resourcePath('demo', 'compute/x')).toBe('/endpoints/demo/resources/compute/x');
    expect(resourcePath('demo', '/compute/x')).toBe('/endpoints/demo/resources/compute/x');
    expect(createPath('demo', '/storage/')).toBe('/endpoints/demo/create/storage/');
  });

  it('encode the endpoint id', () => {
    expect(resourcePath('my cloud/1', 'compute/x')).toBe('/endpoints/my%20cloud%2F1/resources/compute/x');
  });
});

describe('kindNames', () => {
  it('names the spec’s kinds as a tenant would', () => {
    const [scheme, term] = wellKnown.COMPUTE.split('#') as [string, string];
    expect(kindNames(kind(`${scheme}#`, term, 'Compute resource'))).toEqual({
      plural: 'Virtual machines',
      singular: 'virtual machine',
    });
    expect(kindLabel(kind(wellKnown.INFRASTRUCTURE, 'storagelink'))).toBe('Storage links');
  });

  it('names any other kind by its title, else its term', () => {
    expect(kindNames(kind('http://example.org/occi#', 'vm', ' Container '))).toEqual({
      plural: 'Container',
      singular: 'Container',
    });
    expect(kindLabel(kind('http://example.org/occi#', 'vm', '  '))).toBe('vm');
    expect(kindLabel(kind('http://example.org/occi#', 'vm'))).toBe('vm');
  });
});
