import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UnlockKeyOptions {
  quiet: boolean;
  rotate: boolean;
}

/** `docker swarm unlock-key`: manage the unlock key. */
export function newUnlockKeyCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UnlockKeyOptions = {
    quiet: false,
    rotate: false,
  };
  const command = new Command({
    use: 'unlock-key [OPTIONS]',
    short: 'Manage the unlock key',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUnlockKey(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display token');
  flags.boolVar(options, 'rotate', 'rotate', '', 'Rotate unlock key');
  return command;
}

export function runUnlockKey(
  _cli: DockerCli,
  _options: UnlockKeyOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
