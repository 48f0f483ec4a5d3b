import { goQuote } from '../../lib/template/quote';
import { InvalidValueError } from './value';

/**
 * Go's strconv parsers as pflag uses them, with Go's error texts, because those texts reach the
 * user inside `invalid argument "x" for "--flag" flag: strconv.ParseInt: parsing "x": ...`.
 */

function syntaxError(fn: string, text: string): InvalidValueError {
  return new InvalidValueError(`strconv.${fn}: parsing ${goQuote(text)}: invalid syntax`);
}

function rangeError(fn: string, text: string): InvalidValueError {
  return new InvalidValueError(`strconv.${fn}: parsing ${goQuote(text)}: value out of range`);
}

/** strconv.Quote, which Go's %q of a string is. */
export { goQuote };

export function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  throw syntaxError('ParseBool', text);
}

/** Digits of `body` in `base`, with Go's rule that underscores are allowed only with a prefix. */
function digitsValue(body: string, base: number, underscoreOk: boolean): bigint | null {
  const cleaned = underscoreOk ? body.replaceAll('_', '') : body;
  if (cleaned === '' || (underscoreOk && /(^_|__|_$)/.test(body))) return null;
  let value = 0n;
  for (const char of cleaned.toLowerCase()) {
    const digit = parseInt(char, 36);
    if (Number.isNaN(digit) || digit >= base) return null;
    value = value * BigInt(base) + BigInt(digit);
  }
  return value;
}

/** strconv.ParseUint(text, 0, bits) without the sign handling. */
function parseUnsignedBody(text: string): bigint | null {
  const lower = text.toLowerCase();
  if (lower.startsWith('0x')) return digitsValue(text.slice(2), 16, true);
  if (lower.startsWith('0b')) return digitsValue(text.slice(2), 2, true);
  if (lower.startsWith('0o')) return digitsValue(text.slice(2), 8, true);
  if (text.length > 1 && text.startsWith('0')) return digitsValue(text.slice(1), 8, true);
  return digitsValue(text, 10, false);
}

export function parseGoUint(text: string, bits: 8 | 16 | 32 | 64): bigint {
  const value = parseUnsignedBody(text);
  if (value === null) throw syntaxError('ParseUint', text);
  if (value >= 1n << BigInt(bits)) throw rangeError('ParseUint', text);
  return value;
}

export function parseGoInt(text: string, bits: 8 | 16 | 32 | 64): bigint {
  const negative = text.startsWith('-');
  const unsigned = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  const magnitude = parseUnsignedBody(unsigned);
  if (magnitude === null) throw syntaxError('ParseInt', text);
  const limit = 1n << BigInt(bits - 1);
  if (negative ? magnitude > limit : magnitude >= limit) throw rangeError('ParseInt', text);
  return negative ? -magnitude : magnitude;
}

const FLOAT_SYNTAX = /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$/;

export function parseGoFloat(text: string): number {
  const lower = text.toLowerCase();
  if (['inf', '+inf', 'infinity', '+infinity'].includes(lower)) return Infinity;
  if (['-inf', '-infinity'].includes(lower)) return -Infinity;
  if (lower === 'nan') return NaN;
  if (!FLOAT_SYNTAX.test(text)) throw syntaxError('ParseFloat', text);
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(value)) throw rangeError('ParseFloat', text);
  return value;
}

/** Go's `%v` of a float64 (strconv.FormatFloat(f, 'g', -1, 64)) for the values help shows. */
export function formatGoFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa = '', power = '0'] = value.toExponential().split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    const digits = power.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}
