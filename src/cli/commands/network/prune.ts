import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PruneOptions {
  filter: FilterValue;
  force: boolean;
}

/** `docker network prune`: remove all unused networks. */
export function newPruneCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PruneOptions = {
    filter: new FilterValue(),
    force: false,
  };
  const command = new Command({
    use: 'prune [OPTIONS]',
    short: 'Remove all unused networks',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => runPrune(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', '', 'Provide filter values (e.g. "until=<timestamp>")');
  flags.boolVar(options, 'force', 'force', 'f', 'Do not prompt for confirmation');
  return command;
}

export function runPrune(
  _cli: DockerCli,
  _options: PruneOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
