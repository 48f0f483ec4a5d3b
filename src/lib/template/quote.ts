/**
 * Go's strconv.Quote and strconv.Unquote, as far as templates need them: quoted names in error
 * messages, the `%q` verb, and string literals in template source.
 */

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** Approximates unicode.IsPrint: control and format characters are not printable. */
function isPrintable(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return false;
  if (codePoint === 0xad || (codePoint >= 0x2028 && codePoint <= 0x202e)) return false;
  if (codePoint >= 0x200b && codePoint <= 0x200f) return false;
  if (codePoint === 0xfeff || codePoint === 0xfffe || codePoint === 0xffff) return false;
  return !(codePoint >= 0xd800 && codePoint < 0xe000);
}

function escapeCodePoint(character: string, codePoint: number): string {
  const named = NAMED_ESCAPES[character];
  if (named !== undefined) return named;
  if (isPrintable(codePoint)) return character;
  if (codePoint < 0x80) return `\\x${hex(codePoint, 2)}`;
  if (codePoint < 0x10000) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const character of text) quoted += escapeCodePoint(character, character.codePointAt(0) ?? 0);
  return `${quoted}"`;
}

/** strconv.QuoteRune: a single-quoted Go rune literal, as `%q` prints integers. */
export function goQuoteRune(codePoint: number): string {
  const valid =
    codePoint >= 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint < 0xe000);
  const character = String.fromCodePoint(valid ? codePoint : 0xfffd);
  if (character === "'") return "'\\''";
  if (character === '"') return `'"'`;
  return `'${escapeCodePoint(character, valid ? codePoint : 0xfffd)}'`;
}

export class UnquoteError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE_UNESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

function readHexEscape(body: string, start: number, digits: number): [string, number] {
  const text = body.slice(start, start + digits);
  if (text.length !== digits || !/^[0-9a-fA-F]+$/.test(text)) throw new UnquoteError();
  const codePoint = parseInt(text, 16);
  if (digits === 2) return [String.fromCharCode(codePoint), start + digits];
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint < 0xe000)) {
    throw new UnquoteError();
  }
  return [String.fromCodePoint(codePoint), start + digits];
}

/** Reads the escape sequence after the backslash at `index`; returns the text and next index. */
function readEscape(body: string, index: number, quote: string): [string, number] {
  const letter = body[index + 1] ?? '';
  const simple = SIMPLE_UNESCAPES[letter];
  if (simple !== undefined) return [simple, index + 2];
  if (letter === quote) return [quote, index + 2];
  if (letter === 'x') return readHexEscape(body, index + 2, 2);
  if (letter === 'u') return readHexEscape(body, index + 2, 4);
  if (letter === 'U') return readHexEscape(body, index + 2, 8);
  const octal = body.slice(index + 1, index + 4);
  if (/^[0-7]{3}$/.test(octal)) {
    const value = parseInt(octal, 8);
    if (value > 255) throw new UnquoteError();
    return [String.fromCharCode(value), index + 4];
  }
  throw new UnquoteError();
}

/** strconv.Unquote for "…" and `…` literals (and '…' rune literals, returning the rune text). */
export function goUnquote(literal: string): string {
  const quote = literal[0] ?? '';
  if (literal.length < 2 || literal[literal.length - 1] !== quote) throw new UnquoteError();
  const body = literal.slice(1, -1);
  if (quote === '`') {
    if (body.includes('`')) throw new UnquoteError();
    return body.replaceAll('\r', '');
  }
  if (quote !== '"' && quote !== "'") throw new UnquoteError();
  let text = '';
  let index = 0;
  while (index < body.length) {
    const character = body[index] ?? '';
    if (character === quote || character === '\n') throw new UnquoteError();
    if (character !== '\\') {
      text += character;
      index++;
      continue;
    }
    const [escaped, next] = readEscape(body, index, quote);
    text += escaped;
    index = next;
  }
  if (quote === "'" && Array.from(text).length !== 1) throw new UnquoteError();
  return text;
}
