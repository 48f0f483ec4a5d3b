import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type ExportOptions = Record<string, never>;

/** `docker context export`: export a context to a tar archive FILE or a tar stream on STDOUT.. */
export function newExportCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ExportOptions = {};
  const command = new Command({
    use: 'export [OPTIONS] CONTEXT [FILE|-]',
    short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
    args: requiresRangeArgs(1, 2),
    run: (invocation) => runExport(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runExport(
  _cli: DockerCli,
  _options: ExportOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
