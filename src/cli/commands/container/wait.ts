import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type WaitOptions = Record<string, never>;

/** `docker container wait`: block until one or more containers stop, then print their exit codes. */
export function newWaitCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: WaitOptions = {};
  const command = new Command({
    use: 'wait CONTAINER [CONTAINER...]',
    short: 'Block until one or more containers stop, then print their exit codes',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container wait, docker wait',
    },
    run: (invocation) => runWait(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runWait(
  _cli: DockerCli,
  _options: WaitOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
