import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type ImportOptions = Record<string, never>;

/** `docker context import`: import a context from a tar or zip file. */
export function newImportCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ImportOptions = {};
  const command = new Command({
    use: 'import CONTEXT FILE|-',
    short: 'Import a context from a tar or zip file',
    args: exactArgs(2),
    run: (invocation) => runImport(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runImport(
  _cli: DockerCli,
  _options: ImportOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
