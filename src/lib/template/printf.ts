/**
 * fmt.Sprintf for the verbs templates use: %v %+v %s %q %d %t %x %X %o %b %c %e %f %g %T %%,
 * with flags (- + # 0 space), width and precision. Mistakes print inline as Go does:
 * `%!d(string=abc)`, `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`.
 */
import { formatFloat, formatInteger, type FloatVerb } from './numbers';
import { goQuote, goQuoteRune } from './quote';
import { describeOperand, formatTopLevel, stringerText } from './print';
import { typeName } from './types';
import { utf8Bytes } from '../utf8';
import {
  indirect,
  indirectInterface,
  numberOf,
  readAs,
  sortedMapEntries,
  type GoValue,
  type Value,
} from './values';

interface Directive {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly sharp: boolean;
  readonly zero: boolean;
  readonly space: boolean;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly verb: string;
}

function pad(text: string, directive: Directive, numeric: boolean): string {
  const width = directive.width ?? 0;
  const length = Array.from(text).length;
  if (length >= width) return text;
  if (directive.minus) return text + ' '.repeat(width - length);
  if (directive.zero && numeric) {
    const signLength = /^[+\- ]/.test(text) ? 1 : 0;
    return text.slice(0, signLength) + '0'.repeat(width - length) + text.slice(signLength);
  }
  return ' '.repeat(width - length) + text;
}

function signed(text: string, negative: boolean, directive: Directive): string {
  if (negative) return `-${text}`;
  if (directive.plus) return `+${text}`;
  return directive.space ? ` ${text}` : text;
}

function bad(directive: Directive, value: Value): string {
  return `%!${directive.verb}(${describeOperand(value)})`;
}

const INTEGER_BASES: Readonly<Record<string, number>> = { d: 10, x: 16, X: 16, o: 8, O: 8, b: 2 };

function formatIntegerVerb(value: GoValue, directive: Directive): string {
  const raw = typeof value.value === 'bigint' ? value.value : numberOf(value);
  const { verb } = directive;
  if (verb === 'c') return String.fromCodePoint(Number(raw));
  if (verb === 'q') return goQuoteRune(Number(raw));
  if (verb === 'U') return `U+${formatInteger(raw, 16).toUpperCase().padStart(4, '0')}`;
  const base = INTEGER_BASES[verb === 'v' ? 'd' : verb];
  if (base === undefined) return bad(directive, value);
  const negative = raw < 0;
  let digits = formatInteger(negative ? -raw : raw, base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (directive.precision !== undefined) digits = digits.padStart(directive.precision, '0');
  if (directive.sharp && (verb === 'x' || verb === 'X')) digits = `0${verb}${digits}`;
  if (verb === 'O' || (directive.sharp && verb === 'o'))
    digits = `0${verb === 'O' ? 'o' : ''}${digits}`;
  return signed(digits, negative, directive);
}

function formatFloatVerb(value: GoValue, directive: Directive): string {
  const verb = directive.verb === 'v' ? 'g' : directive.verb;
  if (!['e', 'E', 'f', 'F', 'g', 'G'].includes(verb)) return bad(directive, value);
  const number = numberOf(value);
  const defaultPrecision = verb === 'g' || verb === 'G' ? -1 : 6;
  const text = formatFloat(
    Math.abs(number),
    verb as FloatVerb,
    directive.precision ?? defaultPrecision,
  );
  return signed(text, number < 0 || Object.is(number, -0), directive);
}

function hexOfString(text: string, upper: boolean): string {
  const hex = utf8Bytes(text)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return upper ? hex.toUpperCase() : hex;
}

function formatStringVerb(text: string, directive: Directive, value: Value): string {
  const truncated =
    directive.precision === undefined
      ? text
      : Array.from(text).slice(0, directive.precision).join('');
  switch (directive.verb) {
    case 'v':
    case 's':
      return truncated;
    case 'q':
      return directive.sharp && !truncated.includes('`') ? `\`${truncated}\`` : goQuote(truncated);
    case 'x':
    case 'X':
      return hexOfString(truncated, directive.verb === 'X');
    default:
      return bad(directive, value);
  }
}

function formatBool(value: GoValue, directive: Directive): string {
  if (directive.verb !== 't' && directive.verb !== 'v') return bad(directive, value);
  return value.value === true ? 'true' : 'false';
}

/** Composite values apply the verb to each element: `%d` of []int{1,2} is `[1 2]`. */
function formatComposite(value: GoValue, directive: Directive): string | undefined {
  const { type } = value;
  const inner = { ...directive, width: undefined };
  if (type.kind === 'slice') {
    const items = Array.isArray(value.value) ? (value.value as unknown[]) : [];
    return `[${items.map((item) => formatOperand(readAs(type.elem, item), inner)).join(' ')}]`;
  }
  if (type.kind === 'map') {
    const entries = sortedMapEntries(value).map(
      ([key, element]) => `${formatOperand(key, inner)}:${formatOperand(element, inner)}`,
    );
    return `map[${entries.join(' ')}]`;
  }
  return undefined;
}

function formatOperand(operand: Value, directive: Directive): string {
  // An interface operand is printed as what it holds; a nil one is an untyped nil.
  const value = indirectInterface(operand);
  if (value === undefined) return directive.verb === 'v' ? '<nil>' : `%!${directive.verb}(<nil>)`;
  if (directive.verb === 'T') return typeName(value.type);
  if (directive.verb === 'v') {
    return formatTopLevel(value, { withFieldNames: directive.plus });
  }
  const stringer = stringerText(value);
  if (stringer !== undefined) return formatStringVerb(stringer, directive, value);
  const [target] = value.type.kind === 'interface' ? indirect(value) : [value];
  const kind = target.type.kind;
  if (kind === 'bool') return formatBool(target, directive);
  if (kind === 'int' || kind === 'uint') return formatIntegerVerb(target, directive);
  if (kind === 'float') return formatFloatVerb(target, directive);
  if (kind === 'string') {
    const text = typeof target.value === 'string' ? target.value : '';
    return formatStringVerb(text, directive, target);
  }
  return formatComposite(target, directive) ?? bad(directive, target);
}

function isNumeric(value: Value): boolean {
  const kind = value?.type.kind;
  return kind === 'int' || kind === 'uint' || kind === 'float';
}

const FLAG_CHARACTERS = '-+# 0';

interface ParsedDirective {
  readonly directive: Directive;
  readonly next: number;
  readonly consumedArguments: number;
  readonly widthError: boolean;
}

function readNumber(format: string, start: number): [number | undefined, number] {
  let index = start;
  while (index < format.length && /[0-9]/.test(format[index] ?? '')) index++;
  return index === start ? [undefined, start] : [Number(format.slice(start, index)), index];
}

function starArgument(argument: Value): number | undefined {
  return argument !== undefined && (argument.type.kind === 'int' || argument.type.kind === 'uint')
    ? numberOf(argument)
    : undefined;
}

/** Parses flags, width, precision and verb after a `%` at `start`. */
function parseDirective(
  format: string,
  start: number,
  args: readonly Value[],
  argIndex: number,
): ParsedDirective {
  const flags = { minus: false, plus: false, sharp: false, zero: false, space: false };
  let index = start;
  const flagOf: Readonly<Record<string, keyof typeof flags>> = {
    '-': 'minus',
    '+': 'plus',
    '#': 'sharp',
    ' ': 'space',
    '0': 'zero',
  };
  while (index < format.length && FLAG_CHARACTERS.includes(format[index] ?? '')) {
    const flag = flagOf[format[index] ?? ''];
    if (flag !== undefined) flags[flag] = true;
    index++;
  }
  let consumedArguments = 0;
  let widthError = false;
  let width: number | undefined;
  if (format[index] === '*') {
    width = starArgument(args[argIndex]);
    widthError = width === undefined;
    consumedArguments++;
    index++;
  } else {
    [width, index] = readNumber(format, index);
  }
  let precision: number | undefined;
  if (format[index] === '.') {
    [precision, index] = readNumber(format, index + 1);
    precision ??= 0;
  }
  const verb = Array.from(format.slice(index))[0] ?? '';
  return {
    directive: { ...flags, zero: flags.zero && !flags.minus, width, precision, verb },
    next: index + verb.length,
    consumedArguments,
    widthError,
  };
}

export function sprintf(format: string, args: readonly Value[]): string {
  let output = '';
  let argIndex = 0;
  let index = 0;
  while (index < format.length) {
    const percent = format.indexOf('%', index);
    if (percent < 0) {
      output += format.slice(index);
      break;
    }
    output += format.slice(index, percent);
    const parsed = parseDirective(format, percent + 1, args, argIndex);
    argIndex += parsed.consumedArguments;
    index = parsed.next;
    if (parsed.widthError) output += '%!(BADWIDTH)';
    const { directive } = parsed;
    if (directive.verb === '') {
      output += '%!(NOVERB)';
    } else if (directive.verb === '%') {
      output += '%';
    } else if (argIndex >= args.length) {
      output += `%!${directive.verb}(MISSING)`;
    } else {
      const argument = args[argIndex++];
      output += pad(formatOperand(argument, directive), directive, isNumeric(argument));
    }
  }
  if (argIndex < args.length) {
    output += `%!(EXTRA ${args.slice(argIndex).map(describeOperand).join(', ')})`;
  }
  return output;
}
