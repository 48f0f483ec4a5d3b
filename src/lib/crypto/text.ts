import { utf8Bytes, utf8Decode } from '../utf8';

/**
 * UTF-8 for the large texts that get sealed (a store's snapshot is megabytes of JSON): the
 * platform's `TextEncoder` and `TextDecoder` where they exist, which every browser, worker and
 * Node has; the hand-written codec of `src/lib/utf8` otherwise. Found at run time, since the core
 * layers are compiled without the DOM lib.
 */
interface Encoder {
  encode(text: string): Uint8Array;
}
interface Decoder {
  decode(bytes: Uint8Array): string;
}

function construct(name: string): unknown {
  const constructor: unknown = Reflect.get(globalThis, name);
  return typeof constructor === 'function' ? Reflect.construct(constructor, []) : undefined;
}

function isEncoder(value: unknown): value is Encoder {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'encode') === 'function'
  );
}

function isDecoder(value: unknown): value is Decoder {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'decode') === 'function'
  );
}

const encoder = ((): Encoder => {
  const found = construct('TextEncoder');
  return isEncoder(found) ? found : { encode: (text) => new Uint8Array(utf8Bytes(text)) };
})();

const decoder = ((): Decoder => {
  const found = construct('TextDecoder');
  return isDecoder(found) ? found : { decode: (bytes) => utf8Decode(Array.from(bytes)) };
})();

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
