import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type SetOptions = Record<string, never>;

/** `docker plugin set`: change settings for a plugin. */
export function newSetCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: SetOptions = {};
  const command = new Command({
    use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]',
    short: 'Change settings for a plugin',
    args: requiresMinArgs(2),
    run: (invocation) => runSet(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runSet(
  _cli: DockerCli,
  _options: SetOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
