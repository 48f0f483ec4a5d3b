import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { updateNodes } from './update-nodes';

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

/**
 * docker node demote: a node that is already a worker is reported by full ID and skipped; the
 * daemon refuses the last manager and a demotion that would lose quorum.
 */
export async function runDemote(
  cli: DockerCli,
  _options: DemoteOptions,
  invocation: Invocation,
): Promise<void> {
  await updateNodes(
    cli,
    invocation.args,
    (node) => {
      if (node.Spec.Role === 'worker') {
        cli.out.write(`Node ${node.ID} is already a worker.\n`);
        return { skip: true };
      }
      return { spec: { ...node.Spec, Role: 'worker' } };
    },
    (ref) => {
      cli.out.write(`Manager ${ref} demoted in the swarm.\n`);
    },
  );
}
