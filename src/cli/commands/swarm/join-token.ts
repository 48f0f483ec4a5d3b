import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { printJoinCommand } from './printers';

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

/**
 * docker swarm join-token: the role is checked before the daemon is asked; --rotate sends the
 * unchanged spec with the rotation flag; -q prints the token alone.
 */
export async function runJoinToken(
  cli: DockerCli,
  options: JoinTokenOptions,
  invocation: Invocation,
): Promise<void> {
  const role = invocation.args[0] ?? '';
  const worker = role === 'worker';
  const manager = role === 'manager';
  if (!worker && !manager) throw new CliError(`unknown role ${role}`);
  if (options.rotate) {
    const current = await cli.engine.swarmInspect(cli.cancel);
    await cli.engine.swarmUpdate(
      {
        version: current.Version.Index,
        spec: current.Spec,
        flags: {
          RotateWorkerToken: worker,
          RotateManagerToken: manager,
          RotateManagerUnlockKey: false,
        },
      },
      cli.cancel,
    );
    if (!options.quiet) cli.out.write(`Successfully rotated ${role} join token.\n\n`);
  }
  const swarm = await cli.engine.swarmInspect(cli.cancel);
  if (options.quiet) {
    cli.out.write(`${worker ? swarm.JoinTokens.Worker : swarm.JoinTokens.Manager}\n`);
    return;
  }
  const info = await cli.engine.info();
  await printJoinCommand(cli, info.Swarm.NodeID, { worker, manager });
}
