/**
 * Go's predefined template functions (text/template/funcs.go): and or not len index slice
 * print printf println html js urlquery eq ne lt le gt ge call, with their error texts.
 */
import { equal, lessThan } from './compare';
import { FunctionCallError, type FunctionMap, type TemplateFunction } from './function-types';
import { formatActionValue, sprint, sprintln } from './print';
import { sprintf } from './printf';
import { goTypes, typeName, type GoType } from './types';
import { utf8Bytes, utf8Decode } from '../utf8';
import {
  dynamicValue,
  indirect,
  indirectInterface,
  lengthOf,
  rawMapEntries,
  readAs,
  stringOf,
  truthOf,
  zeroValue,
  type GoValue,
  type Value,
} from './values';

const ANY = goTypes.any;

function boolValue(value: boolean): GoValue {
  return { type: goTypes.bool, value };
}

function stringValue(value: string): GoValue {
  return { type: goTypes.string, value };
}

function length(args: readonly Value[]): Value {
  const [item] = args;
  if (item === undefined)
    throw new FunctionCallError('reflect: call of reflect.Value.Type on zero Value');
  const [target, isNil] = indirect(item);
  if (isNil) throw new FunctionCallError('len of nil pointer');
  const kind = target.type.kind;
  if (kind === 'slice' || kind === 'map' || kind === 'string')
    return { type: goTypes.int, value: lengthOf(target) };
  throw new FunctionCallError(`len of type ${typeName(target.type)}`);
}

/** Go's indexArg: an integer index within [0, limit]; the caller catches index == length. */
function indexArgument(indexValue: Value, limit: number): number {
  const index = indirectInterface(indexValue);
  if (index === undefined) throw new FunctionCallError('cannot index slice/array with nil');
  if (index.type.kind !== 'int' && index.type.kind !== 'uint') {
    throw new FunctionCallError(`cannot index slice/array with type ${typeName(index.type)}`);
  }
  const position = Number(index.value);
  if (position < 0 || position > limit)
    throw new FunctionCallError(`index out of range: ${position}`);
  return position;
}

function indexSequence(item: GoValue, indexValue: Value): GoValue {
  const isString = item.type.kind === 'string';
  const elements: readonly unknown[] = isString
    ? utf8Bytes(stringOf(item))
    : Array.isArray(item.value)
      ? item.value
      : [];
  const position = indexArgument(indexValue, elements.length);
  if (position >= elements.length) {
    throw new FunctionCallError(`reflect: ${isString ? 'string' : 'slice'} index out of range`);
  }
  if (isString) return { type: goTypes.named('uint', 'uint8'), value: elements[position] };
  return readAs(item.type.kind === 'slice' ? item.type.elem : ANY, elements[position]);
}

function indexMap(item: GoValue & { type: { kind: 'map' } }, keyValue: Value): GoValue {
  const key = indirectInterface(keyValue);
  const keyType = item.type.key;
  if (key === undefined)
    throw new FunctionCallError(`value is nil; should be of type ${typeName(keyType)}`);
  const sameKind = keyType.kind === 'interface' || key.type.kind === keyType.kind;
  if (!sameKind) {
    throw new FunctionCallError(
      `value has type ${typeName(key.type)}; should be ${typeName(keyType)}`,
    );
  }
  const entry = rawMapEntries(item).find(([candidate]) => String(candidate) === String(key.value));
  return entry === undefined ? zeroValue(item.type.elem) : readAs(item.type.elem, entry[1]);
}

function index(args: readonly Value[]): Value {
  const [first, ...indexes] = args;
  let item = indirectInterface(first);
  if (item === undefined) throw new FunctionCallError('index of untyped nil');
  for (const indexValue of indexes) {
    const [target, isNil] = indirect(item);
    if (isNil) throw new FunctionCallError('index of nil pointer');
    const { type } = target;
    if (type.kind === 'slice' || type.kind === 'string') item = indexSequence(target, indexValue);
    else if (type.kind === 'map') item = indexMap({ ...target, type }, indexValue);
    else throw new FunctionCallError(`can't index item of type ${typeName(type)}`);
  }
  return item;
}

function sliceBounds(indexes: readonly Value[], length: number): number[] {
  const bounds = [0, length];
  indexes.forEach((indexValue, position) => {
    bounds[position] = indexArgument(indexValue, length);
  });
  const [low = 0, high = length, max] = bounds;
  if (low > high) throw new FunctionCallError(`invalid slice index: ${low} > ${high}`);
  if (max !== undefined && high > max)
    throw new FunctionCallError(`invalid slice index: ${high} > ${max}`);
  return [low, high];
}

function slice(args: readonly Value[]): Value {
  const [first, ...indexes] = args;
  const item = indirectInterface(first);
  if (item === undefined) throw new FunctionCallError('slice of untyped nil');
  if (indexes.length > 3) throw new FunctionCallError(`too many slice indexes: ${indexes.length}`);
  if (item.type.kind === 'string') {
    if (indexes.length === 3) throw new FunctionCallError('cannot 3-index slice a string');
    const bytes = utf8Bytes(stringOf(item));
    const [low, high] = sliceBounds(indexes, bytes.length);
    return { type: item.type, value: utf8Decode(bytes.slice(low, high)) };
  }
  if (item.type.kind === 'slice') {
    const elements = Array.isArray(item.value) ? (item.value as unknown[]) : [];
    const [low, high] = sliceBounds(indexes, elements.length);
    return { type: item.type, value: elements.slice(low, high) };
  }
  throw new FunctionCallError(`can't slice item of type ${typeName(item.type)}`);
}

/** The argument text for html, js and urlquery (Go's evalArgs). */
function escaperInput(args: readonly Value[]): string {
  const [only] = args;
  if (args.length === 1 && only?.type.kind === 'string' && only.type.name === 'string')
    return stringOf(only);
  return sprint(
    args.map((argument) => (argument?.type.kind === 'pointer' ? indirect(argument)[0] : argument)),
  );
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\uFFFD',
};

const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function jsEscape(text: string): string {
  return Array.from(text)
    .map((character) => {
      const escaped = JS_ESCAPES[character];
      if (escaped !== undefined) return escaped;
      const codePoint = character.codePointAt(0) ?? 0;
      return codePoint < 0x20
        ? `\\u${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
        : character;
    })
    .join('');
}

/** url.QueryEscape: unreserved characters stay, space becomes '+', the rest %XX. */
function queryEscape(text: string): string {
  return utf8Bytes(text)
    .map((byte) => {
      const character = String.fromCharCode(byte);
      if (/^[A-Za-z0-9\-_.~]$/.test(character)) return character;
      if (character === ' ') return '+';
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

function call(args: readonly Value[]): Value {
  const [fnValue, ...rest] = args;
  const fn = indirectInterface(fnValue);
  if (fn === undefined) throw new FunctionCallError('call of nil');
  if (typeof fn.value !== 'function') {
    throw new FunctionCallError(
      `non-function ${formatActionValue(fn)} of type ${typeName(fn.type)}`,
    );
  }
  const target = fn.value as (...parameters: unknown[]) => unknown;
  return dynamicValue(target(...rest.map((argument) => argument?.value)));
}

function fixed(
  parameters: TemplateFunction['parameters'],
  fn: TemplateFunction['call'],
): TemplateFunction {
  return { parameters, call: fn };
}

function variadic(
  parameters: TemplateFunction['parameters'],
  element: GoType | 'reflect.Value',
  fn: TemplateFunction['call'],
): TemplateFunction {
  return { parameters, variadic: element, call: fn };
}

const REFLECT = 'reflect.Value';

function pairComparison(compare: (left: Value, right: Value) => boolean): TemplateFunction {
  return fixed([REFLECT, REFLECT], ([left, right]) => boolValue(compare(left, right)));
}

export const BUILTIN_FUNCTIONS: FunctionMap = {
  and: {
    parameters: [REFLECT],
    variadic: REFLECT,
    shortCircuit: 'and',
    call: (args) => args[args.length - 1],
  },
  or: {
    parameters: [REFLECT],
    variadic: REFLECT,
    shortCircuit: 'or',
    call: (args) => args[args.length - 1],
  },
  not: fixed([REFLECT], ([value]) => boolValue(!truthOf(indirectInterface(value)).truth)),
  len: fixed([REFLECT], length),
  index: variadic([REFLECT], REFLECT, index),
  slice: variadic([REFLECT], REFLECT, slice),
  print: variadic([], ANY, (args) => stringValue(sprint(args))),
  printf: variadic([goTypes.string], ANY, ([format, ...args]) =>
    stringValue(sprintf(format === undefined ? '' : stringOf(format), args)),
  ),
  println: variadic([], ANY, (args) => stringValue(sprintln(args))),
  html: variadic([], ANY, (args) =>
    stringValue(
      Array.from(escaperInput(args), (character) => HTML_ESCAPES[character] ?? character).join(''),
    ),
  ),
  js: variadic([], ANY, (args) => stringValue(jsEscape(escaperInput(args)))),
  urlquery: variadic([], ANY, (args) => stringValue(queryEscape(escaperInput(args)))),
  eq: variadic([REFLECT], REFLECT, (args) => boolValue(equal(args))),
  ne: pairComparison((left, right) => !equal([left, right])),
  lt: pairComparison(lessThan),
  le: pairComparison((left, right) => lessThan(left, right) || equal([left, right])),
  gt: pairComparison((left, right) => !(lessThan(left, right) || equal([left, right]))),
  ge: pairComparison((left, right) => !lessThan(left, right)),
  call: variadic([REFLECT], REFLECT, call),
};
