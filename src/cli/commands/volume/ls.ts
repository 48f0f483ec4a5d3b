import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  cluster: boolean;
  filter: FilterValue;
  format: string;
  quiet: boolean;
}

/** `docker volume ls`: list volumes. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    cluster: false,
    filter: new FilterValue(),
    format: '',
    quiet: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List volumes',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'cluster',
    'cluster',
    '',
    'Display only cluster volumes, and use cluster volume list formatting',
  );
  flags.add(options.filter, 'filter', 'f', 'Provide filter values (e.g. "dangling=true")');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display volume names');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
