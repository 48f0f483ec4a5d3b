/**
 * encoding/json as docker's `json` template function uses it: compact, no HTML escaping, no
 * trailing newline. Struct values keep the key order of their JavaScript object (the API layer
 * builds them in Go's field order); maps typed as such, and JavaScript Maps, sort their keys as
 * Go does. Times encode as RFC 3339 with nanoseconds.
 */
import { formatRfc3339Nano, toGoTime } from './go-time';
import { isPlainObject, type GoType, type MapType } from './types';
import { readAs, sortedMapEntries, type Value } from './values';

/** JSON.stringify differs from Go only in leaving U+2028 and U+2029 unescaped. */
function encodeString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function encodeNumber(value: unknown): string {
  const number = typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
  return number;
}

function encodeObject(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, encoded]) => `${encodeString(key)}:${encoded}`).join(',')}}`;
}

function encodeDynamic(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'number' || typeof value === 'bigint') return encodeNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(encodeDynamic).join(',')}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([key, element]): [string, string] => [
      String(key),
      encodeDynamic(element),
    ]);
    return encodeObject(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .filter(([, element]) => element !== undefined && typeof element !== 'function')
      .map(([key, element]): [string, string] => [key, encodeDynamic(element)]);
    return encodeObject(entries);
  }
  return 'null';
}

function encodeStruct(type: GoType & { kind: 'struct' }, value: unknown): string {
  if (type.marshalJSONText !== undefined) return type.marshalJSONText(value);
  if (type.marshalJSON !== undefined) return encodeDynamic(type.marshalJSON(value));
  if (!isPlainObject(value)) return encodeDynamic(value);
  const fields = type.fields;
  const entries = Object.entries(value)
    .filter(([, element]) => element !== undefined && typeof element !== 'function')
    .map(([key, element]): [string, string] => {
      const fieldType = fields?.[key];
      return [
        key,
        fieldType === undefined ? encodeDynamic(element) : encodeTyped(fieldType, element),
      ];
    });
  return encodeObject(entries);
}

function encodeMap(type: MapType, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (type.jsonKeepsOrder === true && !(value instanceof Map)) return encodeDynamic(value);
  const entries = sortedMapEntries(readAs(type, value)).map(([key, element]): [string, string] => [
    String(key.value),
    encodeTyped(element.type, element.value),
  ]);
  return encodeObject(entries);
}

function encodeTyped(type: GoType, value: unknown): string {
  switch (type.kind) {
    case 'struct':
      return encodeStruct(type, value ?? {});
    case 'time': {
      const time = toGoTime(value);
      return time === undefined ? encodeDynamic(value) : encodeString(formatRfc3339Nano(time));
    }
    case 'pointer':
      return value === null || value === undefined ? 'null' : encodeTyped(type.elem, value);
    case 'slice':
      return Array.isArray(value)
        ? `[${value.map((item) => encodeTyped(type.elem, item)).join(',')}]`
        : 'null';
    case 'map':
      return encodeMap(type, value);
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
    case 'interface':
    case 'func':
      return encodeDynamic(value);
  }
}

/** The `json` template function's output for a value. */
export function encodeJson(value: Value): string {
  return value === undefined ? 'null' : encodeTyped(value.type, value.value);
}
