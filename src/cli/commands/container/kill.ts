import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface KillOptions {
  signal: string;
}

/** `docker container kill`: kill one or more running containers. */
export function newKillCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: KillOptions = {
    signal: '',
  };
  const command = new Command({
    use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Kill one or more running containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container kill, docker kill',
    },
    run: (invocation) => runKill(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'signal', 'signal', 's', 'Signal to send to the container');
  return command;
}

export function runKill(
  _cli: DockerCli,
  _options: KillOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
