import { InvalidValueError } from './value';

/**
 * Go's time.Duration text: `time.ParseDuration` and `Duration.String`, on nanoseconds held in a
 * bigint so that Go's int64 range and overflow rules carry over exactly.
 */

const NANOSECONDS_PER_UNIT: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 MICRO SIGN
  ['μs', 1_000n], // U+03BC GREEK SMALL LETTER MU
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const INT64_MAX = (1n << 63n) - 1n;

function invalid(original: string): InvalidValueError {
  return new InvalidValueError(`time: invalid duration "${original}"`);
}

interface Component {
  readonly whole: bigint;
  readonly fraction: string;
  readonly rest: string;
}

/** Reads `[0-9]*(\.[0-9]*)?` from the front of `text`; null when no digit at all. */
function readNumber(text: string): Component | null {
  const match = /^(\d*)(?:\.(\d*))?/.exec(text);
  const wholeDigits = match?.[1] ?? '';
  const fractionDigits = match?.[2] ?? '';
  if (wholeDigits === '' && fractionDigits === '') return null;
  return {
    whole: wholeDigits === '' ? 0n : BigInt(wholeDigits),
    fraction: fractionDigits,
    rest: text.slice(match?.[0].length ?? 0),
  };
}

function componentNanoseconds(component: Component, unit: bigint, original: string): bigint {
  let value = component.whole * unit;
  if (component.fraction !== '') {
    const scale = 10n ** BigInt(component.fraction.length);
    // Go truncates the fractional part toward zero, as this integer division does.
    value += (BigInt(component.fraction) * unit) / scale;
  }
  if (value > 1n << 63n) throw invalid(original);
  return value;
}

/** time.ParseDuration. */
export function parseGoDuration(original: string): bigint {
  let text = original;
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  if (text === '0') return 0n;
  if (text === '') throw invalid(original);
  let total = 0n;
  while (text !== '') {
    const component = readNumber(text);
    if (component === null) throw invalid(original);
    const unitText = /^[^\d.]*/.exec(component.rest)?.[0] ?? '';
    if (unitText === '') {
      throw new InvalidValueError(`time: missing unit in duration "${original}"`);
    }
    const unit = NANOSECONDS_PER_UNIT.get(unitText);
    if (unit === undefined) {
      throw new InvalidValueError(`time: unknown unit "${unitText}" in duration "${original}"`);
    }
    total += componentNanoseconds(component, unit, original);
    if (total > 1n << 63n) throw invalid(original);
    text = component.rest.slice(unitText.length);
  }
  if (!negative && total > INT64_MAX) throw invalid(original);
  return negative ? -total : total;
}

/** `digits` / 10^precision written with trailing zeros (and a bare point) removed. */
function decimal(value: bigint, precision: number): string {
  const scale = 10n ** BigInt(precision);
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(precision, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole.toString()}.${fraction}`;
}

/** Duration.String: `2160h0m0s`, `1m30s`, `5s`, `1.5ms`, `0s`. */
export function formatGoDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const sign = nanoseconds < 0n ? '-' : '';
  const magnitude = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (magnitude < 1_000n) return `${sign}${magnitude.toString()}ns`;
  if (magnitude < 1_000_000n) return `${sign}${decimal(magnitude, 3)}µs`;
  if (magnitude < 1_000_000_000n) return `${sign}${decimal(magnitude, 6)}ms`;
  const hours = magnitude / 3_600_000_000_000n;
  const minutes = (magnitude / 60_000_000_000n) % 60n;
  const seconds = decimal(magnitude % 60_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours.toString()}h${minutes.toString()}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes.toString()}m${seconds}s`;
  return `${sign}${seconds}s`;
}
