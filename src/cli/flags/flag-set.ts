import { assert } from '../../lib/assert';
import { goQuote } from './go-strconv';
import {
  BoolValue,
  DurationValue,
  FloatValue,
  IntValue,
  StringValue,
  UintValue,
} from './scalar-values';
import { InvalidValueError, type FlagValue } from './value';

/** One defined flag, as pflag's `Flag`. */
export interface Flag {
  readonly name: string;
  readonly shorthand: string;
  readonly usage: string;
  readonly value: FlagValue;
  /** The default as text, taken from the value when the flag was defined. */
  readonly defValue: string;
  /** The value used when the flag is given without one (`true` for bools). */
  readonly noOptDefVal: string;
  changed: boolean;
  hidden: boolean;
  deprecated: string;
  shorthandDeprecated: string;
  readonly annotations: Map<string, string>;
}

/** A parse failure with pflag's exact text (`unknown flag: --x`, `flag needs an argument: ...`). */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}

/** `--help` or `-h` was given to a flag set that does not define it (pflag's ErrHelp). */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
}

export interface ParseOptions {
  /** False stops at the first non-flag argument, as docker's root command does. */
  readonly interspersed: boolean;
}

export interface ParseResult {
  /** The arguments that are not flags or flag values, in order. */
  readonly args: string[];
  /** How many args came before `--`, or -1 when there was none. */
  readonly argsLenAtDash: number;
  /** Deprecation notices, which cobra prints to stdout before the command runs. */
  readonly notices: string[];
}

type Keyed<K extends string, T> = Record<K, T>;

/** Writes each parsed value to `target[key]`, binding a flag to a field of an options object. */
function bind<K extends string, T>(target: Keyed<K, T>, key: K): (value: T) => void {
  return (value) => (target[key] = value);
}

/**
 * A pflag FlagSet: flags by long name and one-letter shorthand, parsed the way pflag does, with
 * `changed` tracking so a command can tell "not given" from "given as the default".
 */
export class FlagSet {
  readonly #formal = new Map<string, Flag>();
  readonly #shorthands = new Map<string, Flag>();

  add(value: FlagValue, name: string, shorthand: string, usage: string): Flag {
    assert(!this.#formal.has(name), `flag redefined: ${name}`);
    assert(shorthand.length <= 1, `shorthand is more than one character: ${shorthand}`);
    const flag: Flag = {
      name,
      shorthand,
      usage,
      value,
      defValue: value.toString(),
      noOptDefVal: value.type() === 'bool' ? 'true' : '',
      changed: false,
      hidden: false,
      deprecated: '',
      shorthandDeprecated: '',
      annotations: new Map(),
    };
    this.addFlag(flag);
    return flag;
  }

  /** Adds an already defined flag (shared, as pflag's AddFlagSet shares `*Flag`). */
  addFlag(flag: Flag): void {
    if (this.#formal.has(flag.name)) return;
    this.#formal.set(flag.name, flag);
    if (flag.shorthand !== '') {
      assert(!this.#shorthands.has(flag.shorthand), `shorthand redefined: ${flag.shorthand}`);
      this.#shorthands.set(flag.shorthand, flag);
    }
  }

  addFlagSet(other: FlagSet): void {
    for (const flag of other.all()) this.addFlag(flag);
  }

  boolVar<K extends string>(
    target: Keyed<K, boolean>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
  ): Flag {
    return this.add(new BoolValue(target[key], bind(target, key)), name, shorthand, usage);
  }

  stringVar<K extends string>(
    target: Keyed<K, string>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
  ): Flag {
    return this.add(new StringValue(target[key], bind(target, key)), name, shorthand, usage);
  }

  intVar<K extends string>(
    target: Keyed<K, number>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
    typeName: 'int' | 'int32' | 'int64' = 'int',
  ): Flag {
    const value = new IntValue(target[key], typeName, bind(target, key));
    return this.add(value, name, shorthand, usage);
  }

  uintVar<K extends string>(
    target: Keyed<K, number>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
    typeName: 'uint' | 'uint16' | 'uint32' | 'uint64' = 'uint',
  ): Flag {
    const value = new UintValue(target[key], typeName, bind(target, key));
    return this.add(value, name, shorthand, usage);
  }

  floatVar<K extends string>(
    target: Keyed<K, number>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
  ): Flag {
    return this.add(new FloatValue(target[key], bind(target, key)), name, shorthand, usage);
  }

  durationVar<K extends string>(
    target: Keyed<K, bigint>,
    key: K,
    name: string,
    shorthand: string,
    usage: string,
  ): Flag {
    return this.add(new DurationValue(target[key], bind(target, key)), name, shorthand, usage);
  }

  lookup(name: string): Flag | undefined {
    return this.#formal.get(name);
  }

  shorthandLookup(shorthand: string): Flag | undefined {
    return this.#shorthands.get(shorthand);
  }

  changed(name: string): boolean {
    return this.#formal.get(name)?.changed ?? false;
  }

  /** Every flag, sorted by name, as pflag's VisitAll with SortFlags. */
  all(): Flag[] {
    return [...this.#formal.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  hasAvailableFlags(): boolean {
    return this.all().some((flag) => !flag.hidden);
  }

  markHidden(name: string): void {
    this.#mustLookup(name).hidden = true;
  }

  /** Hidden from help; using it prints `Flag --x has been deprecated, <message>`. */
  markDeprecated(name: string, message: string): void {
    const flag = this.#mustLookup(name);
    flag.deprecated = message;
    flag.hidden = true;
  }

  markShorthandDeprecated(name: string, message: string): void {
    this.#mustLookup(name).shorthandDeprecated = message;
  }

  setAnnotation(name: string, key: string, value: string): void {
    this.#mustLookup(name).annotations.set(key, value);
  }

  /** Parses `args` as pflag's Parse does. Throws FlagError with pflag's text. */
  parse(args: readonly string[], options: ParseOptions = { interspersed: true }): ParseResult {
    const parser = new ArgsParser(this, options);
    return parser.run(args);
  }

  /** Sets a flag by name, as pflag's Set: the value's error is wrapped with the flag's name. */
  set(flag: Flag, raw: string, notices: string[]): void {
    try {
      flag.value.set(raw);
    } catch (error) {
      if (!(error instanceof InvalidValueError)) throw error;
      const label =
        flag.shorthand !== '' && flag.shorthandDeprecated === ''
          ? `-${flag.shorthand}, --${flag.name}`
          : `--${flag.name}`;
      throw new FlagError(
        `invalid argument ${goQuote(raw)} for ${goQuote(label)} flag: ${error.message}`,
      );
    }
    flag.changed = true;
    if (flag.deprecated !== '') {
      notices.push(`Flag --${flag.name} has been deprecated, ${flag.deprecated}`);
    }
  }

  #mustLookup(name: string): Flag {
    const flag = this.#formal.get(name);
    assert(flag !== undefined, `no such flag: ${name}`);
    return flag;
  }
}

/** One run of pflag's parseArgs over an argument list. */
class ArgsParser {
  readonly #args: string[] = [];
  readonly #notices: string[] = [];
  #argsLenAtDash = -1;

  constructor(
    private readonly flags: FlagSet,
    private readonly options: ParseOptions,
  ) {}

  run(input: readonly string[]): ParseResult {
    let rest = [...input];
    while (rest.length > 0) {
      const arg = rest[0] ?? '';
      rest = rest.slice(1);
      if (arg.length < 2 || !arg.startsWith('-')) {
        this.#args.push(arg);
        if (!this.options.interspersed) {
          this.#args.push(...rest);
          break;
        }
        continue;
      }
      if (arg === '--') {
        this.#argsLenAtDash = this.#args.length;
        this.#args.push(...rest);
        break;
      }
      rest = arg.startsWith('--') ? this.#parseLong(arg, rest) : this.#parseShorts(arg, rest);
    }
    return { args: this.#args, argsLenAtDash: this.#argsLenAtDash, notices: this.#notices };
  }

  #parseLong(arg: string, rest: string[]): string[] {
    const body = arg.slice(2);
    if (body.startsWith('-') || body.startsWith('=')) {
      throw new FlagError(`bad flag syntax: ${arg}`);
    }
    const equals = body.indexOf('=');
    const name = equals < 0 ? body : body.slice(0, equals);
    const flag = this.flags.lookup(name);
    if (flag === undefined) {
      if (name === 'help') throw new HelpRequested();
      throw new FlagError(`unknown flag: --${name}`);
    }
    if (equals >= 0) {
      this.flags.set(flag, body.slice(equals + 1), this.#notices);
      return rest;
    }
    if (flag.noOptDefVal !== '') {
      this.flags.set(flag, flag.noOptDefVal, this.#notices);
      return rest;
    }
    const [value, ...after] = rest;
    if (value === undefined) throw new FlagError(`flag needs an argument: ${arg}`);
    this.flags.set(flag, value, this.#notices);
    return after;
  }

  /** `-abc`: each letter is a shorthand until one takes the rest of the word as its value. */
  #parseShorts(arg: string, rest: string[]): string[] {
    let shorthands = arg.slice(1);
    let remaining = rest;
    while (shorthands.length > 0) {
      const letter = shorthands.charAt(0);
      const flag = this.flags.shorthandLookup(letter);
      if (flag === undefined) {
        if (letter === 'h') throw new HelpRequested();
        throw new FlagError(`unknown shorthand flag: '${letter}' in -${shorthands}`);
      }
      let value: string;
      if (shorthands.length > 2 && shorthands.charAt(1) === '=') {
        value = shorthands.slice(2);
        shorthands = '';
      } else if (flag.noOptDefVal !== '') {
        value = flag.noOptDefVal;
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        shorthands = '';
      } else if (remaining.length > 0) {
        value = remaining[0] ?? '';
        remaining = remaining.slice(1);
        shorthands = '';
      } else {
        throw new FlagError(`flag needs an argument: '${letter}' in -${shorthands}`);
      }
      if (flag.shorthandDeprecated !== '') {
        this.#notices.push(
          `Flag shorthand -${flag.shorthand} has been deprecated, ${flag.shorthandDeprecated}`,
        );
      }
      this.flags.set(flag, value, this.#notices);
    }
    return remaining;
  }
}
