import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  amend: boolean;
  insecure: boolean;
}

/** `docker manifest create`: create a local manifest list for annotating and pushing to a registry. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    amend: false,
    insecure: false,
  };
  const command = new Command({
    use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
    short: 'Create a local manifest list for annotating and pushing to a registry',
    args: requiresMinArgs(2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'amend', 'amend', 'a', 'Amend an existing manifest list');
  flags.boolVar(
    options,
    'insecure',
    'insecure',
    '',
    'Allow communication with an insecure registry',
  );
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
