import type { ProgramEntry } from '../process';

/** `pwd`: the working directory (`/root`, the shell's home; there is no `cd` yet). */
export const pwdProgram: ProgramEntry = {
  name: 'pwd',
  summary: 'Print the working directory',
  run: (context) => {
    context.stdout.write(`${context.host.cwd ?? '/root'}\n`);
    return Promise.resolve(0);
  },
};
