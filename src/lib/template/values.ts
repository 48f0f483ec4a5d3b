/**
 * Typed values: a JavaScript value paired with the Go type it stands for, mirroring
 * reflect.Value. `undefined` plays the part of Go's invalid (zero) reflect.Value, which is what
 * a missing map key or a nil interface yields and what prints as `<no value>`.
 */
import { utf8Length } from '../utf8';
import { goTypes, inferType, isPlainObject, type GoType, type StructType } from './types';

export interface GoValue {
  readonly type: GoType;
  readonly value: unknown;
}

/** A possibly invalid value; `undefined` is Go's invalid reflect.Value. */
export type Value = GoValue | undefined;

export function typedValue(type: GoType, value: unknown): GoValue {
  return { type, value };
}

/** Types a JavaScript value by its own shape, as an interface{} holding it would. */
export function dynamicValue(value: unknown): Value {
  const type = inferType(value);
  return type === undefined ? undefined : { type, value };
}

export function isNilValue(value: GoValue): boolean {
  switch (value.type.kind) {
    case 'pointer':
    case 'slice':
    case 'map':
    case 'interface':
    case 'func':
      return value.value === null || value.value === undefined;
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
    case 'struct':
    case 'time':
      return false;
  }
}

/** Go's indirect(): follows pointers and interfaces; stops at the first nil one. */
export function indirect(value: GoValue): [GoValue, boolean] {
  let current = value;
  for (;;) {
    const { type } = current;
    if (type.kind !== 'pointer' && type.kind !== 'interface') return [current, false];
    if (isNilValue(current)) return [current, true];
    if (type.kind === 'pointer') {
      current = { type: type.elem, value: current.value };
    } else {
      const dynamic = dynamicValue(current.value);
      if (dynamic === undefined) return [current, true];
      current = dynamic;
    }
  }
}

/** Go's indirectInterface(): the concrete value inside an interface, or invalid for nil. */
export function indirectInterface(value: Value): Value {
  if (value?.type.kind !== 'interface') return value;
  return dynamicValue(value.value);
}

export function stringOf(value: GoValue): string {
  return typeof value.value === 'string' ? value.value : '';
}

export function numberOf(value: GoValue): number {
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'bigint') return Number(value.value);
  return 0;
}

/** Go's isTrue(): the truth of `if` and `with`, and whether the value has one at all. */
export function truthOf(value: Value): { truth: boolean; ok: boolean } {
  if (value === undefined) return { truth: false, ok: true };
  const { type } = value;
  switch (type.kind) {
    case 'bool':
      return { truth: value.value === true, ok: true };
    case 'int':
    case 'uint':
    case 'float':
      return { truth: numberOf(value) !== 0, ok: true };
    case 'string':
      return { truth: stringOf(value) !== '', ok: true };
    case 'slice':
    case 'map':
      return { truth: lengthOf(value) > 0, ok: true };
    case 'pointer':
    case 'interface':
      return { truth: !isNilValue(value), ok: true };
    case 'struct':
    case 'time':
      return { truth: true, ok: true };
    case 'func':
      return { truth: !isNilValue(value), ok: true };
  }
}

/** Element count of a slice or map (nil counts 0), or byte length of a string. */
export function lengthOf(value: GoValue): number {
  const raw = value.value;
  if (typeof raw === 'string') return utf8Length(raw);
  if (Array.isArray(raw)) return raw.length;
  if (raw instanceof Map) return raw.size;
  if (isPlainObject(raw)) return Object.keys(raw).length;
  return 0;
}

/** The zero value of a type, as Go's reflect.Zero gives it. */
export function zeroValue(type: GoType): GoValue {
  switch (type.kind) {
    case 'bool':
      return { type, value: false };
    case 'int':
    case 'uint':
    case 'float':
      return { type, value: 0 };
    case 'string':
      return { type, value: '' };
    case 'struct':
      return { type, value: {} };
    case 'time':
    case 'pointer':
    case 'slice':
    case 'map':
    case 'interface':
    case 'func':
      return { type, value: null };
  }
}

/**
 * Reads a value of a declared type from JavaScript data. Null or undefined stand for the zero
 * value, which for non-nil kinds (string, int, struct…) is made explicit here so that readers
 * never meet null where Go has a value.
 */
export function readAs(type: GoType, raw: unknown): GoValue {
  if (raw === null || raw === undefined) return zeroValue(type);
  return { type, value: raw };
}

interface PropertyLookup {
  readonly found: boolean;
  readonly value: unknown;
}

/**
 * Looks a name up on an object and its prototype chain, ignoring Object.prototype so that
 * `constructor` or `toString` never pass for template fields.
 */
export function lookupProperty(target: unknown, name: string): PropertyLookup {
  if (typeof target !== 'object' || target === null) return { found: false, value: undefined };
  let current: object | null = target;
  while (current !== null && current !== Object.prototype) {
    if (Object.prototype.hasOwnProperty.call(current, name)) {
      return { found: true, value: Reflect.get(target, name) };
    }
    current = Object.getPrototypeOf(current) as object | null;
  }
  return { found: false, value: undefined };
}

/** A method of a struct value: a function-valued property of its JavaScript object. */
export function methodOf(
  value: GoValue,
  name: string,
): ((...args: unknown[]) => unknown) | undefined {
  if (value.type.kind !== 'struct') return undefined;
  const lookup = lookupProperty(value.value, name);
  if (typeof lookup.value !== 'function') return undefined;
  const method = lookup.value as (...args: unknown[]) => unknown;
  // bind keeps the declared parameter count, which is the method's arity for the executor.
  return method.bind(value.value);
}

export type FieldLookup =
  | { readonly status: 'found'; readonly value: GoValue }
  | { readonly status: 'unexported' }
  | { readonly status: 'missing' };

/** Field `name` of a struct value, typed by the schema, or by its value for an open struct. */
export function structField(value: GoValue & { type: StructType }, name: string): FieldLookup {
  const { fields } = value.type;
  if (fields !== undefined) {
    const fieldType = fields[name];
    if (fieldType === undefined) return { status: 'missing' };
    return { status: 'found', value: readAs(fieldType, lookupProperty(value.value, name).value) };
  }
  const keys = value.type.jsonKeys ?? {};
  if (Object.values(keys).includes(name) && !Object.hasOwn(keys, name)) {
    return { status: 'missing' };
  }
  const lookup = lookupProperty(value.value, keys[name] ?? name);
  if (!lookup.found) return { status: 'missing' };
  if (!/^\p{Lu}/u.test(name)) return { status: 'unexported' };
  return { status: 'found', value: { type: goTypes.any, value: lookup.value } };
}

/** Field names of a struct value in declaration order. */
export function structFieldNames(value: GoValue & { type: StructType }): string[] {
  const { fields } = value.type;
  if (fields !== undefined) return Object.keys(fields);
  if (!isPlainObject(value.value)) return [];
  const goNames = new Map(
    Object.entries(value.type.jsonKeys ?? {}).map(([field, key]) => [key, field]),
  );
  return Object.keys(value.value)
    .map((key) => goNames.get(key) ?? key)
    .filter((name) => /^\p{Lu}/u.test(name));
}

/** The entries of a map value as JavaScript pairs, unsorted. */
export function rawMapEntries(value: GoValue): [unknown, unknown][] {
  const raw = value.value;
  if (raw instanceof Map) return [...raw.entries()] as [unknown, unknown][];
  if (isPlainObject(raw)) return Object.entries(raw);
  return [];
}

function compareKeys(left: GoValue, right: GoValue): number {
  const a = left.value;
  const b = right.value;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const difference = numberOf(left) - numberOf(right);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/**
 * Map entries in Go's fmtsort order (numbers numerically, strings bytewise, false before true),
 * the order in which `range` visits a map and fmt prints one.
 */
export function sortedMapEntries(value: GoValue): [GoValue, GoValue][] {
  const { type } = value;
  if (type.kind !== 'map') return [];
  const keyType = type.key;
  const entries = rawMapEntries(value).map(([key, element]): [GoValue, GoValue] => {
    const numericKey =
      keyType.kind === 'int' || keyType.kind === 'uint' || keyType.kind === 'float';
    const typedKey = numericKey && typeof key === 'string' ? Number(key) : key;
    return [readAs(keyType, typedKey), readAs(type.elem, element)];
  });
  return entries.sort(([left], [right]) => compareKeys(left, right));
}
