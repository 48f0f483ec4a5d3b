/**
 * GNU-style option parsing for the helper programs: clustered short options (`-iv`), values
 * attached or separate (`-n5`, `-n 5`, `--lines=5`), options after operands (GNU permutes), and
 * `--` to end options. Error texts are glibc getopt's.
 */

export interface OptionSpec {
  readonly program: string;
  /** Short options that take no value, e.g. `'ivc'`. */
  readonly flags: string;
  /** Short options that take a value, e.g. `'n'`. */
  readonly valued?: string;
  /** Long option names and the short option each stands for. */
  readonly long?: Readonly<Record<string, string>>;
  /** A bare `-NUMBER` means this option with NUMBER, as `head -5` means `head -n 5`. */
  readonly numberOption?: string;
}

export interface ParsedOptions {
  readonly flags: ReadonlySet<string>;
  /** Every value given to each valued option, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly operands: readonly string[];
}

export type OptionsResult =
  | { readonly kind: 'ok'; readonly options: ParsedOptions }
  | { readonly kind: 'error'; readonly message: string };

class OptionError extends Error {}

export function parseOptions(args: readonly string[], spec: OptionSpec): OptionsResult {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const addValue = (option: string, value: string): void => {
    values.set(option, [...(values.get(option) ?? []), value]);
  };
  try {
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] ?? '';
      const next = (): string | undefined => args[++index];
      if (arg === '--') {
        operands.push(...args.slice(index + 1));
        break;
      }
      if (arg.startsWith('--')) parseLong(arg, spec, { flags, addValue, next });
      else if (arg.startsWith('-') && arg !== '-') parseShort(arg, spec, { flags, addValue, next });
      else operands.push(arg);
    }
  } catch (error) {
    if (error instanceof OptionError) return { kind: 'error', message: error.message };
    throw error;
  }
  return { kind: 'ok', options: { flags, values, operands } };
}

interface Sink {
  readonly flags: Set<string>;
  readonly addValue: (option: string, value: string) => void;
  readonly next: () => string | undefined;
}

function parseShort(arg: string, spec: OptionSpec, sink: Sink): void {
  if (spec.numberOption !== undefined && /^-[0-9]+$/.test(arg)) {
    sink.addValue(spec.numberOption, arg.slice(1));
    return;
  }
  for (let position = 1; position < arg.length; position++) {
    const option = arg.charAt(position);
    if (spec.valued?.includes(option) === true) {
      const attached = arg.slice(position + 1);
      const value = attached !== '' ? attached : sink.next();
      if (value === undefined) {
        throw new OptionError(`${spec.program}: option requires an argument -- '${option}'`);
      }
      sink.addValue(option, value);
      return;
    }
    if (!spec.flags.includes(option)) {
      throw new OptionError(`${spec.program}: invalid option -- '${option}'`);
    }
    sink.flags.add(option);
  }
}

function parseLong(arg: string, spec: OptionSpec, sink: Sink): void {
  const separator = arg.indexOf('=');
  const name = separator === -1 ? arg.slice(2) : arg.slice(2, separator);
  const option = spec.long?.[name];
  if (option === undefined) {
    throw new OptionError(`${spec.program}: unrecognized option '${arg}'`);
  }
  if (spec.valued?.includes(option) !== true) {
    sink.flags.add(option);
    return;
  }
  const value = separator === -1 ? sink.next() : arg.slice(separator + 1);
  if (value === undefined) {
    throw new OptionError(`${spec.program}: option '--${name}' requires an argument`);
  }
  sink.addValue(option, value);
}

/** The coreutils hint printed after an option error. */
export function tryHelp(program: string): string {
  return `Try '${program} --help' for more information.\n`;
}
