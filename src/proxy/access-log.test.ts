import { describe, expect, it } from 'vitest';
import { formatAccessLogLine, isoTime } from './access-log.ts';

const entry = {
  method: 'GET',
  endpointId: 'site',
  path: '/occi/site/compute/',
  status: 200,
  ms: 1.234,
  bytes: 461,
  incomplete: false,
};

describe('isoTime', () => {
  it('writes what toISOString writes, at every millisecond, across seconds, days and years', () => {
    const start = Date.UTC(2025, 11, 31, 23, 59, 58, 990);
    for (let ms = start; ms < start + 2_100; ms += 7) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    for (const ms of [0, 999, 1000, Date.UTC(2026, 1, 28, 12, 0, 0, 5), Date.UTC(2024, 1, 29, 0, 0, 0, 0)]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('formatAccessLogLine', () => {
  it('writes time, method, endpoint, path, status, milliseconds and bytes on one line', () => {
    const at = Date.UTC(2026, 10, 27, 15, 4, 5, 60);
    expect(formatAccessLogLine(entry, at)).toBe('2026-11-27T15:04:05.060Z GET site /occi/site/compute/ 200 1.2ms 461B');
    expect(formatAccessLogLine({ ...entry, status: 0, incomplete: true }, at)).toBe(
      '2026-11-27T15:04:05.060Z GET site /occi/site/compute/ - 1.2ms 461B incomplete',
    );
  });

  it('keeps a line one line, and long paths short', () => {
    const line = formatAccessLogLine({ ...entry, path: '/a b\r\nX: \u00e9' }, 0);
    expect(line).toContain(' /a?b??X:?? ');
    expect(line.split('\n')).toHaveLength(1);
    const long = formatAccessLogLine({ ...entry, path: `/${'a'.repeat(400)}` }, 0);
    expect(long).toContain(` /${'a'.repeat(299)}... `);
  });
});
