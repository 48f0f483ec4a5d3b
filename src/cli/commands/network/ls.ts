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

/** `docker network ls`: list networks. */
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
    short: 'List networks',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Provide filter values (e.g. "driver=bridge")');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate the output');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display network IDs');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
