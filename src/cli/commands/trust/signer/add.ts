import { ListValue } from '../../../flags';
import { requiresMinArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../../command/command';
import { notSimulated } from '../../../command/not-simulated';

export interface AddOptions {
  key: ListValue;
}

/** `docker trust signer add`: add a signer. */
export function newAddCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: AddOptions = {
    key: new ListValue(),
  };
  const command = new Command({
    use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ',
    short: 'Add a signer',
    args: requiresMinArgs(2),
    run: (invocation) => runAdd(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.key, 'key', '', `Path to the signer's public key file`);
  return command;
}

export function runAdd(
  _cli: DockerCli,
  _options: AddOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
