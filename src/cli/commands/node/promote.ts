import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { updateNodes } from './update-nodes';

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

/** docker node promote: a node that is already a manager is reported by full ID and skipped. */
export async function runPromote(
  cli: DockerCli,
  _options: PromoteOptions,
  invocation: Invocation,
): Promise<void> {
  await updateNodes(
    cli,
    invocation.args,
    (node) => {
      if (node.Spec.Role === 'manager') {
        cli.out.write(`Node ${node.ID} is already a manager.\n`);
        return { skip: true };
      }
      return { spec: { ...node.Spec, Role: 'manager' } };
    },
    (ref) => {
      cli.out.write(`Node ${ref} promoted to a manager in the swarm.\n`);
    },
  );
}
