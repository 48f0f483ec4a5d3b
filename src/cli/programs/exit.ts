import type { ProgramEntry } from '../process';

/** Said by `exit`, `logout` and Ctrl+D on an empty line: the terminal is the machine's console. */
export const exitRefusal = "bash: exit: the playground cannot close this machine's shell";

export const exitProgram: ProgramEntry = {
  name: 'exit',
  summary: "Exit the shell (the playground keeps this machine's shell open)",
  run: ({ stderr }) => {
    stderr.write(`${exitRefusal}\n`);
    return Promise.resolve(1);
  },
};
