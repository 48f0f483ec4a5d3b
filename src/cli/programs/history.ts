import type { ProgramEntry } from '../process';

const usage =
  'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n';

/** Bash's `history`: numbered entries, `history N` for the last N. */
export const historyProgram: ProgramEntry = {
  name: 'history',
  summary: 'Show the command history of this machine (history N: the last N)',
  run: ({ args, stdout, stderr, host }) => {
    const [option, ...rest] = args;
    if (option?.startsWith('-') === true && option !== '-') {
      if (/^-[cdanrwps]+$/.test(option)) {
        stderr.write(`bash: history: ${option}: not simulated in this playground\n`);
        return Promise.resolve(1);
      }
      stderr.write(`bash: history: ${option}: invalid option\n${usage}`);
      return Promise.resolve(2);
    }
    if (rest.length > 0) {
      stderr.write('bash: history: too many arguments\n');
      return Promise.resolve(1);
    }
    if (option !== undefined && !/^[0-9]+$/.test(option)) {
      stderr.write(`bash: history: ${option}: numeric argument required\n`);
      return Promise.resolve(1);
    }
    const count = option === undefined ? host.history.length : Number(option);
    const first = Math.max(0, host.history.length - count);
    host.history.slice(first).forEach((line, index) => {
      stdout.write(`${String(first + index + 1).padStart(5)}  ${line}\n`);
    });
    return Promise.resolve(0);
  },
};
