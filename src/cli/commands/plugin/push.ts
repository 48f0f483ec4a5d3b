import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PushOptions {
  disableContentTrust: boolean;
}

/** `docker plugin push`: push a plugin to a registry. */
export function newPushCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PushOptions = {
    disableContentTrust: true,
  };
  const command = new Command({
    use: 'push [OPTIONS] PLUGIN[:TAG]',
    short: 'Push a plugin to a registry',
    args: exactArgs(1),
    run: (invocation) => runPush(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'disableContentTrust', 'disable-content-trust', '', 'Skip image signing');
  return command;
}

export function runPush(
  _cli: DockerCli,
  _options: PushOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
