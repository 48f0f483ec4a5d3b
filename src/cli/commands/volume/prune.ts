import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PruneOptions {
  all: boolean;
  filter: FilterValue;
  force: boolean;
}

/** `docker volume prune`: remove unused local volumes. */
export function newPruneCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PruneOptions = {
    all: false,
    filter: new FilterValue(),
    force: false,
  };
  const command = new Command({
    use: 'prune [OPTIONS]',
    short: 'Remove unused local volumes',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => runPrune(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'all', 'all', 'a', 'Remove all unused volumes, not just anonymous ones');
  flags.add(options.filter, 'filter', '', 'Provide filter values (e.g. "label=<label>")');
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
