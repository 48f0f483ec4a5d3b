import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';

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
  const errors: string[] = [];
  for (const ref of invocation.args) {
    try {
      if (ref === '') throw new CliError('Error response from daemon: page not found');
      await cli.engine.serviceRemove({ id: ref }, cli.cancel);
      cli.out.write(`${ref}\n`);
    } catch (error) {
      errors.push(engineErrorText(error));
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
