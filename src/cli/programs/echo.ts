import type { ProgramEntry } from '../process';
import { decodeEscapes } from './escapes';

/**
 * Bash's builtin `echo`: options only at the start and only made of n, e and E (`-ne` works,
 * `-x` and `--` are printed as text), arguments joined by spaces.
 */
export const echoProgram: ProgramEntry = {
  name: 'echo',
  summary: 'Write arguments to standard output (-n: no newline, -e: read backslash escapes)',
  run: ({ args, stdout }) => {
    let newline = true;
    let escapes = false;
    let first = 0;
    for (const arg of args) {
      if (!/^-[neE]+$/.test(arg)) break;
      for (const option of arg.slice(1)) {
        if (option === 'n') newline = false;
        else escapes = option === 'e';
      }
      first++;
    }
    const text = args.slice(first).join(' ');
    if (!escapes) {
      stdout.write(newline ? `${text}\n` : text);
      return Promise.resolve(0);
    }
    const decoded = decodeEscapes(text, { octalNeedsZero: true });
    stdout.write(decoded.stopped || !newline ? decoded.text : `${decoded.text}\n`);
    return Promise.resolve(0);
  },
};
