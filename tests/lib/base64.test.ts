import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/lib/base64';
import { utf8Bytes } from '../../src/lib/utf8';

const utf8Encode = (text: string): Uint8Array => Uint8Array.from(utf8Bytes(text));

describe('base64', () => {
  it("encodes as Go's encoding/json encodes a []byte", () => {
    // `printf 'a=1' | docker config create` shows "Data": "YT0x" (Docker 20.10.24).
    expect(encodeBase64(utf8Encode('a=1'))).toBe('YT0x');
    expect(encodeBase64(utf8Encode('s3cr3t'))).toBe('czNjcjN0');
    expect(encodeBase64(utf8Encode('ab'))).toBe('YWI=');
    expect(encodeBase64(utf8Encode('a'))).toBe('YQ==');
    expect(encodeBase64(new Uint8Array())).toBe('');
  });

  it('decodes what it encodes, every byte value included', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    for (const length of [0, 1, 2, 3, 4, 255, 256]) {
      const slice = bytes.subarray(0, length);
      expect(decodeBase64(encodeBase64(slice))).toEqual(slice);
    }
  });

  it('refuses text that is not padded standard base64', () => {
    expect(decodeBase64('YQ')).toBeNull();
    expect(decodeBase64('Y-==')).toBeNull();
    expect(decodeBase64('Y=Q=')).toBeNull();
  });
});
