import { describe, expect, it } from 'vitest';
import { newEntityId } from './new-entity-id.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEntityId', () => {
  it('is a version 4 UUID, a different one each time', () => {
    const ids = Array.from({ length: 200 }, newEntityId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
