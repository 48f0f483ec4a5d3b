import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface InspectOptions {
  insecure: boolean;
  verbose: boolean;
}

/** `docker manifest inspect`: display an image manifest, or manifest list. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    insecure: false,
    verbose: false,
  };
  const command = new Command({
    use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
    short: 'Display an image manifest, or manifest list',
    args: requiresRangeArgs(1, 2),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'insecure',
    'insecure',
    '',
    'Allow communication with an insecure registry',
  );
  flags.boolVar(
    options,
    'verbose',
    'verbose',
    'v',
    'Output additional info including layers and platform',
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
