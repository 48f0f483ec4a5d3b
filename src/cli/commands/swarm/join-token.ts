import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface JoinTokenOptions {
  quiet: boolean;
  rotate: boolean;
}

/** `docker swarm join-token`: manage join tokens. */
export function newJoinTokenCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: JoinTokenOptions = {
    quiet: false,
    rotate: false,
  };
  const command = new Command({
    use: 'join-token [OPTIONS] (worker|manager)',
    short: 'Manage join tokens',
    args: exactArgs(1),
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runJoinToken(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display token');
  flags.boolVar(options, 'rotate', 'rotate', '', 'Rotate join token');
  return command;
}

export function runJoinToken(
  _cli: DockerCli,
  _options: JoinTokenOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
