import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface ExportOptions {
  output: string;
}

/** `docker container export`: export a container's filesystem as a tar archive. */
export function newExportCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ExportOptions = {
    output: '',
  };
  const command = new Command({
    use: 'export [OPTIONS] CONTAINER',
    short: `Export a container's filesystem as a tar archive`,
    args: exactArgs(1),
    annotations: {
      aliases: 'docker container export, docker export',
    },
    run: (invocation) => runExport(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'output', 'output', 'o', 'Write to a file, instead of STDOUT');
  return command;
}

export function runExport(
  _cli: DockerCli,
  _options: ExportOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
