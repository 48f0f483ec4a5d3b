import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface DisableOptions {
  force: boolean;
}

/** `docker plugin disable`: disable a plugin. */
export function newDisableCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DisableOptions = {
    force: false,
  };
  const command = new Command({
    use: 'disable [OPTIONS] PLUGIN',
    short: 'Disable a plugin',
    args: exactArgs(1),
    run: (invocation) => runDisable(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Force the disable of an active plugin');
  return command;
}

export function runDisable(
  _cli: DockerCli,
  _options: DisableOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
