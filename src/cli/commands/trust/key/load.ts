import { exactArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../../command/command';
import { notSimulated } from '../../../command/not-simulated';

export interface LoadOptions {
  name: string;
}

/** `docker trust key load`: load a private key file for signing. */
export function newLoadCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LoadOptions = {
    name: 'signer',
  };
  const command = new Command({
    use: 'load [OPTIONS] KEYFILE',
    short: 'Load a private key file for signing',
    args: exactArgs(1),
    run: (invocation) => runLoad(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'name', 'name', '', 'Name for the loaded key');
  return command;
}

export function runLoad(
  _cli: DockerCli,
  _options: LoadOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
