import { removeEach } from '../remove-each';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';

export interface RmOptions {
  force: boolean;
}

/** `docker node rm`: remove one or more nodes from the swarm. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    force: false,
  };
  const command = new Command({
    use: 'rm [OPTIONS] NODE [NODE...]',
    aliases: ['remove'],
    short: 'Remove one or more nodes from the swarm',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Force remove a node from the swarm');
  return command;
}

/**
 * docker node rm: every reference is tried; each success prints the reference as typed, and the
 * errors are printed together at the end (exit 1).
 */
export async function runRm(
  cli: DockerCli,
  options: RmOptions,
  invocation: Invocation,
): Promise<void> {
  await removeEach(cli, invocation.args, (ref) =>
    cli.engine.nodeRemove({ id: ref, force: options.force }, cli.cancel),
  );
}
