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

export function runScale(
  _cli: DockerCli,
  _options: ScaleOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
