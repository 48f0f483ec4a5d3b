import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RestartOptions {
  signal: string;
  time: number;
}

/** `docker container restart`: restart one or more containers. */
export function newRestartCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RestartOptions = {
    signal: '',
    time: 0,
  };
  const command = new Command({
    use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Restart one or more containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container restart, docker restart',
    },
    run: (invocation) => runRestart(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'signal', 'signal', 's', 'Signal to send to the container');
  flags.intVar(options, 'time', 'time', 't', 'Seconds to wait before killing the container');
  return command;
}

export function runRestart(
  _cli: DockerCli,
  _options: RestartOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
