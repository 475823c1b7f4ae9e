import { describe, expect, it } from 'vitest';
import { exchangeLinkValue, readExchangeLink } from './exchange-link.ts';

describe('exchange links', () => {
  it('reads back a link of this page load', () => {
    expect(readExchangeLink(`?exchange=${exchangeLinkValue(12, 'abc')}`, 'abc')).toEqual({
      state: 'this-load',
      id: 12,
    });
  });

  it('tells a link of an earlier page load from one of this load', () => {
    expect(readExchangeLink(`?exchange=${exchangeLinkValue(12, 'old')}`, 'new')).toEqual({ state: 'earlier-load' });
    expect(readExchangeLink('?exchange=12', 'new')).toEqual({ state: 'earlier-load' });
  });

  it('has nothing to open without the parameter', () => {
    expect(readExchangeLink('?q=compute', 'abc')).toEqual({ state: 'none' });
  });
});
