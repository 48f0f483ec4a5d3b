import type { OutputStream, ProgramEntry } from '../process';
import { decodeEscapes } from './escapes';

/**
 * Bash's builtin `printf` for what scripts use: %s %b %q %c %d %i %u %x %X %o and %%, with
 * flags, width and precision, backslash escapes in the format, and the format reused until
 * every argument is consumed.
 */

const specPattern = /%([-+ 0#]*)([0-9]*)(?:\.([0-9]*))?([a-zA-Z%])?/g;

interface Conversion {
  readonly flags: string;
  readonly width: number;
  readonly precision: number | null;
  readonly letter: string;
}

type FormatPiece = { readonly literal: string } | { readonly conversion: Conversion };

export const printfProgram: ProgramEntry = {
  name: 'printf',
  summary: 'Format and print arguments (%s %d %b %q %%, with \\n and \\t escapes)',
  run: ({ args, stdout, stderr }) => {
    const operands = args[0] === '--' ? args.slice(1) : args;
    const [format, ...values] = operands;
    if (format === undefined) {
      stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      return Promise.resolve(2);
    }
    const pieces = parseFormat(format);
    if (typeof pieces === 'string') {
      stderr.write(`bash: printf: \`${pieces}': invalid format character\n`);
      return Promise.resolve(1);
    }
    return Promise.resolve(printAll(pieces, values, { stdout, stderr }));
  },
};

function parseFormat(format: string): FormatPiece[] | string {
  const pieces: FormatPiece[] = [];
  let last = 0;
  for (const match of format.matchAll(specPattern)) {
    pieces.push({ literal: format.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, flags = '', width = '', precision, letter] = match;
    if (letter === undefined) return match[0].slice(-1) || '%';
    if (letter === '%') {
      pieces.push({ literal: '%' });
      continue;
    }
    if (!'sbqcdiuxXo'.includes(letter)) return letter;
    const conversion: Conversion = {
      flags,
      width: Number(width || '0'),
      precision: precision === undefined ? null : Number(precision || '0'),
      letter,
    };
    pieces.push({ conversion });
  }
  pieces.push({ literal: format.slice(last) });
  return pieces;
}

function printAll(
  pieces: readonly FormatPiece[],
  values: readonly string[],
  streams: { stdout: OutputStream; stderr: OutputStream },
): number {
  const state = { next: 0, status: 0 };
  const takesArguments = pieces.some((piece) => 'conversion' in piece);
  do {
    for (const piece of pieces) {
      if ('literal' in piece) {
        const decoded = decodeEscapes(piece.literal, { octalNeedsZero: false });
        streams.stdout.write(decoded.text);
        if (decoded.stopped) return state.status;
        continue;
      }
      const value = values[state.next++];
      const text = convert(piece.conversion, value, (message) => {
        streams.stderr.write(`bash: printf: ${message}\n`);
        state.status = 1;
      });
      streams.stdout.write(text);
    }
  } while (takesArguments && state.next < values.length);
  return state.status;
}

function convert(
  conversion: Conversion,
  value: string | undefined,
  reportError: (message: string) => void,
): string {
  const { letter } = conversion;
  if ('sbqc'.includes(letter)) return pad(textConversion(conversion, value ?? ''), conversion);
  const number = parseInteger(value ?? '0');
  if (number === null) reportError(`${value ?? ''}: invalid number`);
  return pad(numberText(letter, number ?? 0, conversion), conversion);
}

function textConversion(conversion: Conversion, value: string): string {
  const text = textFor(conversion.letter, value);
  return conversion.precision === null ? text : text.slice(0, conversion.precision);
}

function textFor(letter: string, value: string): string {
  switch (letter) {
    case 'b':
      return decodeEscapes(value, { octalNeedsZero: true }).text;
    case 'q':
      return shellQuote(value);
    case 'c':
      return value.charAt(0);
    default:
      return value;
  }
}

function numberText(letter: string, value: number, conversion: Conversion): string {
  const magnitude = Math.abs(value);
  const digits = digitsFor(letter, magnitude);
  let sign = value < 0 ? '-' : '';
  if (sign === '' && 'di'.includes(letter)) {
    if (conversion.flags.includes('+')) sign = '+';
    else if (conversion.flags.includes(' ')) sign = ' ';
  }
  const zeroFill = conversion.flags.includes('0') && !conversion.flags.includes('-');
  const length = zeroFill ? Math.max(0, conversion.width - sign.length) : 0;
  return sign + digits.padStart(Math.max(length, conversion.precision ?? 0), '0');
}

function digitsFor(letter: string, magnitude: number): string {
  switch (letter) {
    case 'x':
      return magnitude.toString(16);
    case 'X':
      return magnitude.toString(16).toUpperCase();
    case 'o':
      return magnitude.toString(8);
    default:
      return String(magnitude);
  }
}

function pad(text: string, conversion: Conversion): string {
  return conversion.flags.includes('-')
    ? text.padEnd(conversion.width)
    : text.padStart(conversion.width);
}

/** Bash accepts decimal, 0x hex, leading-0 octal, and `'c` for a character's code. */
function parseInteger(text: string): number | null {
  const trimmed = text.trim();
  if (/^['"]/.test(trimmed)) return trimmed.codePointAt(1) ?? 0;
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(trimmed)) return parseInt(trimmed, 16);
  if (/^[+-]?0[0-7]+$/.test(trimmed)) return parseInt(trimmed, 8);
  if (/^[+-]?[0-9]+$/.test(trimmed)) return parseInt(trimmed, 10);
  return null;
}

/** `%q`: quoted so that bash reads it back as the same word. */
function shellQuote(text: string): string {
  if (text === '') return "''";
  return text.replace(/([^A-Za-z0-9_\-.,:/@%+=])/g, '\\$1');
}
