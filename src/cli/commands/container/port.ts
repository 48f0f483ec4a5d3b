import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type PortOptions = Record<string, never>;

/** `docker container port`: list port mappings or a specific mapping for the container. */
export function newPortCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PortOptions = {};
  const command = new Command({
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    short: 'List port mappings or a specific mapping for the container',
    args: requiresRangeArgs(1, 2),
    annotations: {
      aliases: 'docker container port, docker port',
    },
    run: (invocation) => runPort(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runPort(
  _cli: DockerCli,
  _options: PortOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
