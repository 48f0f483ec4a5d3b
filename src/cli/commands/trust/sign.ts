import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface SignOptions {
  local: boolean;
}

/** `docker trust sign`: sign an image. */
export function newSignCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: SignOptions = {
    local: false,
  };
  const command = new Command({
    use: 'sign IMAGE:TAG',
    short: 'Sign an image',
    args: exactArgs(1),
    run: (invocation) => runSign(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'local', 'local', '', 'Sign a locally tagged image');
  return command;
}

export function runSign(
  _cli: DockerCli,
  _options: SignOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
