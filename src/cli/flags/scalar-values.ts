import { formatGoDuration, parseGoDuration } from './go-duration';
import { formatGoFloat, parseGoBool, parseGoFloat, parseGoInt, parseGoUint } from './go-strconv';
import type { FlagValue } from './value';

/**
 * pflag's built-in scalar values. Each keeps its current value and calls `onSet` after a
 * successful parse, which is how a command binds a flag to a field of its options object.
 */

type OnSet<T> = (value: T) => void;

export class BoolValue implements FlagValue {
  constructor(
    public value: boolean,
    private readonly onSet: OnSet<boolean> = () => undefined,
  ) {}
  set(raw: string): void {
    this.value = parseGoBool(raw);
    this.onSet(this.value);
  }
  type(): string {
    return 'bool';
  }
  toString(): string {
    return String(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === 'false';
  }
}

export class StringValue implements FlagValue {
  constructor(
    public value: string,
    private readonly onSet: OnSet<string> = () => undefined,
  ) {}
  set(raw: string): void {
    this.value = raw;
    this.onSet(raw);
  }
  type(): string {
    return 'string';
  }
  toString(): string {
    return this.value;
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '';
  }
}

export type IntBits = 8 | 16 | 32 | 64;

/** pflag's int, int32 and int64: Go's ParseInt with base prefixes (`0x10`, `010`). */
export class IntValue implements FlagValue {
  constructor(
    public value: number,
    private readonly typeName: 'int' | 'int32' | 'int64' = 'int',
    private readonly onSet: OnSet<number> = () => undefined,
  ) {}
  set(raw: string): void {
    const bits: IntBits = this.typeName === 'int32' ? 32 : 64;
    this.value = Number(parseGoInt(raw, bits));
    this.onSet(this.value);
  }
  type(): string {
    return this.typeName;
  }
  toString(): string {
    return String(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '0';
  }
}

/** pflag's uint, uint16, uint32 and uint64: Go's ParseUint with base prefixes. */
export class UintValue implements FlagValue {
  constructor(
    public value: number,
    private readonly typeName: 'uint' | 'uint16' | 'uint32' | 'uint64' = 'uint',
    private readonly onSet: OnSet<number> = () => undefined,
  ) {}
  set(raw: string): void {
    const bitsByType = { uint: 64, uint16: 16, uint32: 32, uint64: 64 } as const;
    this.value = Number(parseGoUint(raw, bitsByType[this.typeName]));
    this.onSet(this.value);
  }
  type(): string {
    return this.typeName;
  }
  toString(): string {
    return String(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '0';
  }
}

export class FloatValue implements FlagValue {
  constructor(
    public value: number,
    private readonly onSet: OnSet<number> = () => undefined,
  ) {}
  set(raw: string): void {
    this.value = parseGoFloat(raw);
    this.onSet(this.value);
  }
  type(): string {
    return 'float64';
  }
  toString(): string {
    return formatGoFloat(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '0';
  }
}

/** Go duration syntax (`1m30s`); the value is in nanoseconds. */
export class DurationValue implements FlagValue {
  constructor(
    public value: bigint,
    private readonly onSet: OnSet<bigint> = () => undefined,
  ) {}
  set(raw: string): void {
    this.value = parseGoDuration(raw);
    this.onSet(this.value);
  }
  type(): string {
    return 'duration';
  }
  toString(): string {
    return formatGoDuration(this.value);
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '0' || defaultText === '0s';
  }
}
