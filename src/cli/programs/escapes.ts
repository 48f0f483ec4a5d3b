/**
 * Backslash escapes as `echo -e` and `printf` read them. `\c` stops all further output, so the
 * decoder says whether it was seen.
 */

const simpleEscapes: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

export interface DecodedEscapes {
  readonly text: string;
  /** `\c` was found: print nothing after it, not even a newline. */
  readonly stopped: boolean;
}

/** `octalPrefix` is the `0` that `echo -e` needs before octal digits (`\0101`); printf has none. */
export function decodeEscapes(text: string, options: { octalNeedsZero: boolean }): DecodedEscapes {
  const octal = options.octalNeedsZero ? '0([0-7]{0,3})' : '([0-7]{1,3})';
  const pattern = new RegExp(
    `\\\\(?:${octal}|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|(c)|(.))`,
    'gs',
  );
  let result = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    result += text.slice(last, match.index);
    last = match.index + match[0].length;
    const [, octalDigits, hex, unicode, stop, other] = match;
    if (stop !== undefined) return { text: result, stopped: true };
    result += decodeOne({ octalDigits, hex, unicode, other });
  }
  return { text: result + text.slice(last), stopped: false };
}

function decodeOne(escape: {
  octalDigits: string | undefined;
  hex: string | undefined;
  unicode: string | undefined;
  other: string | undefined;
}): string {
  if (escape.octalDigits !== undefined) {
    return String.fromCharCode(parseInt(escape.octalDigits === '' ? '0' : escape.octalDigits, 8));
  }
  if (escape.hex !== undefined) return String.fromCharCode(parseInt(escape.hex, 16));
  if (escape.unicode !== undefined) return String.fromCodePoint(parseInt(escape.unicode, 16));
  const other = escape.other ?? '';
  return simpleEscapes[other] ?? `\\${other}`;
}
