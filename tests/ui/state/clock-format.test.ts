import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../src/ui/state/clock-format';

describe('formatClock', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [1000, '00:01'],
    [61_500, '01:01'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [36_000_000 + 62_000, '10:01:02'],
  ])('%d ms → %s', (timeMs, text) => {
    expect(formatClock(timeMs)).toBe(text);
  });
});
