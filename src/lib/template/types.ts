/**
 * Go type descriptions for template data.
 *
 * Templates run over plain JavaScript data, but Go's text/template behaves according to the
 * static Go type of each value: a nil `*swarm.ManagerStatus` is an error to walk into, a missing
 * map key prints `<no value>`, a `swarm.NodeRole` is not a `string` for `lower`, and every error
 * names a Go type. A caller describes its data with these descriptors (a schema) so that
 * execution and its error texts match docker exactly. Anything without a description is typed
 * from its JavaScript value, the way Go sees JSON decoded into `interface{}` (objects become
 * `map[string]interface {}`, arrays `[]interface {}`).
 *
 * JavaScript representation per kind:
 * - bool, int, uint, float, string: boolean, number (or bigint), string; null means the zero value.
 * - struct: an object read by field name; a function-valued property is a method.
 * - pointer: null or undefined is nil; otherwise the pointee's representation.
 * - slice: an array; null is a nil slice. map: a Map or a plain object; null is a nil map.
 * - interface: any value; null or undefined is a nil interface.
 * - time: virtual milliseconds since the Unix epoch, or an RFC 3339 string (nanoseconds kept).
 */

export type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

export interface BasicType {
  readonly kind: BasicKind;
  /** `string`, `int64`, or a named type such as `swarm.NodeRole`. */
  readonly name: string;
}

export interface StructType {
  readonly kind: 'struct';
  /** Package-qualified name as Go prints it, for example `swarm.Node`. */
  readonly name: string;
  /**
   * Fields in declaration order. Without it the struct is open: every own property of the value
   * is a field typed from its value, and any other name is an unknown field.
   */
  readonly fields?: Readonly<Record<string, GoType>>;
  /** Replaces encoding/json's output for this type, as a MarshalJSON method does. */
  readonly marshalJSON?: (value: unknown) => unknown;
  /**
   * Replaces encoding/json's output with ready JSON text, as a MarshalJSON method that itself
   * calls json.Marshal (and so escapes <, > and &) does; the text is written as it is.
   */
  readonly marshalJSONText?: (value: unknown) => string;
  /** Replaces fmt's `%v` output for this type, as a String method does. */
  readonly stringer?: (value: unknown) => string;
  /**
   * For an open struct read from the daemon's JSON: the Go fields whose JSON key differs, and
   * that key (`ID` is `"Id"` in moby's `network.Inspect`). The field answers to its Go name
   * only, as on docker's typed struct; the key is then no field of it.
   */
  readonly jsonKeys?: Readonly<Record<string, string>>;
}

export interface PointerType {
  readonly kind: 'pointer';
  readonly elem: GoType;
}

export interface SliceType {
  readonly kind: 'slice';
  readonly elem: GoType;
  readonly name?: string;
}

export interface MapType {
  readonly kind: 'map';
  readonly key: GoType;
  readonly elem: GoType;
  readonly name?: string;
  /**
   * Set on maps inferred from plain JavaScript objects: `json` keeps their key order, because
   * such objects usually mirror a Go struct (built in field order by the API layer). Declared
   * maps and JavaScript Maps are encoded with sorted keys, as Go encodes maps.
   */
  readonly jsonKeepsOrder?: boolean;
}

export interface InterfaceType {
  readonly kind: 'interface';
  readonly name?: string;
}

export interface TimeType {
  readonly kind: 'time';
}

export interface FuncType {
  readonly kind: 'func';
  readonly name?: string;
}

export type GoType =
  BasicType | StructType | PointerType | SliceType | MapType | InterfaceType | TimeType | FuncType;

function basic(kind: BasicKind, name: string): BasicType {
  return { kind, name };
}

/** Constructors for schemas: `goTypes.struct('swarm.Node', { ID: goTypes.string, … })`. */
export const goTypes = {
  bool: basic('bool', 'bool'),
  int: basic('int', 'int'),
  int64: basic('int', 'int64'),
  uint64: basic('uint', 'uint64'),
  uint32: basic('uint', 'uint32'),
  float64: basic('float', 'float64'),
  string: basic('string', 'string'),
  time: { kind: 'time' } as TimeType,
  any: { kind: 'interface' } as InterfaceType,
  func: { kind: 'func' } as FuncType,
  /** A named type over a basic kind, such as `goTypes.named('string', 'swarm.NodeRole')`. */
  named: (kind: BasicKind, name: string): BasicType => basic(kind, name),
  struct: (
    name: string,
    fields?: Readonly<Record<string, GoType>>,
    hooks: Pick<StructType, 'marshalJSON' | 'marshalJSONText' | 'stringer' | 'jsonKeys'> = {},
  ): StructType =>
    fields === undefined
      ? { kind: 'struct', name, ...hooks }
      : { kind: 'struct', name, fields, ...hooks },
  pointer: (elem: GoType): PointerType => ({ kind: 'pointer', elem }),
  slice: (elem: GoType, name?: string): SliceType =>
    name === undefined ? { kind: 'slice', elem } : { kind: 'slice', elem, name },
  map: (key: GoType, elem: GoType, name?: string): MapType =>
    name === undefined ? { kind: 'map', key, elem } : { kind: 'map', key, elem, name },
} as const;

/** The type name Go's reflect prints (`*swarm.ManagerStatus`, `map[string]interface {}`). */
export function typeName(type: GoType): string {
  switch (type.kind) {
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
    case 'struct':
      return type.name;
    case 'pointer':
      return `*${typeName(type.elem)}`;
    case 'slice':
      return type.name ?? `[]${typeName(type.elem)}`;
    case 'map':
      return type.name ?? `map[${typeName(type.key)}]${typeName(type.elem)}`;
    case 'interface':
      return type.name ?? 'interface {}';
    case 'time':
      return 'time.Time';
    case 'func':
      return type.name ?? 'func()';
  }
}

const DYNAMIC_SLICE = goTypes.slice(goTypes.any);
const DYNAMIC_MAP: MapType = { ...goTypes.map(goTypes.string, goTypes.any), jsonKeepsOrder: true };

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map)
  );
}

/**
 * The dynamic type of a JavaScript value held in an interface, as Go's JSON decoding would
 * produce it, except that integral numbers are `int` (typed data never decodes to float64).
 * Undefined for null or undefined: a nil interface has no dynamic type.
 */
export function inferType(value: unknown): GoType | undefined {
  switch (typeof value) {
    case 'string':
      return goTypes.string;
    case 'boolean':
      return goTypes.bool;
    case 'number':
      return Number.isInteger(value) ? goTypes.int : goTypes.float64;
    case 'bigint':
      return goTypes.int64;
    case 'function':
      return goTypes.func;
    case 'object':
      if (value === null) return undefined;
      return Array.isArray(value) ? DYNAMIC_SLICE : DYNAMIC_MAP;
    case 'undefined':
    case 'symbol':
      return undefined;
  }
}

/** Kinds whose zero value is nil, so that an untyped nil can stand for them. */
export function canBeNil(type: GoType): boolean {
  switch (type.kind) {
    case 'pointer':
    case 'slice':
    case 'map':
    case 'interface':
    case 'func':
      return true;
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

/** Go's assignability for the cases templates meet: identical types, or any type to interface. */
export function isAssignable(from: GoType, to: GoType): boolean {
  return to.kind === 'interface' || typeName(from) === typeName(to);
}
