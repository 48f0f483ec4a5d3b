import { errorText } from '../../lib/filesystem';
import type { ProgramEntry } from '../process';
import { missingOperand, startFileProgram } from './file-operands';

/** `rm [-r] [-f] FILE...`: GNU coreutils' texts and exit status. */
export const rmProgram: ProgramEntry = {
  name: 'rm',
  summary: 'Remove files; -r removes directories, -f ignores missing ones',
  run: async (context) => {
    const start = startFileProgram(context, {
      program: 'rm',
      flags: 'rRfiv',
      long: { recursive: 'r', force: 'f', verbose: 'v' },
    });
    if (typeof start === 'number') return start;
    const { options, files, resolve } = start;
    const force = options.flags.has('f');
    const recursive = options.flags.has('r') || options.flags.has('R');
    if (options.operands.length === 0) return force ? 0 : missingOperand(context, 'rm');
    let status = 0;
    for (const operand of options.operands) {
      const path = resolve(operand);
      if (recursive && path === '/') {
        context.stderr.write(
          "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
        );
        status = 1;
        continue;
      }
      const removed = await files.remove(path, recursive);
      if (removed.ok) {
        if (options.flags.has('v')) context.stdout.write(`removed '${operand}'\n`);
        continue;
      }
      if (force && removed.error === 'ENOENT') continue;
      context.stderr.write(`rm: cannot remove '${operand}': ${errorText(removed.error)}\n`);
      status = 1;
    }
    return status;
  },
};
