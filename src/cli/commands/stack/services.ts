import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';

export type ServicesOptions = ListOptions;

/** `docker stack services`: list the services in the stack. */
export function newServicesCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ServicesOptions = newListOptions();
  const command = new Command({
    use: 'services [OPTIONS] STACK',
    short: 'List the services in the stack',
    args: exactArgs(1),
    run: (invocation) => runServices(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

export function runServices(
  _cli: DockerCli,
  _options: ServicesOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
