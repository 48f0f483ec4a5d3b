import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type UnpauseOptions = Record<string, never>;

/** `docker container unpause`: unpause all processes within one or more containers. */
export function newUnpauseCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UnpauseOptions = {};
  const command = new Command({
    use: 'unpause CONTAINER [CONTAINER...]',
    short: 'Unpause all processes within one or more containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container unpause, docker unpause',
    },
    run: (invocation) => runUnpause(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runUnpause(
  _cli: DockerCli,
  _options: UnpauseOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
