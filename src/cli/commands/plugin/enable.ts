import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface EnableOptions {
  timeout: number;
}

/** `docker plugin enable`: enable a plugin. */
export function newEnableCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: EnableOptions = {
    timeout: 30,
  };
  const command = new Command({
    use: 'enable [OPTIONS] PLUGIN',
    short: 'Enable a plugin',
    args: exactArgs(1),
    run: (invocation) => runEnable(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.intVar(options, 'timeout', 'timeout', '', 'HTTP client timeout (in seconds)');
  return command;
}

export function runEnable(
  _cli: DockerCli,
  _options: EnableOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
