import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PushOptions {
  insecure: boolean;
  purge: boolean;
}

/** `docker manifest push`: push a manifest list to a repository. */
export function newPushCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PushOptions = {
    insecure: false,
    purge: false,
  };
  const command = new Command({
    use: 'push [OPTIONS] MANIFEST_LIST',
    short: 'Push a manifest list to a repository',
    args: exactArgs(1),
    run: (invocation) => runPush(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'insecure', 'insecure', '', 'Allow push to an insecure registry');
  flags.boolVar(options, 'purge', 'purge', 'p', 'Remove the local manifest list after push');
  return command;
}

export function runPush(
  _cli: DockerCli,
  _options: PushOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
