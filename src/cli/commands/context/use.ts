import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type UseOptions = Record<string, never>;

/** `docker context use`: set the current docker context. */
export function newUseCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UseOptions = {};
  const command = new Command({
    use: 'use CONTEXT',
    short: 'Set the current docker context',
    args: exactArgs(1),
    run: (invocation) => runUse(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runUse(
  _cli: DockerCli,
  _options: UseOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
