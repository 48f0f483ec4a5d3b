import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGoTime, GO_ZERO_TIME, parseGoTime } from '../../../src/lib/template/go-time';
import {
  bytesSize,
  goTimeString,
  humanDuration,
  humanSize,
  prettyPrint,
} from '../../../src/cli/format/renderers';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('prettyPrint', () => {
  it.each([
    ['ready', 'Ready'],
    ['REACHABLE', 'Reachable'],
    ['2026-11-25 08:11:31.059086123 +0000 UTC', '2026-11-25 08:11:31.059086123 +0000 utc'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(prettyPrint(input)).toBe(expected);
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => prettyPrint(prettyPrint(text)) === prettyPrint(text)),
    );
  });
});

describe('Go time', () => {
  it.each([
    [0, '1970-01-01 00:00:00 +0000 UTC'],
    [1_700_000_000_123, '2023-11-14 22:13:20.123 +0000 UTC'],
    [1_700_000_000_100, '2023-11-14 22:13:20.1 +0000 UTC'],
    [951_868_800_000, '2000-03-01 00:00:00 +0000 UTC'],
  ])('%d ms prints %j', (milliseconds, expected) => {
    expect(goTimeString(milliseconds)).toBe(expected);
  });

  it('prints the zero time', () => {
    expect(formatGoTime(GO_ZERO_TIME)).toBe('0001-01-01 00:00:00 +0000 UTC');
  });

  it('parses RFC 3339 with nanoseconds and offsets', () => {
    const parsed = parseGoTime('2026-11-25T08:11:31.059086123Z');
    expect(parsed && formatGoTime(parsed)).toBe('2026-11-25 08:11:31.059086123 +0000 UTC');
    const offset = parseGoTime('2024-02-29T23:59:59.5+01:00');
    expect(offset && formatGoTime(offset)).toBe('2024-02-29 23:59:59.5 +0100 +0100');
    expect(parseGoTime('yesterday')).toBeUndefined();
  });

  it('round-trips any millisecond instant through its RFC 3339 form (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }),
        (milliseconds) => {
          const text = goTimeString(milliseconds);
          const [date = '', clock = ''] = text.split(' ');
          const parsed = parseGoTime(`${date}T${clock}Z`);
          expect(parsed && formatGoTime(parsed)).toBe(text);
        },
      ),
    );
  });
});

describe('humanDuration', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [SECOND, '1 second'],
    [59 * SECOND, '59 seconds'],
    [MINUTE, 'About a minute'],
    [119 * SECOND, 'About a minute'],
    [2 * MINUTE, '2 minutes'],
    [59 * MINUTE, '59 minutes'],
    [HOUR, 'About an hour'],
    [89 * MINUTE, 'About an hour'],
    [90 * MINUTE, '2 hours'],
    [47 * HOUR, '47 hours'],
    [48 * HOUR, '2 days'],
    [13 * DAY, '13 days'],
    [14 * DAY, '2 weeks'],
    [59 * DAY, '8 weeks'],
    [60 * DAY, '2 months'],
    [729 * DAY, '24 months'],
    [730 * DAY, '2 years'],
  ])('%d ms → %j', (milliseconds, expected) => {
    expect(humanDuration(milliseconds)).toBe(expected);
  });
});

describe('sizes', () => {
  it.each([
    [512, '512B'],
    [1023, '1023B'],
    [1024, '1KiB'],
    [1536, '1.5KiB'],
    [20 * 1024 * 1024, '20MiB'],
    [3.84 * 1024 ** 3, '3.84GiB'],
    [7.704 * 1024 ** 3, '7.704GiB'],
  ])('bytesSize(%d) is %j', (bytes, expected) => {
    expect(bytesSize(bytes)).toBe(expected);
  });

  it('humanSize uses decimal units', () => {
    expect(humanSize(1_500_000_000)).toBe('1.5GB');
    expect(humanSize(999)).toBe('999B');
  });

  it('never prints more than four significant digits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), (bytes) => {
        const digits = bytesSize(bytes)
          .replace(/[^0-9]/g, '')
          .replace(/^0+/, '');
        return digits.length <= 4;
      }),
    );
  });
});
