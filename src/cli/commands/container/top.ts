import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type TopOptions = Record<string, never>;

/** `docker container top`: display the running processes of a container. */
export function newTopCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: TopOptions = {};
  const command = new Command({
    use: 'top CONTAINER [ps OPTIONS]',
    short: 'Display the running processes of a container',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container top, docker top',
    },
    interspersed: false,
    run: (invocation) => runTop(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runTop(
  _cli: DockerCli,
  _options: TopOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
