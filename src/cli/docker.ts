import { dockerCliFor, offlineCli } from './command/cli';
import { completeCommandLine } from './command/complete';
import { executeDocker } from './command/execute';
import { newDockerCommand } from './commands/root';
import type { ProcessContext, ProgramEntry } from './process';

/** Where the help text wraps: the terminal's width when stdin is that terminal, as docker asks fd 0. */
function helpColumns(process: ProcessContext): number {
  return process.stdin.isTerminal && process.terminal !== null ? process.terminal.columns : 80;
}

/** `docker`: the Docker 27.5.1 CLI, run against this machine's daemon. */
async function runDockerProgram(process: ProcessContext): Promise<number> {
  const cli = dockerCliFor(process);
  const root = newDockerCommand(cli);
  root.helpColumns = helpColumns(process);
  root.helpToTerminal = process.terminal !== null;
  return executeDocker(cli, root, process.args);
}

export const dockerProgram: ProgramEntry = {
  name: 'docker',
  summary: 'the Docker 27.5.1 command-line client',
  run: runDockerProgram,
  complete: (input) => {
    const words = input.words[0] === 'docker' ? input.words : ['docker', ...input.words];
    return completeCommandLine(newDockerCommand(offlineCli()), { words, current: input.current });
  },
};
