import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type UnlockOptions = Record<string, never>;

/** `docker swarm unlock`: unlock swarm. */
export function newUnlockCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UnlockOptions = {};
  const command = new Command({
    use: 'unlock',
    short: 'Unlock swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUnlock(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runUnlock(
  _cli: DockerCli,
  _options: UnlockOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
