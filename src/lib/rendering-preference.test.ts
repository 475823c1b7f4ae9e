import { describe, expect, it } from 'vitest';
import { createRenderingStore } from './rendering-preference.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the rendering per endpoint', () => {
  it('survives a reload through storage', () => {
    const storage = memoryStorage();
    const first = createRenderingStore(storage);
    first.setNegotiated('demo', 'text/plain');
    first.setOverride('other', 'text/occi');
    const second = createRenderingStore(storage);
    expect(second.negotiated('demo')).toBe('text/plain');
    expect(second.override('other')).toBe('text/occi');
    second.setOverride('other', undefined);
    expect(createRenderingStore(storage).override('other')).toBeUndefined();
  });

  it('forgets a damaged entry and unknown renderings', () => {
    const storage = memoryStorage();
    storage.setItem('occi-console.renderings', '{not json');
    expect(createRenderingStore(storage).negotiated('demo')).toBeUndefined();
    storage.setItem('occi-console.renderings', JSON.stringify({ negotiated: { demo: 'text/html', __proto__: 'x' } }));
    expect(createRenderingStore(storage).negotiated('demo')).toBeUndefined();
  });
});
