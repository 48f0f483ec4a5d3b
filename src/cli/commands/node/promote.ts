import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type PromoteOptions = Record<string, never>;

/** `docker node promote`: promote one or more nodes to manager in the swarm. */
export function newPromoteCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PromoteOptions = {};
  const command = new Command({
    use: 'promote NODE [NODE...]',
    short: 'Promote one or more nodes to manager in the swarm',
    args: requiresMinArgs(1),
    run: (invocation) => runPromote(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runPromote(
  _cli: DockerCli,
  _options: PromoteOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
