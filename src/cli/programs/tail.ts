import type { ProgramEntry } from '../process';
import { readInputs } from './input-files';
import { invalidLineCount, parseLineCount } from './line-count';
import { parseOptions, tryHelp } from './options';

/** `tail`: the last 10 lines, or `-n N` / `-N`; `-n +N` prints from line N on. */
export const tailProgram: ProgramEntry = {
  name: 'tail',
  summary: 'Print the last lines of standard input (-n N, -N, -n +N)',
  run: async (context) => {
    if (context.args.some((arg) => /^-[a-zA-Z]*f|^--follow/.test(arg))) {
      context.stderr.write('tail: following (-f) is not simulated in this playground\n');
      return 1;
    }
    const parsed = parseOptions(context.args, {
      program: 'tail',
      flags: '',
      valued: 'n',
      long: { lines: 'n' },
      numberOption: 'n',
    });
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${tryHelp('tail')}`);
      return 1;
    }
    const countText = parsed.options.values.get('n')?.at(-1) ?? '10';
    const lineCount = parseLineCount(countText, '+');
    if (lineCount === null) {
      context.stderr.write(invalidLineCount('tail', countText));
      return 1;
    }
    const { inputs, failed } = await readInputs('tail', parsed.options.operands, context);
    inputs.forEach((input, index) => {
      if (inputs.length > 1)
        context.stdout.write(`${index > 0 ? '\n' : ''}==> ${input.name} <==\n`);
      const lines = input.text.split(/(?<=\n)/).filter((line) => line !== '');
      const start = lineCount.fromOtherEnd
        ? Math.max(0, lineCount.count - 1)
        : Math.max(0, lines.length - lineCount.count);
      context.stdout.write(lines.slice(start).join(''));
    });
    return failed ? 1 : 0;
  },
};
