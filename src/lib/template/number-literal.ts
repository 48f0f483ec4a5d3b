/**
 * Number literals in template source, classified the way text/template/parse's newNumber does:
 * a literal can be an int, a uint and a float at once (`3` is all three, `1.5` only a float,
 * `'a'` a rune, so an int).
 */
import { goQuote, goUnquote, UnquoteError } from './quote';

export interface NumberLiteral {
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly intValue: number;
  readonly floatValue: number;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's ParseInt/ParseUint with base 0 (prefixes 0x 0o 0b, leading-0 octal, underscores). */
function parseBaseZero(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-7_]))?([0-9a-fA-F_]+)$/.exec(text);
  if (match === null) return undefined;
  const [, sign = '', prefix = '', body = ''] = match;
  if (body.startsWith('_') && prefix === '') return undefined;
  if (body.endsWith('_') || body.includes('__')) return undefined;
  const digits = body.replaceAll('_', '');
  const base = /^0[xX]$/.test(prefix) ? 16 : /^0[bB]$/.test(prefix) ? 2 : prefix === '' ? 10 : 8;
  const valid = { 16: /^[0-9a-fA-F]+$/, 10: /^[0-9]+$/, 8: /^[0-7]+$/, 2: /^[01]+$/ }[base];
  if (digits === '' || !valid.test(digits)) return undefined;
  let value = 0n;
  for (const digit of digits) value = value * BigInt(base) + BigInt(parseInt(digit, base));
  return sign === '-' ? -value : value;
}

function runeLiteral(text: string): NumberLiteral {
  let rune: string;
  try {
    rune = goUnquote(text);
  } catch (error) {
    if (error instanceof UnquoteError) {
      throw new Error(`malformed character constant: ${text}`, { cause: error });
    }
    throw error;
  }
  const codePoint = rune.codePointAt(0) ?? 0;
  return { isInt: true, isUint: true, isFloat: true, intValue: codePoint, floatValue: codePoint };
}

/**
 * Classifies a number token. Throws an Error whose message is Go's (`illegal number syntax:
 * "0x"`); complex and hexadecimal-float literals are not supported and report that way too.
 */
export function parseNumberLiteral(text: string, isCharConstant: boolean): NumberLiteral {
  if (isCharConstant) return runeLiteral(text);
  const integer = parseBaseZero(text);
  const isInt = integer !== undefined && integer >= INT64_MIN && integer <= INT64_MAX;
  const isUint =
    integer !== undefined && integer >= 0n && integer <= UINT64_MAX && !text.startsWith('-');
  if (integer !== undefined && (isInt || isUint)) {
    const value = Number(integer);
    return {
      isInt,
      isUint: isUint || integer === 0n,
      isFloat: true,
      intValue: value,
      floatValue: value,
    };
  }
  const decimalFloat = /^[+-]?(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]+)?$/;
  if (decimalFloat.test(text) && !text.includes('__')) {
    if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
    const value = Number(text.replaceAll('_', ''));
    if (Number.isFinite(value)) {
      const integral = Number.isInteger(value) && Math.abs(value) < 2 ** 63;
      return {
        isInt: integral,
        isUint: integral && value >= 0,
        isFloat: true,
        intValue: integral ? value : 0,
        floatValue: value,
      };
    }
  }
  throw new Error(`illegal number syntax: ${goQuote(text)}`);
}
