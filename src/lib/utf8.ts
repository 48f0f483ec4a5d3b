/**
 * Go strings are byte sequences; JavaScript strings are UTF-16. The template functions that
 * count or cut (`len`, `slice`, `index`, docker's `truncate`) work on UTF-8 bytes as Go does.
 * TextEncoder is not in the ES2023 library, so the encoding is done here.
 */

export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80) {
      bytes.push(codePoint);
    } else if (codePoint < 0x800) {
      bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
      bytes.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    } else {
      bytes.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    }
  }
  return bytes;
}

export function utf8Length(text: string): number {
  let length = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    length += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return length;
}

/** Length of the UTF-8 sequence a lead byte announces, or 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

/**
 * Decodes UTF-8; every byte that is not part of a valid sequence becomes U+FFFD, which is what
 * a terminal shows for the raw bytes Go would have written.
 */
export function utf8Decode(bytes: readonly number[]): string {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length = sequenceLength(lead);
    const tail = bytes.slice(index + 1, index + length);
    if (length === 0 || tail.length < length - 1 || tail.some((byte) => (byte & 0xc0) !== 0x80)) {
      text += '\uFFFD';
      index++;
      continue;
    }
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (const byte of tail) codePoint = (codePoint << 6) | (byte & 0x3f);
    text += String.fromCodePoint(codePoint);
    index += length;
  }
  return text;
}
