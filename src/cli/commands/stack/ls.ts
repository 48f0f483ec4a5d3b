import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  format: string;
}

/** `docker stack ls`: list stacks. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    format: '',
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List stacks',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
