/**
 * gopkg.in/yaml.v2's Marshal output, as `docker stack config` (27.5.1) prints it: block style,
 * two-space indent, a list under a key not indented, map keys in yaml.v2's natural order, and a
 * string quoted only when it would read back as something else (encode.go's stringv, then
 * libyaml's scalar analysis).
 */
import { resolvePlain } from './parse-yaml';

export type YamlNode =
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, YamlNode])[] }
  | { readonly kind: 'seq'; readonly items: readonly YamlNode[] }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number; readonly bits: 32 | 64 }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' };

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/;

function isLetter(char: string): boolean {
  return /\p{L}/u.test(char);
}

function isDigit(char: string): boolean {
  return /\p{Nd}/u.test(char);
}

/** A run of digits from `start`, as keyList.Less reads it: its value and where it ends. */
function digitRun(runes: readonly string[], start: number, initial: number): [number, number] {
  let value = initial;
  let end = start;
  for (; end < runes.length && isDigit(runes[end] ?? ''); end++)
    value = value * 10 + Number(runes[end]);
  return [value, end];
}

/** Whether the digits before `index` hold a non-zero digit: then a leading 0 counts as a digit. */
function nonZeroBefore(runes: readonly string[], index: number): boolean {
  for (let j = index - 1; j >= 0 && isDigit(runes[j] ?? ''); j--) {
    if (runes[j] !== '0') return true;
  }
  return false;
}

/** yaml.v2's keyList.Less for two string keys: runs of digits compare as numbers. */
export function keyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] ?? '';
    const y = br[i] ?? '';
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x < y;
    if (xl || yl) return yl;
    const initial = (x === '0' || y === '0') && nonZeroBefore(ar, i) ? 1 : 0;
    const [an, ai] = digitRun(ar, i, initial);
    const [bn, bi] = digitRun(br, i, initial);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
}

/** A C0 or C1 control character other than tab and line breaks: libyaml escapes those. */
function hasSpecialCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0x7f && code <= 0x9f)
    ) {
      return true;
    }
  }
  return false;
}

/** Whether the string would read back as a string when written plainly (stringv). */
function resolvesToString(text: string): boolean {
  if (TIMESTAMP.test(text)) return false;
  return resolvePlain(text) === text && !BASE60_FLOAT.test(text);
}

/** libyaml's analysis: may this string be written plain in block context? */
function plainAllowed(text: string): boolean {
  if (text === '') return false;
  if (text.startsWith('---') || text.startsWith('...')) return false;
  if (/^[\s]|[\s]$/.test(text)) return false;
  if (hasSpecialCharacter(text) || /[\n\r\t\ufeff]/u.test(text)) return false;
  const first = text.charAt(0);
  const second = text.charAt(1);
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '?' || first === ':' || first === '-') && (second === '' || second === ' ')) {
    return false;
  }
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) return false;
  return true;
}

function doubleQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
      out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

function scalarText(text: string): string {
  if (!resolvesToString(text)) return doubleQuoted(text);
  if (plainAllowed(text)) return text;
  if (hasSpecialCharacter(text) || text.includes('\t')) return doubleQuoted(text);
  return `'${text.replaceAll("'", "''")}'`;
}

/** strconv.FormatFloat(f, 'g', -1, bits), then yaml.v2's names for infinities and NaN. */
function floatText(value: number, bits: 32 | 64): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const shortest = bits === 32 ? Number(Math.fround(value).toPrecision(9)) : value;
  let text = String(bits === 32 ? shortestFloat32(shortest) : shortest);
  if (text.includes('e')) {
    const [mantissa = '', power = ''] = text.split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    text = `${mantissa}e${sign}${power.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  if (!text.includes('e') && (exponent < -4 || exponent >= 21)) {
    const [mantissa = '', power = ''] = value.toExponential().split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    text = `${mantissa}e${sign}${power.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return text;
}

/** The fewest digits that read back as the same float32. */
function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}

function inline(node: YamlNode): string | null {
  switch (node.kind) {
    case 'map':
      return node.entries.length === 0 ? '{}' : null;
    case 'seq':
      return node.items.length === 0 ? '[]' : null;
    case 'str':
      return node.value.includes('\n') ? null : scalarText(node.value);
    case 'int':
      return String(node.value);
    case 'float':
      return floatText(node.value, node.bits);
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/** A literal block: `|-` without a final newline, `|` with one, `|+` with more. */
function literal(text: string, indent: string): string {
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? text : text.slice(0, text.length - (trailing === 1 ? 1 : 0));
  const lines = body.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`));
  return `|${chomp}\n${lines.join('\n')}${trailing > 1 ? '' : ''}`;
}

function block(node: YamlNode, indent: string, lines: string[]): void {
  if (node.kind === 'map') {
    for (const [key, value] of node.entries) {
      const head = `${indent}${scalarText(key)}:`;
      const simple = inline(value);
      if (simple !== null) lines.push(`${head} ${simple}`);
      else if (value.kind === 'str') lines.push(`${head} ${literal(value.value, `${indent}  `)}`);
      else if (value.kind === 'seq') {
        lines.push(head);
        block(value, indent, lines);
      } else {
        lines.push(head);
        block(value, `${indent}  `, lines);
      }
    }
    return;
  }
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const simple = inline(item);
      if (simple !== null) {
        lines.push(`${indent}- ${simple}`);
        continue;
      }
      if (item.kind === 'str') {
        lines.push(`${indent}- ${literal(item.value, `${indent}  `)}`);
        continue;
      }
      const inner: string[] = [];
      block(item, `${indent}  `, inner);
      const [first = '', ...rest] = inner;
      lines.push(`${indent}- ${first.slice(indent.length + 2)}`, ...rest);
    }
    return;
  }
  lines.push(`${indent}${inline(node) ?? ''}`);
}

/** The document as yaml.Marshal writes it, ending with a newline. */
export function emitYaml(node: YamlNode): string {
  const simple = inline(node);
  if (simple !== null) return `${simple}\n`;
  const lines: string[] = [];
  block(node, '', lines);
  return `${lines.join('\n')}\n`;
}
