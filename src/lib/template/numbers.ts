/**
 * Go's number formatting: strconv.FormatFloat for the `%e`, `%f` and `%g` families (with `%v`
 * being the shortest `%g`), and decimal integers that never switch to exponent notation.
 */

interface Decimal {
  /** Significant digits without leading or trailing zeros ("0" for zero). */
  readonly digits: string;
  /** Decimal exponent of the first digit: value = 0.d1d2… × 10^(exponent + 1). */
  readonly exponent: number;
}

/** The shortest digits that round-trip, as Go's shortest formatting picks them. */
function decimalOf(value: number): Decimal {
  if (value === 0) return { digits: '0', exponent: 0 };
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/** Rounds to a number of significant digits, then takes that value's shortest digits. */
function roundedDecimal(value: number, significant: number): Decimal {
  if (value === 0) return { digits: '0', exponent: 0 };
  return decimalOf(Number(Math.abs(value).toPrecision(Math.min(Math.max(significant, 1), 100))));
}

function exponentText(exponent: number): string {
  const sign = exponent < 0 ? '-' : '+';
  return `e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function scientific(decimal: Decimal, fractionDigits: number | undefined, upper: boolean): string {
  const first = decimal.digits[0] ?? '0';
  let rest = decimal.digits.slice(1);
  if (fractionDigits !== undefined)
    rest = rest.padEnd(fractionDigits, '0').slice(0, fractionDigits);
  const mantissa = rest === '' ? first : `${first}.${rest}`;
  const text = `${mantissa}${exponentText(decimal.digits === '0' ? 0 : decimal.exponent)}`;
  return upper ? text.toUpperCase() : text;
}

function positional(decimal: Decimal, fractionDigits: number | undefined): string {
  const { digits, exponent } = decimal;
  let integer: string;
  let fraction: string;
  if (exponent >= 0) {
    integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    fraction = digits.slice(exponent + 1);
  } else {
    integer = '0';
    fraction = '0'.repeat(-exponent - 1) + digits;
  }
  if (digits === '0') fraction = '';
  if (fractionDigits !== undefined) fraction = fraction.padEnd(fractionDigits, '0');
  return fraction === '' ? integer : `${integer}.${fraction}`;
}

function specialFloat(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

export type FloatVerb = 'e' | 'E' | 'f' | 'F' | 'g' | 'G';

/**
 * strconv.FormatFloat(value, verb, precision, 64); precision -1 means the shortest
 * representation. The sign is included for negative numbers only.
 */
export function formatFloat(value: number, verb: FloatVerb, precision: number): string {
  const special = specialFloat(value);
  if (special !== undefined) return special;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const shortest = precision < 0;
  switch (verb) {
    case 'e':
    case 'E': {
      const decimal = shortest ? decimalOf(value) : roundedDecimal(value, precision + 1);
      return sign + scientific(decimal, shortest ? undefined : precision, verb === 'E');
    }
    case 'f':
    case 'F': {
      const text = shortest
        ? positional(decimalOf(value), undefined)
        : Math.abs(value).toFixed(precision);
      return sign + text;
    }
    case 'g':
    case 'G':
      return sign + generalFormat(value, precision, verb === 'G');
  }
}

/** %g: exponent form when the exponent is < -4 or ≥ the precision (6 when shortest). */
function generalFormat(value: number, precision: number, upper: boolean): string {
  const shortest = precision < 0;
  const decimal = shortest
    ? decimalOf(value)
    : roundedDecimal(value, precision === 0 ? 1 : precision);
  let exponentLimit = shortest ? 6 : precision === 0 ? 1 : precision;
  if (
    !shortest &&
    exponentLimit > decimal.digits.length &&
    decimal.digits.length >= decimal.exponent + 1
  ) {
    exponentLimit = decimal.digits.length;
  }
  if (decimal.exponent < -4 || decimal.exponent >= exponentLimit) {
    return scientific(decimal, undefined, upper);
  }
  return positional(decimal, undefined);
}

/** A Go integer in base 10 (or another base), exact for bigint and for large safe numbers. */
export function formatInteger(value: number | bigint, base = 10): string {
  if (typeof value === 'bigint') return value.toString(base);
  if (Number.isInteger(value)) return BigInt(value).toString(base);
  return Math.trunc(value).toString(base);
}
