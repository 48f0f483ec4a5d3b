import { describe, expect, it } from 'vitest';
import { rfc3339Nano, utcParts } from '../../src/lib/go-time';
import { uuidFromBytes } from '../../src/lib/uuid';

describe('rfc3339Nano', () => {
  it.each([
    [Date.UTC(2026, 10, 25, 8, 11, 31, 50), '2026-11-25T08:11:31.05Z'],
    [Date.UTC(2026, 10, 25, 8, 11, 31, 0), '2026-11-25T08:11:31Z'],
    [Date.UTC(2026, 10, 25, 8, 11, 31, 123), '2026-11-25T08:11:31.123Z'],
  ])('%d → %s', (epochMs, text) => {
    expect(rfc3339Nano(epochMs)).toBe(text);
  });
});

describe('uuidFromBytes', () => {
  it('sets the version and variant bits', () => {
    expect(uuidFromBytes(Array.from({ length: 16 }, () => 0xff))).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
    expect(uuidFromBytes(Array.from({ length: 16 }, () => 0))).toBe(
      '00000000-0000-4000-8000-000000000000',
    );
  });
});

describe('utcParts', () => {
  it.each([
    0,
    Date.UTC(2026, 10, 25, 8, 11, 31, 59),
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(2000, 0, 1),
    Date.UTC(1969, 11, 31, 12, 0, 0, 1),
    Date.UTC(2100, 2, 1, 0, 0, 0),
  ])('splits %d as the platform does in UTC', (ms) => {
    const date = new Date(ms);
    expect(utcParts(ms)).toEqual({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      weekday: date.getUTCDay(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond: date.getUTCMilliseconds(),
    });
  });
});
