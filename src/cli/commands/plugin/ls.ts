import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  filter: FilterValue;
  format: string;
  noTrunc: boolean;
  quiet: boolean;
}

/** `docker plugin ls`: list plugins. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    filter: new FilterValue(),
    format: '',
    noTrunc: false,
    quiet: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List plugins',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Provide filter values (e.g. "enabled=true")');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', `Don't truncate output`);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display plugin IDs');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
