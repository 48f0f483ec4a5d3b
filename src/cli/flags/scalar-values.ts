import { formatGoDuration, parseGoDuration } from './go-duration';
import { formatGoFloat, parseGoBool, parseGoFloat, parseGoInt, parseGoUint } from './go-strconv';
import type { FlagValue } from './value';

/**
 * pflag's built-in scalar values. Each keeps its current value and calls `onSet` after a
 * successful parse, which is how a command binds a flag to a field of its options object.
 */

type OnSet<T> = (value: T) => void;

const ignore = (): void => undefined;

/** What tells one scalar kind from another: its type name, its syntax, and its zero defaults. */
interface ScalarKind<T> {
  readonly type: string;
  readonly parse: (raw: string) => T;
  readonly format: (value: T) => string;
  /** The default texts help leaves out (pflag's defaultIsZeroValue for this Go type). */
  readonly zeros: readonly string[];
}

/** The one implementation behind every scalar value; the classes below only pick a kind. */
abstract class ScalarValue<T> implements FlagValue {
  constructor(
    public value: T,
    private readonly onSet: OnSet<T>,
    private readonly kind: ScalarKind<T>,
  ) {}
  set(raw: string): void {
    this.value = this.kind.parse(raw);
    this.onSet(this.value);
  }
  type(): string {
    return this.kind.type;
  }
  toString(): string {
    return this.kind.format(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return this.kind.zeros.includes(defaultText);
  }
}

const BOOL: ScalarKind<boolean> = {
  type: 'bool',
  parse: parseGoBool,
  format: String,
  zeros: ['false'],
};

export class BoolValue extends ScalarValue<boolean> {
  constructor(value: boolean, onSet: OnSet<boolean> = ignore) {
    super(value, onSet, BOOL);
  }
}

const STRING: ScalarKind<string> = {
  type: 'string',
  parse: (raw) => raw,
  format: (value) => value,
  zeros: [''],
};

export class StringValue extends ScalarValue<string> {
  constructor(value: string, onSet: OnSet<string> = ignore) {
    super(value, onSet, STRING);
  }
}

export type IntBits = 8 | 16 | 32 | 64;

/** pflag's int, int32 and int64: Go's ParseInt with base prefixes (`0x10`, `010`). */
export class IntValue extends ScalarValue<number> {
  constructor(
    value: number,
    typeName: 'int' | 'int32' | 'int64' = 'int',
    onSet: OnSet<number> = ignore,
  ) {
    const bits: IntBits = typeName === 'int32' ? 32 : 64;
    const parse = (raw: string): number => Number(parseGoInt(raw, bits));
    super(value, onSet, { type: typeName, parse, format: String, zeros: ['0'] });
  }
}

const UINT_BITS = { uint: 64, uint16: 16, uint32: 32, uint64: 64 } as const;

/** pflag's uint, uint16, uint32 and uint64: Go's ParseUint with base prefixes. */
export class UintValue extends ScalarValue<number> {
  constructor(
    value: number,
    typeName: keyof typeof UINT_BITS = 'uint',
    onSet: OnSet<number> = ignore,
  ) {
    const parse = (raw: string): number => Number(parseGoUint(raw, UINT_BITS[typeName]));
    super(value, onSet, { type: typeName, parse, format: String, zeros: ['0'] });
  }
}

const FLOAT: ScalarKind<number> = {
  type: 'float64',
  parse: parseGoFloat,
  format: formatGoFloat,
  zeros: ['0'],
};

export class FloatValue extends ScalarValue<number> {
  constructor(value: number, onSet: OnSet<number> = ignore) {
    super(value, onSet, FLOAT);
  }
}

const DURATION: ScalarKind<bigint> = {
  type: 'duration',
  parse: parseGoDuration,
  format: formatGoDuration,
  zeros: ['0', '0s'],
};

/** Go duration syntax (`1m30s`); the value is in nanoseconds. */
export class DurationValue extends ScalarValue<bigint> {
  constructor(value: bigint, onSet: OnSet<bigint> = ignore) {
    super(value, onSet, DURATION);
  }
}
