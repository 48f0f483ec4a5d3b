import { InvalidValueError } from '../../../flags';

/**
 * Small Go library behaviours that docker's option parsers rely on and whose error texts reach
 * the user: strconv.ParseUint and ParseInt in base 10, and a float32's shortest text.
 */

function quote(text: string): string {
  return JSON.stringify(text);
}

/** strconv.ParseUint(text, 10, bits), with Go's `strconv.ParseUint: parsing "x": …` errors. */
export function parseUint10(text: string, bits: 16 | 32 | 64): number {
  if (!/^\d+$/.test(text)) {
    throw new InvalidValueError(`strconv.ParseUint: parsing ${quote(text)}: invalid syntax`);
  }
  const value = BigInt(text);
  if (value >= 1n << BigInt(bits)) {
    throw new InvalidValueError(`strconv.ParseUint: parsing ${quote(text)}: value out of range`);
  }
  return Number(value);
}

/** strconv.ParseInt(text, 10, 64). */
export function parseInt10(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) {
    throw new InvalidValueError(`strconv.ParseInt: parsing ${quote(text)}: invalid syntax`);
  }
  const value = BigInt(text);
  if (value >= 1n << 63n || value < -(1n << 63n)) {
    throw new InvalidValueError(`strconv.ParseInt: parsing ${quote(text)}: value out of range`);
  }
  return Number(value);
}

/**
 * A float32 as Go prints it (`strconv.FormatFloat(f, 'g', -1, 32)`, which encoding/json uses):
 * the shortest decimal that reads back as the same float32, returned as that decimal's number.
 */
export function float32Value(value: number): number {
  const single = Math.fround(value);
  if (!Number.isFinite(single) || single === 0) return single;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}
