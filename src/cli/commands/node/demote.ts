import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type DemoteOptions = Record<string, never>;

/** `docker node demote`: demote one or more nodes from manager in the swarm. */
export function newDemoteCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DemoteOptions = {};
  const command = new Command({
    use: 'demote NODE [NODE...]',
    short: 'Demote one or more nodes from manager in the swarm',
    args: requiresMinArgs(1),
    run: (invocation) => runDemote(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runDemote(
  _cli: DockerCli,
  _options: DemoteOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
