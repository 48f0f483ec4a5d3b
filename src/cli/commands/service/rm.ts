import { refuseEmptyPath, removeEach } from '../remove-each';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';

export type RmOptions = Record<string, never>;

/** `docker service rm`: remove one or more services. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {};
  const command = new Command({
    use: 'rm SERVICE [SERVICE...]',
    aliases: ['remove'],
    short: 'Remove one or more services',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  return command;
}

/**
 * docker service rm: every service is tried; each success prints the argument as typed, and the
 * errors come together at the end (exit 1). An empty argument makes `DELETE /services/`, a
 * path the daemon's router does not know.
 */
export async function runRm(
  cli: DockerCli,
  _options: RmOptions,
  invocation: Invocation,
): Promise<void> {
  await removeEach(cli, invocation.args, async (ref) => {
    refuseEmptyPath(ref);
    await cli.engine.serviceRemove({ id: ref }, cli.cancel);
  });
}
