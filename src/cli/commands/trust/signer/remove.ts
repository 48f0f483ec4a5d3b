import { requiresMinArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../../command/command';
import { notSimulated } from '../../../command/not-simulated';

export interface RemoveOptions {
  force: boolean;
}

/** `docker trust signer remove`: remove a signer. */
export function newRemoveCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RemoveOptions = {
    force: false,
  };
  const command = new Command({
    use: 'remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]',
    short: 'Remove a signer',
    args: requiresMinArgs(2),
    run: (invocation) => runRemove(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'force',
    'force',
    'f',
    'Do not prompt for confirmation before removing the most recent signer',
  );
  return command;
}

export function runRemove(
  _cli: DockerCli,
  _options: RemoveOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
