import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type PauseOptions = Record<string, never>;

/** `docker container pause`: pause all processes within one or more containers. */
export function newPauseCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PauseOptions = {};
  const command = new Command({
    use: 'pause CONTAINER [CONTAINER...]',
    short: 'Pause all processes within one or more containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container pause, docker pause',
    },
    run: (invocation) => runPause(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runPause(
  _cli: DockerCli,
  _options: PauseOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
