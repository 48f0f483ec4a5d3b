import type { ProgramEntry } from '../process';

/** What ncurses' `clear` writes for xterm-256color: home, erase screen, erase scrollback. */
export const clearSequence = '\x1b[H\x1b[2J\x1b[3J';

export const clearProgram: ProgramEntry = {
  name: 'clear',
  summary: 'Clear the terminal screen',
  run: ({ stdout }) => {
    stdout.write(clearSequence);
    return Promise.resolve(0);
  },
};
