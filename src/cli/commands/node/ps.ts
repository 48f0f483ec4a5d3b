import { FilterValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PsOptions {
  filter: FilterValue;
  format: string;
  noResolve: boolean;
  noTrunc: boolean;
  quiet: boolean;
}

/** `docker node ps`: list tasks running on one or more nodes, defaults to current node. */
export function newPsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PsOptions = {
    filter: new FilterValue(),
    format: '',
    noResolve: false,
    noTrunc: false,
    quiet: false,
  };
  const command = new Command({
    use: 'ps [OPTIONS] [NODE...]',
    short: 'List tasks running on one or more nodes, defaults to current node',
    args: requiresMinArgs(0),
    run: (invocation) => runPs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', 'Pretty-print tasks using a Go template');
  flags.boolVar(options, 'noResolve', 'no-resolve', '', 'Do not map IDs to Names');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate output');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display task IDs');
  return command;
}

export function runPs(_cli: DockerCli, _options: PsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
