import type { ProgramEntry } from '../process';
import { readInputs } from './input-files';
import { joinLines, splitLines } from './lines';
import { parseOptions, tryHelp } from './options';

/**
 * `sort` in a C.UTF-8 locale (code point order): -r reverse, -n numeric, -u unique, -f fold
 * case. Equal keys fall back to comparing whole lines, as GNU sort does without -s.
 */
export const sortProgram: ProgramEntry = {
  name: 'sort',
  summary: 'Sort lines of standard input (-r reverse, -n numeric, -u unique, -f ignore case)',
  run: async (context) => {
    const parsed = parseOptions(context.args, {
      program: 'sort',
      flags: 'rnuf',
      long: {
        reverse: 'r',
        'numeric-sort': 'n',
        unique: 'u',
        'ignore-case': 'f',
      },
    });
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${tryHelp('sort')}`);
      return 2;
    }
    const { flags, operands } = parsed.options;
    const { inputs, failed } = await readInputs('sort', operands, context);
    if (failed) return 2;
    const keyOf = (line: string): string => (flags.has('f') ? line.toUpperCase() : line);
    const compareKeys = (a: string, b: string): number =>
      flags.has('n') ? numericValue(a) - numericValue(b) : compareText(keyOf(a), keyOf(b));
    const direction = flags.has('r') ? -1 : 1;
    const lines = inputs.flatMap((input) => splitLines(input.text));
    const sorted = lines.sort((a, b) => direction * (compareKeys(a, b) || compareText(a, b)));
    // -u keeps the first of each run of lines whose keys compare equal.
    const kept = flags.has('u')
      ? sorted.filter(
          (line, index) => index === 0 || compareKeys(sorted[index - 1] ?? '', line) !== 0,
        )
      : sorted;
    context.stdout.write(joinLines(kept));
    return 0;
  },
};

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The leading number of a line, as `sort -n` reads it; a line without one counts as 0. */
function numericValue(line: string): number {
  const match = /^\s*(-?[0-9]*\.?[0-9]+)/.exec(line);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}
