import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FilterValue,
  FlagError,
  FlagSet,
  ListValue,
  MapValue,
  parseGoDuration,
  formatGoDuration,
} from '../../../src/cli/flags';

interface Options {
  all: boolean;
  quiet: boolean;
  format: string;
  replicas: number;
  delay: bigint;
  env: ListValue;
  filter: FilterValue;
  opt: MapValue;
}

/** A flag set shaped like docker's list commands plus a few typed flags. */
function newFlags(): { flags: FlagSet; options: Options } {
  const options: Options = {
    all: false,
    quiet: false,
    format: '',
    replicas: 0,
    delay: 0n,
    env: new ListValue(),
    filter: new FilterValue(),
    opt: new MapValue(),
  };
  const flags = new FlagSet();
  flags.boolVar(options, 'all', 'all', 'a', 'Show all');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display IDs');
  flags.stringVar(options, 'format', 'format', '', 'Format output');
  flags.uintVar(options, 'replicas', 'replicas', '', 'Number of tasks');
  flags.durationVar(options, 'delay', 'update-delay', '', 'Delay between updates');
  flags.add(options.env, 'env', 'e', 'Set environment variables');
  flags.add(options.filter, 'filter', 'f', 'Filter output');
  flags.add(options.opt, 'opt', 'o', 'Driver options');
  return { flags, options };
}

describe('FlagSet.parse', () => {
  it.each([
    { args: ['-qa'], all: true, quiet: true, rest: [] },
    { args: ['-q', 'x', '-a'], all: true, quiet: true, rest: ['x'] },
    { args: ['--all=false', '-q'], all: false, quiet: true, rest: [] },
    { args: ['--', '-q'], all: false, quiet: false, rest: ['-q'] },
    { args: ['-', 'a'], all: false, quiet: false, rest: ['-', 'a'] },
  ])('reads bools in $args', ({ args, all, quiet, rest }) => {
    const { flags, options } = newFlags();
    expect(flags.parse(args).args).toEqual(rest);
    expect(options.all).toBe(all);
    expect(options.quiet).toBe(quiet);
  });

  it.each([[['--format', 'x']], [['--format=x']]])('reads a string value from %j', (args) => {
    const { flags, options } = newFlags();
    flags.parse(args);
    expect(options.format).toBe('x');
    expect(flags.changed('format')).toBe(true);
  });

  it('reads -fvalue, -f value and -f=value for shorthands', () => {
    const { flags, options } = newFlags();
    flags.parse(['-fname=a', '-f', 'role=manager', '-f=id=b', '-qe', 'A=1']);
    expect(options.filter.filters.get('name')).toEqual(['a']);
    expect(options.filter.filters.get('role')).toEqual(['manager']);
    expect(options.filter.filters.get('id')).toEqual(['b']);
    expect(options.env.values).toEqual(['A=1']);
    expect(options.quiet).toBe(true);
  });

  it('repeats list and map flags in order, the last map key winning', () => {
    const { flags, options } = newFlags();
    flags.parse(['-e', 'A=1', '--env', 'B', '-o', 'k=1', '--opt=k=2', '-o', 'j']);
    expect(options.env.values).toEqual(['A=1', 'B']);
    expect(options.opt.toString()).toBe('map[j: k:2]');
  });

  it('parses Go durations and uint base prefixes', () => {
    const { flags, options } = newFlags();
    flags.parse(['--update-delay', '1m30s', '--replicas', '0x10']);
    expect(formatGoDuration(options.delay)).toBe('1m30s');
    expect(options.replicas).toBe(16);
  });

  it('tells "not given" from "given as the default"', () => {
    const { flags } = newFlags();
    flags.parse(['--all=false']);
    expect(flags.changed('all')).toBe(true);
    expect(flags.changed('quiet')).toBe(false);
  });

  it('stops at the first argument when not interspersed', () => {
    const { flags, options } = newFlags();
    const result = flags.parse(['-q', 'nginx', '-a'], { interspersed: false });
    expect(result.args).toEqual(['nginx', '-a']);
    expect(options.all).toBe(false);
  });

  it.each([
    { args: ['--availability'], message: 'unknown flag: --availability' },
    { args: ['-x'], message: "unknown shorthand flag: 'x' in -x" },
    { args: ['-qx'], message: "unknown shorthand flag: 'x' in -x" },
    { args: ['--format'], message: 'flag needs an argument: --format' },
    { args: ['-f'], message: "flag needs an argument: 'f' in -f" },
    { args: ['---x'], message: 'bad flag syntax: ---x' },
    {
      args: ['-f', 'foo'],
      message:
        'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)',
    },
    {
      args: ['--replicas', 'abc'],
      message:
        'invalid argument "abc" for "--replicas" flag: strconv.ParseUint: parsing "abc": invalid syntax',
    },
    {
      args: ['--all=maybe'],
      message:
        'invalid argument "maybe" for "-a, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    },
    {
      args: ['--update-delay', '5'],
      message: 'invalid argument "5" for "--update-delay" flag: time: missing unit in duration "5"',
    },
    {
      args: ['--update-delay', 'x'],
      message: 'invalid argument "x" for "--update-delay" flag: time: invalid duration "x"',
    },
  ])("rejects $args with pflag's text", ({ args, message }) => {
    const { flags } = newFlags();
    expect(() => flags.parse(args)).toThrow(new FlagError(message));
  });

  it('reports deprecated flags and shorthands', () => {
    const flags = new FlagSet();
    const options = { help: false, old: '' };
    flags.boolVar(options, 'help', 'help', 'h', 'Print usage');
    flags.stringVar(options, 'old', 'orchestrator', '', 'Orchestrator to use');
    flags.markShorthandDeprecated('help', 'use --help');
    flags.markDeprecated('orchestrator', 'option will be ignored');
    expect(flags.parse(['-h', '--orchestrator', 'swarm']).notices).toEqual([
      'Flag shorthand -h has been deprecated, use --help',
      'Flag --orchestrator has been deprecated, option will be ignored',
    ]);
  });
});

describe('FlagSet.parse properties', () => {
  const word = fc.stringMatching(/^[a-z0-9][a-z0-9=.:]{0,8}$/);

  it('keeps every non-flag argument, in order, wherever the flags are', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (words, flagsFirst) => {
          const { flags } = newFlags();
          const args = words.flatMap((value, index) =>
            flagsFirst[index] === true ? ['-q', value] : [value, '-a'],
          );
          expect(flags.parse(args).args).toEqual(words);
        },
      ),
    );
  });

  it('gives the same values for --flag=value and --flag value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        const first = newFlags();
        const second = newFlags();
        first.flags.parse([`--format=${value}`]);
        second.flags.parse(['--format', value]);
        expect(first.options.format).toBe(second.options.format);
        expect(first.options.format).toBe(value);
      }),
    );
  });

  it('treats everything after -- as arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }), (rest) => {
        const { flags, options } = newFlags();
        const result = flags.parse(['-a', '--', ...rest]);
        expect(result.args).toEqual(rest);
        expect(result.argsLenAtDash).toBe(0);
        expect(options.quiet).toBe(false);
      }),
    );
  });

  it('formats and parses durations as inverse functions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), (nanoseconds) => {
        expect(parseGoDuration(formatGoDuration(nanoseconds))).toBe(nanoseconds);
      }),
    );
  });
});
