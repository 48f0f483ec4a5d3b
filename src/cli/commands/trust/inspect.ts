import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface InspectOptions {
  pretty: boolean;
}

/** `docker trust inspect`: return low-level information about keys and signatures. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    pretty: false,
  };
  const command = new Command({
    use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
    short: 'Return low-level information about keys and signatures',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'pretty',
    'pretty',
    '',
    'Print the information in a human friendly format',
  );
  return command;
}

export function runInspect(
  _cli: DockerCli,
  _options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
