/**
 * UTF-8 without `TextEncoder`, which the core layers' lib (ES2023) does not declare: what a
 * terminal's text is as bytes, for data the Engine API carries as `[]byte` (a secret's content).
 */
export function utf8Encode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) {
      // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as TextEncoder makes it.
      const scalar = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
      bytes.push(0xe0 | (scalar >> 12), 0x80 | ((scalar >> 6) & 63), 0x80 | (scalar & 63));
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
    }
  }
  return Uint8Array.from(bytes);
}

/** The least code point each sequence length may carry; a smaller one is overlong. */
const MIN_CODE = [0, 0, 0x80, 0x800, 0x10000];

/** The text of UTF-8 `bytes`; a malformed sequence becomes U+FFFD, as TextDecoder does. */
export function utf8Decode(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80 ? 1 : lead >> 5 === 6 ? 2 : lead >> 4 === 14 ? 3 : lead >> 3 === 30 ? 4 : 0;
    const continuation = bytes.subarray(i + 1, i + length);
    const valid =
      length > 0 &&
      continuation.length === length - 1 &&
      continuation.every((byte) => byte >> 6 === 2);
    if (!valid) {
      text += '\ufffd';
      i += 1;
      continue;
    }
    let code = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (const byte of continuation) code = (code << 6) | (byte & 63);
    const overlong = code < (MIN_CODE[length] ?? 0);
    text +=
      overlong || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(code);
    i += length;
  }
  return text;
}
