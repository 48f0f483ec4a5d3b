import { FilterValue, MemBytesValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PruneOptions {
  all: boolean;
  filter: FilterValue;
  force: boolean;
  keepStorage: MemBytesValue;
}

/** `docker builder prune`: remove build cache. */
export function newPruneCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PruneOptions = {
    all: false,
    filter: new FilterValue(),
    force: false,
    keepStorage: new MemBytesValue(),
  };
  const command = new Command({
    use: 'prune',
    short: 'Remove build cache',
    args: noArgs,
    annotations: {
      version: '1.39',
    },
    run: (invocation) => runPrune(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'all',
    'all',
    'a',
    'Remove all unused build cache, not just dangling ones',
  );
  flags.add(options.filter, 'filter', '', 'Provide filter values (e.g. "until=24h")');
  flags.boolVar(options, 'force', 'force', 'f', 'Do not prompt for confirmation');
  flags.add(options.keepStorage, 'keep-storage', '', 'Amount of disk space to keep for cache');
  return command;
}

export function runPrune(
  _cli: DockerCli,
  _options: PruneOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
