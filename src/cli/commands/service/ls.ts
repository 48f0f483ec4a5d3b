import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';

export type LsOptions = ListOptions;

/** `docker service ls`: list services. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = newListOptions();
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List services',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
