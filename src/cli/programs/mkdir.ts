import { errorText } from '../../lib/filesystem';
import type { ProgramEntry } from '../process';
import { missingOperand, startFileProgram } from './file-operands';

/** `mkdir [-p] DIR...`: GNU coreutils' texts and exit status. */
export const mkdirProgram: ProgramEntry = {
  name: 'mkdir',
  summary: 'Make directories; -p makes parents and accepts existing ones',
  run: async (context) => {
    const start = startFileProgram(context, {
      program: 'mkdir',
      flags: 'pv',
      long: { parents: 'p', verbose: 'v' },
    });
    if (typeof start === 'number') return start;
    const { options, files, resolve } = start;
    if (options.operands.length === 0) return missingOperand(context, 'mkdir');
    let status = 0;
    for (const operand of options.operands) {
      const made = await files.mkdir(resolve(operand), options.flags.has('p'));
      if (made.ok) {
        if (options.flags.has('v')) context.stdout.write(`mkdir: created directory '${operand}'\n`);
        continue;
      }
      context.stderr.write(
        `mkdir: cannot create directory '${operand}': ${errorText(made.error)}\n`,
      );
      status = 1;
    }
    return status;
  },
};
