import type { ProgramEntry } from '../process';
import { readInputs } from './input-files';
import { invalidLineCount, parseLineCount } from './line-count';
import { parseOptions, tryHelp } from './options';

/** `head`: the first 10 lines, or `-n N` / `-N`; `-n -N` prints all but the last N. */
export const headProgram: ProgramEntry = {
  name: 'head',
  summary: 'Print the first lines of standard input (-n N, -N)',
  run: async (context) => {
    const parsed = parseOptions(context.args, {
      program: 'head',
      flags: '',
      valued: 'n',
      long: { lines: 'n' },
      numberOption: 'n',
    });
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${tryHelp('head')}`);
      return 1;
    }
    const countText = parsed.options.values.get('n')?.at(-1) ?? '10';
    const lineCount = parseLineCount(countText, '-');
    if (lineCount === null) {
      context.stderr.write(invalidLineCount('head', countText));
      return 1;
    }
    const { inputs, failed } = await readInputs('head', parsed.options.operands, context);
    inputs.forEach((input, index) => {
      if (inputs.length > 1)
        context.stdout.write(`${index > 0 ? '\n' : ''}==> ${input.name} <==\n`);
      const lines = input.text.split(/(?<=\n)/).filter((line) => line !== '');
      const end = lineCount.fromOtherEnd ? lines.length - lineCount.count : lineCount.count;
      context.stdout.write(lines.slice(0, Math.max(0, end)).join(''));
    });
    return failed ? 1 : 0;
  },
};
