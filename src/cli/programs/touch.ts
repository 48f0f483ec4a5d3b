import { errorText } from '../../lib/filesystem';
import type { ProgramEntry } from '../process';
import { missingOperand, startFileProgram } from './file-operands';

/** `touch FILE...`: creates empty files or moves their time on. */
export const touchProgram: ProgramEntry = {
  name: 'touch',
  summary: 'Create empty files, or update their modification time',
  run: async (context) => {
    const start = startFileProgram(context, { program: 'touch', flags: '' });
    if (typeof start === 'number') return start;
    const { options, files, resolve } = start;
    if (options.operands.length === 0) return missingOperand(context, 'touch', 'file operand');
    let status = 0;
    for (const operand of options.operands) {
      const touched = await files.touch(resolve(operand));
      if (touched.ok) continue;
      context.stderr.write(`touch: cannot touch '${operand}': ${errorText(touched.error)}\n`);
      status = 1;
    }
    return status;
  },
};
