import { removeEach } from '../remove-each';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';

export interface RmOptions {
  force: boolean;
}

/** `docker volume rm`: remove one or more volumes. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    force: false,
  };
  const command = new Command({
    use: 'rm [OPTIONS] VOLUME [VOLUME...]',
    aliases: ['remove'],
    short: 'Remove one or more volumes',
    long: '\nRemove one or more volumes. You cannot remove a volume that is in use by a container.\n',
    example: '\n$ docker volume rm hello\nhello\n',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Force the removal of one or more volumes');
  return command;
}

/**
 * docker volume rm: each name in turn, printed once removed; the daemon's errors are gathered
 * and printed together at the end (exit 1). `-f` makes a missing volume no error, not one in use.
 */
export async function runRm(
  cli: DockerCli,
  options: RmOptions,
  invocation: Invocation,
): Promise<void> {
  await removeEach(cli, invocation.args, (name) =>
    cli.engine.volumeRemove({ name, force: options.force }, cli.cancel),
  );
}
