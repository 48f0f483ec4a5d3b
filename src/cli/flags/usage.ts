import { isFallbackZero } from './value';
import type { Flag, FlagSet } from './flag-set';

/**
 * pflag's FlagUsagesWrapped: the "Options:" block of help. Names are padded to one column, the
 * usage text is wrapped to `columns`, and a default that is not the zero value is appended.
 */

/** pflag's UnquoteUsage: a `back-quoted` word in the usage names the value, else its type. */
export function unquoteUsage(flag: Flag): { varname: string; usage: string } {
  const open = flag.usage.indexOf('`');
  const close = open < 0 ? -1 : flag.usage.indexOf('`', open + 1);
  if (open >= 0 && close > open) {
    const varname = flag.usage.slice(open + 1, close);
    const usage = flag.usage.slice(0, open) + varname + flag.usage.slice(close + 1);
    return { varname, usage };
  }
  const displayNames: Readonly<Record<string, string>> = {
    bool: '',
    float64: 'float',
    int64: 'int',
    uint64: 'uint',
    stringSlice: 'strings',
    intSlice: 'ints',
    uintSlice: 'uints',
    boolSlice: 'bools',
  };
  const type = flag.value.type();
  return { varname: displayNames[type] ?? type, usage: flag.usage };
}

function defaultIsZero(flag: Flag): boolean {
  return flag.value.isZeroDefault?.(flag.defValue) ?? isFallbackZero(flag.defValue);
}

function optionalValueSuffix(flag: Flag): string {
  if (flag.noOptDefVal === '') return '';
  switch (flag.value.type()) {
    case 'string':
      return `[="${flag.noOptDefVal}"]`;
    case 'bool':
      return flag.noOptDefVal === 'true' ? '' : `[=${flag.noOptDefVal}]`;
    default:
      return `[=${flag.noOptDefVal}]`;
  }
}

/** pflag's wrapN: split `text` at the last blank before `width` (with `slop` to spare). */
function wrapOnce(width: number, slop: number, text: string): [string, string] {
  if (width + slop > text.length) return [text, ''];
  const head = text.slice(0, width);
  const blank = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (blank <= 0) return [text, ''];
  const newline = head.lastIndexOf('\n');
  if (newline > 0 && newline < blank) return [text.slice(0, newline), text.slice(newline + 1)];
  return [text.slice(0, blank), text.slice(blank + 1)];
}

/** pflag's wrap: indent continuation lines by `indent` and wrap to `columns`. */
export function wrapUsage(indent: number, columns: number, text: string): string {
  const pad = (count: number): string => ' '.repeat(count);
  if (columns === 0) return text.replaceAll('\n', `\n${pad(indent)}`);
  let start = indent;
  let width = columns - start;
  let result = '';
  if (width < 24) {
    start = 16;
    width = columns - start;
    result += `\n${pad(start)}`;
  }
  if (width < 24) return text.replaceAll('\n', result);
  const slop = 5;
  width -= slop;
  let [line, rest] = wrapOnce(width, slop, text);
  result += line.replaceAll('\n', `\n${pad(start)}`);
  while (rest !== '') {
    [line, rest] = wrapOnce(width, slop, rest);
    result += `\n${pad(start)}${line.replaceAll('\n', `\n${pad(start)}`)}`;
  }
  return result;
}

export function flagUsagesWrapped(flags: FlagSet, columns: number): string {
  const lines: { head: string; body: string }[] = [];
  let headWidth = 0;
  for (const flag of flags.all()) {
    if (flag.hidden) continue;
    let head =
      flag.shorthand !== '' && flag.shorthandDeprecated === ''
        ? `  -${flag.shorthand}, --${flag.name}`
        : `      --${flag.name}`;
    const { varname, usage } = unquoteUsage(flag);
    if (varname !== '') head += ` ${varname}`;
    head += optionalValueSuffix(flag);
    headWidth = Math.max(headWidth, head.length + 1);
    let body = usage;
    if (!defaultIsZero(flag)) {
      body +=
        flag.value.type() === 'string'
          ? ` (default ${JSON.stringify(flag.defValue)})`
          : ` (default ${flag.defValue})`;
    }
    if (flag.deprecated !== '') body += ` (DEPRECATED: ${flag.deprecated})`;
    lines.push({ head, body });
  }
  // Go's Fprintln puts a space on each side of the padding, so usage starts at headWidth + 2.
  return lines
    .map(({ head, body }) => {
      const padding = ' '.repeat(headWidth - head.length);
      return `${head} ${padding} ${wrapUsage(headWidth + 2, columns, body)}\n`;
    })
    .join('');
}
