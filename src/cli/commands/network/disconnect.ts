import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface DisconnectOptions {
  force: boolean;
}

/** `docker network disconnect`: disconnect a container from a network. */
export function newDisconnectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DisconnectOptions = {
    force: false,
  };
  const command = new Command({
    use: 'disconnect [OPTIONS] NETWORK CONTAINER',
    short: 'Disconnect a container from a network',
    args: exactArgs(2),
    run: (invocation) => runDisconnect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Force the container to disconnect from a network');
  return command;
}

export function runDisconnect(
  _cli: DockerCli,
  _options: DisconnectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
