import type { ProgramEntry } from '../process';

export const trueProgram: ProgramEntry = {
  name: 'true',
  summary: 'Do nothing, successfully (exit status 0)',
  run: () => Promise.resolve(0),
};
