import { describe, expect, it } from 'vitest';
import { cleanUp } from './clean-up.ts';
import type { ProbeRequest, ProbeResponse, Transport } from './conformance-types.ts';
import type { Created } from './run-state.ts';

const noWait = async () => {};

function answering(statuses: Record<string, number[]>): { transport: Transport; sent: ProbeRequest[] } {
  const sent: ProbeRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    const status = statuses[request.path]?.shift() ?? 200;
    return { status, headers: [], body: '' } satisfies ProbeResponse;
  };
  return { transport, sent };
}

describe('cleanUp', () => {
  it('deletes newest first, counts gone as removed, and names what it cannot remove', async () => {
    const created: Created[] = [
      { location: '/compute/1', what: 'entity', known: true },
      { location: '/storage/2', what: 'entity', known: true },
      { location: '/storage/link/3', what: 'entity', known: true },
      { location: 's#tag', what: 'user-mixin', category: 'tag; scheme="s#"; class="mixin"', known: true },
      { location: '/compute/ (no location)', what: 'entity', known: false },
      { location: '/compute/4', what: 'entity', known: true, removed: true },
    ];
    const { transport, sent } = answering({
      '/storage/link/3': [404],
      '/storage/2': [409, 200],
      '/compute/1': [500, 500, 500],
    });
    const result = await cleanUp(created, transport, noWait);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE -/',
      'DELETE /storage/link/3',
      'DELETE /storage/2',
      'DELETE /compute/1',
      'DELETE /storage/2',
      'DELETE /compute/1',
      'DELETE /compute/1',
    ]);
    expect(sent[0]?.headers).toMatchObject({
      'Content-Type': 'text/occi',
      Category: 'tag; scheme="s#"; class="mixin"',
    });
    expect(result).toEqual({
      removed: ['/compute/4', 's#tag', '/storage/link/3', '/storage/2'],
      leftBehind: ['/compute/ (no location)', '/compute/1'],
    });
  });

  it('counts a DELETE that gets no answer as not removed', async () => {
    const transport: Transport = async () => {
      throw new Error('fetch failed');
    };
    const result = await cleanUp([{ location: '/compute/1', what: 'entity', known: true }], transport, noWait, []);
    expect(result).toEqual({ removed: [], leftBehind: ['/compute/1'] });
  });
});
