import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface StopOptions {
  signal: string;
  time: number;
}

/** `docker container stop`: stop one or more running containers. */
export function newStopCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: StopOptions = {
    signal: '',
    time: 0,
  };
  const command = new Command({
    use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Stop one or more running containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container stop, docker stop',
    },
    run: (invocation) => runStop(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'signal', 'signal', 's', 'Signal to send to the container');
  flags.intVar(options, 'time', 'time', 't', 'Seconds to wait before killing the container');
  return command;
}

export function runStop(
  _cli: DockerCli,
  _options: StopOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
