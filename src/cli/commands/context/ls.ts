import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  format: string;
  quiet: boolean;
}

/** `docker context ls`: list contexts. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    format: '',
    quiet: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List contexts',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only show context names');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
