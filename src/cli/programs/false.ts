import type { ProgramEntry } from '../process';

export const falseProgram: ProgramEntry = {
  name: 'false',
  summary: 'Do nothing, unsuccessfully (exit status 1)',
  run: () => Promise.resolve(1),
};
