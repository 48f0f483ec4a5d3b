import { describe, expect, it } from 'vitest';
import { getTimestamp } from '../../../src/cli/commands/log-timestamp';

const NOW = Date.UTC(2026, 11, 7, 13, 47, 0, 500);

describe('getTimestamp (moby api/types/time)', () => {
  it('takes a Go duration back from now, in whole seconds', () => {
    expect(getTimestamp('42m', NOW)).toBe(String(Math.floor((NOW - 42 * 60_000) / 1000)));
    expect(getTimestamp('1.5s', NOW)).toBe(String(Math.floor((NOW - 1500) / 1000)));
  });

  it('reads RFC 3339 times and dates, with or without a zone (the lab is in UTC)', () => {
    expect(getTimestamp('2026-12-07T13:46:48Z', NOW)).toBe('1796651208.000000000');
    expect(getTimestamp('2026-12-07T13:46:48', NOW)).toBe('1796651208.000000000');
    expect(getTimestamp('2026-12-07T13:46:48.25+01:00', NOW)).toBe('1796647608.250000000');
    expect(getTimestamp('2026-12-07T13', NOW)).toBe('1796648400.000000000');
    expect(getTimestamp('2026-12-07', NOW)).toBe('1796601600.000000000');
  });

  it('passes Unix seconds on as they are', () => {
    expect(getTimestamp('1765115000', NOW)).toBe('1765115000');
    expect(getTimestamp('1765115000.5', NOW)).toBe('1765115000.5');
    expect(getTimestamp('0', NOW)).toBe('0');
  });

  it("keeps Go's errors (engine 20.10.24 printed these two)", () => {
    expect(() => getTimestamp('xyz', NOW)).toThrow(
      'failed to parse value as time or duration: "xyz"',
    );
    expect(() => getTimestamp('2026-12-07T13:4', NOW)).toThrow(
      'parsing time "2026-12-07T13:4" as "2006-01-02T15:04": cannot parse "4" as "04"',
    );
    expect(() => getTimestamp('2026-13-07', NOW)).toThrow(
      'parsing time "2026-13-07": month out of range',
    );
    expect(() => getTimestamp('2026-02-30', NOW)).toThrow(
      'parsing time "2026-02-30": day out of range',
    );
  });
});
