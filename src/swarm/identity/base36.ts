/**
 * Base 36 as Go's `big.Int` writes and reads it (`Text(36)`, `SetString(s, 36)`): digits then
 * lower-case letters on output; upper case is accepted on input.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

export function toBase36(value: bigint): string {
  return value.toString(36);
}

/** The value of `text` in base 36, or null when a character is not a base-36 digit. */
export function parseBase36(text: string): bigint | null {
  if (text === '') return null;
  let value = 0n;
  for (const char of text.toLowerCase()) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) return null;
    value = value * 36n + BigInt(digit);
  }
  return value;
}

export function isBase36(text: string): boolean {
  return /^[0-9a-z]+$/.test(text);
}
