import { argsError, requiresMinArgs, type ArgsValidator } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface ScaleOptions {
  detach: boolean;
}

/** `docker service scale`: scale one or multiple replicated services. */
export function newScaleCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ScaleOptions = {
    detach: false,
  };
  const command = new Command({
    use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
    short: 'Scale one or multiple replicated services',
    args: scaleArgs,
    run: (invocation) => runScale(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the service to converge',
  );
  return command;
}

/**
 * docker/cli's `scaleArgs`: at least one argument, each `SERVICE=REPLICAS` with both sides
 * given, or the usage error (checked before the command runs, so before any daemon call).
 */
const scaleArgs: ArgsValidator = (command, args) => {
  requiresMinArgs(1)(command, args);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0 && eq < arg.length - 1) continue;
    throw argsError(command, `Invalid scale specifier '${arg}'.`);
  }
};

export function runScale(
  _cli: DockerCli,
  _options: ScaleOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
