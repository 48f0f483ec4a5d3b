import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RevokeOptions {
  yes: boolean;
}

/** `docker trust revoke`: remove trust for an image. */
export function newRevokeCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RevokeOptions = {
    yes: false,
  };
  const command = new Command({
    use: 'revoke [OPTIONS] IMAGE[:TAG]',
    short: 'Remove trust for an image',
    args: exactArgs(1),
    run: (invocation) => runRevoke(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'yes', 'yes', 'y', 'Do not prompt for confirmation');
  return command;
}

export function runRevoke(
  _cli: DockerCli,
  _options: RevokeOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
