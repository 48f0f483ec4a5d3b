/**
 * fmt's default formatting (`%v`, and `%+v` with field names), which is how template actions
 * print values: `[a b]` for slices, `map[k:v]` with sorted keys, `{f1 f2}` for structs, `<nil>`
 * for nil, and Go's float and time forms.
 */
import { formatGoTime, toGoTime } from './go-time';
import { formatFloat, formatInteger } from './numbers';
import { typeName, type GoType } from './types';
import {
  dynamicValue,
  indirect,
  isNilValue,
  numberOf,
  readAs,
  sortedMapEntries,
  structField,
  structFieldNames,
  type GoValue,
  type Value,
} from './values';

export interface PrintOptions {
  /** `%+v`: struct fields are printed as `Name:value`. */
  readonly withFieldNames: boolean;
}

const DEFAULT_OPTIONS: PrintOptions = { withFieldNames: false };

/**
 * A stand-in for a pointer's address inside a composite value. Go prints the real address
 * (0xc000123450); a deterministic hash of the pointee keeps output reproducible.
 */
function pseudoAddress(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? '';
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return `0xc000${(hash & 0xfffff0).toString(16).padStart(6, '0')}`;
}

/** The String() of types that have one (time.Time, or a struct with a stringer hook). */
export function stringerText(value: GoValue): string | undefined {
  const { type } = value;
  if (type.kind === 'time') {
    const time = toGoTime(value.value);
    return time === undefined ? String(value.value) : formatGoTime(time);
  }
  if (type.kind === 'struct' && type.stringer !== undefined) return type.stringer(value.value);
  return undefined;
}

function formatStruct(
  value: GoValue & { type: { kind: 'struct' } },
  options: PrintOptions,
): string {
  const parts = structFieldNames(value).map((name) => {
    const field = structField(value, name);
    const text = field.status === 'found' ? formatNested(field.value, options) : '<nil>';
    return options.withFieldNames ? `${name}:${text}` : text;
  });
  return `{${parts.join(' ')}}`;
}

function formatElements(value: GoValue, elementType: GoType, options: PrintOptions): string {
  const items = Array.isArray(value.value) ? (value.value as unknown[]) : [];
  return `[${items.map((item) => formatNested(readAs(elementType, item), options)).join(' ')}]`;
}

function formatMap(value: GoValue, options: PrintOptions): string {
  const entries = sortedMapEntries(value).map(
    ([key, element]) => `${formatNested(key, options)}:${formatNested(element, options)}`,
  );
  return `map[${entries.join(' ')}]`;
}

/** A value inside a composite: pointers print as addresses, as fmt does below depth 0. */
function formatNested(value: GoValue, options: PrintOptions): string {
  if (value.type.kind === 'pointer' || value.type.kind === 'func') {
    return isNilValue(value) ? '<nil>' : pseudoAddress(value.value);
  }
  return formatTopLevel(value, options);
}

function formatBasic(value: GoValue): string {
  const raw = value.value;
  const kind = value.type.kind;
  if (kind === 'bool') return raw === true ? 'true' : 'false';
  if (kind === 'int' || kind === 'uint') {
    return formatInteger(typeof raw === 'bigint' ? raw : numberOf(value));
  }
  if (kind === 'float') return formatFloat(numberOf(value), 'g', -1);
  return typeof raw === 'string' ? raw : '';
}

/** fmt's %v for a value passed directly to Print (depth 0). */
export function formatTopLevel(value: Value, options: PrintOptions = DEFAULT_OPTIONS): string {
  if (value === undefined) return '<nil>';
  const stringer = stringerText(value);
  if (stringer !== undefined) return stringer;
  const { type } = value;
  switch (type.kind) {
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
      return formatBasic(value);
    case 'struct':
      return formatStruct({ ...value, type }, options);
    case 'slice':
      return formatElements(value, type.elem, options);
    case 'map':
      return formatMap(value, options);
    case 'interface':
      return formatTopLevel(dynamicValue(value.value), options);
    case 'pointer':
      return formatPointer({ ...value, type }, options);
    case 'func':
      return isNilValue(value) ? '<nil>' : pseudoAddress(value.value);
    case 'time':
      return '';
  }
}

/** At depth 0 fmt prints a pointer to a composite as `&` followed by the composite. */
function formatPointer(
  value: GoValue & { type: { kind: 'pointer' } },
  options: PrintOptions,
): string {
  if (isNilValue(value)) return '<nil>';
  const target = value.type.elem;
  if (target.kind === 'struct' || target.kind === 'slice' || target.kind === 'map') {
    const pointee = { type: target, value: value.value };
    return stringerText(pointee) ?? `&${formatTopLevel(pointee, options)}`;
  }
  return pseudoAddress(value.value);
}

/**
 * What a template action prints for a value (text/template printValue): pointers are followed
 * first, so `{{.ManagerStatus}}` shows the struct; an invalid value is `<no value>`.
 */
export function formatActionValue(value: Value): string {
  if (value === undefined) return '<no value>';
  let printable = value;
  if (value.type.kind === 'pointer') [printable] = indirect(value);
  return formatTopLevel(printable);
}

function isStringKind(value: Value): boolean {
  return value?.type.kind === 'string';
}

/** fmt.Sprint: operands are separated by a space when neither side is a string. */
export function sprint(values: readonly Value[]): string {
  let text = '';
  values.forEach((value, index) => {
    const previous = values[index - 1];
    if (index > 0 && !isStringKind(value) && !isStringKind(previous)) text += ' ';
    text += formatTopLevel(value);
  });
  return text;
}

/** fmt.Sprintln: always a space between operands, and a final newline. */
export function sprintln(values: readonly Value[]): string {
  return `${values.map((value) => formatTopLevel(value)).join(' ')}\n`;
}

/** `type=value` as fmt prints a bad verb's operand, e.g. `%!d(string=abc)`. */
export function describeOperand(value: Value): string {
  if (value === undefined) return '<nil>';
  return `${typeName(value.type)}=${formatTopLevel(value)}`;
}
